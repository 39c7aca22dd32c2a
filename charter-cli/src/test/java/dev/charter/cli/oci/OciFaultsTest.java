package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.FaultProxy;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults between client and a real Distribution, injected by {@link FaultProxy} because no
 * real peer cuts connections or answers with an ingress controller's HTML page on demand.
 */
class OciFaultsTest {

    static DistributionRegistry registry;
    static FaultProxy proxy;
    static Path chart;
    static String chartDigest;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("oci-faults-");
        registry = DistributionRegistry.startOpen();
        proxy = new FaultProxy(registry.port());
        HelmOracle helm = HelmOracle.v4();
        chart = OciTestSupport.packageChart(helm, dir, "mychart", "0.1.0");
        ok(helm.run(dir, "push", chart.toString(), "oci://" + registry.host() + "/faults", "--plain-http"));
        chartDigest = "sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(chart)));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        registry.close();
    }

    @AfterEach
    void noFaults() {
        proxy.clearFaults();
    }

    private static String ref() {
        return "oci://" + proxy.host() + "/faults/mychart";
    }

    private static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private static String[] pull() {
        return new String[] {"pull", ref(), "--version", "0.1.0", "--plain-http"};
    }

    private static void assertNothingLeft(Path workDir, CharterRunner charter) throws Exception {
        try (var files = Files.list(workDir)) {
            assertThat(files).as("no partial file in the working directory").isEmpty();
        }
        String hex = chartDigest.substring("sha256:".length());
        try (var cached = Files.walk(charter.home)) {
            assertThat(cached.filter(p -> p.getFileName().toString().startsWith(hex))).as("no chart blob in the cache").isEmpty();
        }
    }

    /** Helm gives up at the first broken connection; Charter resumes the blob with a Range request. */
    @Test
    void aConnectionCutMidBlobIsResumed(@TempDir Path dir) throws Exception {
        for (boolean reset : new boolean[] {true, false}) {
            Path h = Files.createDirectories(dir.resolve("h" + reset));
            Path c = Files.createDirectories(dir.resolve("c" + reset));
            proxy.inject("GET", "/blobs/" + chartDigest, new FaultProxy.CutAfter(1000, reset), 1);
            ProcessResult hr = HelmOracle.v4().run(h, pull());
            assertThat(hr.exitCode()).as(hr.toString()).isEqualTo(1);
            assertThat(hr.err()).startsWith("Error: failed to perform \"Push\" on destination: read failed: ");

            proxy.requests.clear();
            proxy.inject("GET", "/blobs/" + chartDigest, new FaultProxy.CutAfter(1000, reset), 1);
            ProcessResult cr = ok(new CharterRunner().run(c, pull()));
            assertThat(cr.err()).startsWith("Pulled: " + proxy.host() + "/faults/mychart:0.1.0\nDigest: sha256:");
            assertThat(Files.readAllBytes(c.resolve("mychart-0.1.0.tgz"))).isEqualTo(Files.readAllBytes(chart));
            assertThat(proxy.requests.stream().filter(r -> r.startsWith("GET /v2/faults/mychart/blobs/" + chartDigest))).hasSize(2);
            if (!reset) {
                // after a clean close the first thousand bytes arrived: the second request resumes after them
                // (a reset may discard bytes already received, so then it may start again from zero)
                assertThat(proxy.requests).contains("GET /v2/faults/mychart/blobs/" + chartDigest + " (range bytes=1000-)");
            }
        }
    }

    /** A connection that breaks on every attempt: Helm's message form, exit 1, nothing written or cached. */
    @Test
    void aConnectionThatKeepsBreakingEndsInHelmsError(@TempDir Path dir) throws Exception {
        Path h = Files.createDirectories(dir.resolve("h"));
        Path c = Files.createDirectories(dir.resolve("c"));
        proxy.inject("GET", "/blobs/" + chartDigest, new FaultProxy.CutAfter(1000, false), 100);
        ProcessResult hr = HelmOracle.v4().run(h, pull());
        CharterRunner charter = new CharterRunner();
        ProcessResult cr = charter.run(c, pull());
        long size = Files.size(chart);
        String form = "Error: failed to perform \"Push\" on destination: read failed: expected content size of " + size
                + ", got %d, for digest " + chartDigest + ": unexpected EOF\n";
        assertThat(hr.err()).isEqualTo(form.formatted(1000));
        // Charter resumed three times, a thousand bytes each, before giving up
        assertThat(cr.err()).isEqualTo(form.formatted(4000));
        assertThat(cr.exitCode()).isEqualTo(hr.exitCode()).isEqualTo(1);
        assertNothingLeft(c, charter);
    }

    /** Proxies and ingress controllers answer with HTML pages: the same one-line errors as Helm. */
    @Test
    void htmlErrorPagesGiveHelmsMessages(@TempDir Path dir) throws Exception {
        record Case(String path, FaultProxy.HtmlError error) {
        }
        for (Case k : java.util.List.of(
                new Case("/manifests/", new FaultProxy.HtmlError(502, "Bad Gateway", NGINX_502)),
                new Case("/blobs/" + chartDigest, new FaultProxy.HtmlError(404, "Not Found", "<html><body><h1>404 Not Found</h1></body></html>")),
                new Case("/blobs/" + chartDigest, new FaultProxy.HtmlError(403, "Forbidden", "<!DOCTYPE html><html><body>Forbidden</body></html>")),
                new Case("/v2/", new FaultProxy.HtmlError(500, "Internal Server Error", "<html><body>oops</body></html>")))) {
            proxy.clearFaults();
            proxy.inject("GET", k.path(), k.error(), 1000);
            Path h = Files.createDirectories(dir.resolve("h" + k.error().status()));
            Path c = Files.createDirectories(dir.resolve("c" + k.error().status()));
            ProcessResult hr = HelmOracle.v4().run(h, pull());
            CharterRunner charter = new CharterRunner();
            ProcessResult cr = charter.run(c, pull());
            assertThat(cr.err()).as("%s", k).isEqualTo(hr.err());
            assertThat(cr.exitCode()).as("%s", k).isEqualTo(hr.exitCode()).isEqualTo(1);
            assertThat(cr.err().lines()).hasSize(1);
            assertNothingLeft(c, charter);
        }
    }
}

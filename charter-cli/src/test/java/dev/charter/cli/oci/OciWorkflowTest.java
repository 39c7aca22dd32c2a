package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charter's push/pull against Debian's Distribution, differentially against Helm v4. */
class OciWorkflowTest {

    static DistributionRegistry registry;
    static HelmOracle helm;
    static CharterRunner charter;
    static Path charts;

    @BeforeAll
    static void start() throws IOException {
        registry = DistributionRegistry.startOpen();
        helm = HelmOracle.v4();
        charter = new CharterRunner();
        charts = Files.createTempDirectory("oci-charts-");
        for (String v : List.of("0.1.0", "0.2.0", "0.10.0", "1.0.0-rc.1", "1.0.0+build.5")) {
            OciTestSupport.packageChart(helm, charts, "mychart", v);
        }
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private String host() {
        return registry.host();
    }

    /** Runs the same arguments through both tools in fresh directories and returns {helm, charter}. */
    private ProcessResult[] both(Path dir, String... args) throws IOException {
        Path h = Files.createDirectories(dir.resolve("helm"));
        Path c = Files.createDirectories(dir.resolve("charter"));
        return new ProcessResult[] {helm.run(h, args), charter.run(c, args)};
    }

    private static void assertSame(ProcessResult[] r) {
        assertThat(r[1].err()).as("stderr").isEqualTo(r[0].err());
        assertThat(r[1].out()).as("stdout").isEqualTo(r[0].out());
        assertThat(r[1].exitCode()).as("exit code").isEqualTo(r[0].exitCode());
    }

    @Test
    void pushGivesHelmsOutputAndManifestDigest() throws IOException {
        Path tgz = charts.resolve("mychart-0.1.0.tgz");
        ProcessResult viaHelm = ok(helm.run(charts, "push", tgz.toString(), "oci://" + host() + "/by-helm", "--plain-http"));
        ProcessResult viaCharter = ok(charter.run(charts, "push", tgz.toString(), "oci://" + host() + "/by-charter", "--plain-http"));
        assertThat(viaCharter.out()).isEmpty();
        assertThat(viaCharter.err()).isEqualTo(viaHelm.err().replace("/by-helm/", "/by-charter/"));
        assertThat(viaCharter.err()).startsWith("Pushed: " + host() + "/by-charter/mychart:0.1.0\nDigest: sha256:");

        // skopeo reads the manifest Charter pushed and sees the same bytes Helm pushed
        ProcessResult raw = Processes.run(charts, Map.of(), null, List.of("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + host() + "/by-charter/mychart:0.1.0"));
        ProcessResult rawHelm = Processes.run(charts, Map.of(), null, List.of("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + host() + "/by-helm/mychart:0.1.0"));
        assertThat(raw.exitCode()).as(raw.toString()).isZero();
        assertThat(raw.out()).isEqualTo(rawHelm.out()).contains("\"org.opencontainers.image.created\":\"2024-05-06T07:08:09Z\"");
    }

    @Test
    void createdAnnotationFollowsTz() throws IOException {
        Path tgz = charts.resolve("mychart-0.2.0.tgz");
        Map<String, String> ny = Map.of("TZ", "America/New_York");
        ProcessResult viaHelm = ok(helm.run(charts, ny, null, "push", tgz.toString(), "oci://" + host() + "/tz-helm", "--plain-http"));
        ProcessResult viaCharter = ok(charter.run(charts, ny, null, "push", tgz.toString(), "oci://" + host() + "/tz-charter", "--plain-http"));
        assertThat(viaCharter.err()).isEqualTo(viaHelm.err().replace("/tz-helm/", "/tz-charter/"));
    }

    @Test
    void charterPushesHelmPullsAndShows(@TempDir Path dir) throws IOException {
        for (String v : List.of("0.1.0", "0.2.0", "0.10.0", "1.0.0-rc.1", "1.0.0+build.5")) {
            ok(charter.run(charts, "push", charts.resolve("mychart-" + v + ".tgz").toString(), "oci://" + host() + "/c2h", "--plain-http"));
        }
        ProcessResult pulled = ok(helm.run(dir, "pull", "oci://" + host() + "/c2h/mychart", "--version", "0.2.0", "--plain-http"));
        assertThat(pulled.err()).startsWith("Pulled: " + host() + "/c2h/mychart:0.2.0\n");
        assertThat(Files.readAllBytes(dir.resolve("mychart-0.2.0.tgz"))).isEqualTo(Files.readAllBytes(charts.resolve("mychart-0.2.0.tgz")));
        ProcessResult shown = ok(helm.run(dir, "show", "chart", "oci://" + host() + "/c2h/mychart", "--version", "0.1.0", "--plain-http"));
        assertThat(shown.out()).contains("name: mychart").contains("version: 0.1.0");
    }

    @Test
    void helmPushesCharterPulls(@TempDir Path dir) throws IOException {
        for (String v : List.of("0.1.0", "0.2.0", "0.10.0", "1.0.0-rc.1", "1.0.0+build.5")) {
            ok(helm.run(charts, "push", charts.resolve("mychart-" + v + ".tgz").toString(), "oci://" + host() + "/h2c", "--plain-http"));
        }
        String ref = "oci://" + host() + "/h2c/mychart";
        int i = 0;
        for (List<String> extra : List.of(List.<String>of(), List.of("--version", "0.2.0"), List.of("--version", "^0.1"),
                List.of("--version", "~0.2"), List.of("--devel"), List.of("--version", "1.0.0-rc.1"), List.of("--version", "<1.0.0"),
                List.of("--version", "1.0.0+build.5"), List.of("--version", "0.10"), List.of("--version", ">5.0.0"),
                List.of("--version", "v1.0.0"), List.of("--version", "not a version"))) {
            String[] args = concat(List.of("pull", ref, "--plain-http"), extra);
            ProcessResult[] r = both(dir.resolve("case" + i++), args);
            assertSame(r);
        }
        ProcessResult[] byTag = both(dir.resolve("bytag"), "pull", ref + ":0.2.0", "--plain-http");
        assertSame(byTag);
        assertThat(Files.readAllBytes(dir.resolve("bytag/charter/mychart-0.2.0.tgz")))
                .isEqualTo(Files.readAllBytes(charts.resolve("mychart-0.2.0.tgz")));
        String digest = byTag[0].err().lines().filter(l -> l.startsWith("Digest: ")).findFirst().orElseThrow().substring(8);
        assertSame(both(dir.resolve("bydigest"), "pull", ref + "@" + digest, "--plain-http"));
        assertThat(dir.resolve("bydigest/charter/mychart@" + digest.replace(':', '-') + ".tgz")).exists();
        assertSame(both(dir.resolve("tagdigest"), "pull", ref + ":0.2.0@" + digest, "--plain-http"));
        assertSame(both(dir.resolve("mismatch"), "pull", ref + ":0.1.0@" + digest, "--plain-http"));
        assertSame(both(dir.resolve("untar"), "pull", ref, "--version", "0.2.0", "--plain-http", "--untar"));
        assertThat(dir.resolve("untar/charter/mychart/Chart.yaml")).exists();
        assertSame(both(dir.resolve("prov"), "pull", ref, "--version", "0.2.0", "--plain-http", "--prov"));
    }

    @Test
    void errorsMatchHelm(@TempDir Path dir) throws IOException {
        ok(helm.run(charts, "push", charts.resolve("mychart-0.1.0.tgz").toString(), "oci://" + host() + "/err", "--plain-http"));
        String ref = "oci://" + host() + "/err/mychart";
        int i = 0;
        for (List<String> args : List.of(
                List.of("pull", ref + ":9.9.9", "--plain-http"),
                List.of("pull", ref + ":0.1.0", "--version", "0.2.0", "--plain-http"),
                List.of("pull", ref + "@sha256:abc", "--plain-http"),
                List.of("pull", ref + ":1.0.0+build", "--plain-http"),
                List.of("pull", ref + ":1.0.0_build", "--plain-http"),
                List.of("pull", "oci://" + host() + "/err/nothere", "--plain-http"),
                List.of("pull", "oci://" + host() + "/Upper/mychart", "--plain-http"),
                List.of("pull", ref + "@sha256:" + "0".repeat(64), "--plain-http"),
                List.of("pull", ref, "--version", "0.1.0", "--plain-http", "-d", "missing-dir"),
                List.of("pull", "oci://127.0.0.1:1/x/mychart", "--plain-http"),
                List.of("pull", "oci://127.0.0.1:1/x/mychart", "--version", "0.1.0"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString(), "oci://127.0.0.1:1/x", "--plain-http"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString(), "localhost:5000/x"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString(), "127.0.0.1:5000/x"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString(), "example.com/x"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString(), "https://example.com/x"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString(), "oci://" + host() + "/charts:1.0"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString(), "oci://" + host() + "/A"),
                List.of("push", charts.resolve("nonexistent.tgz").toString(), "oci://" + host() + "/x"),
                List.of("push", charts.toString(), "oci://" + host() + "/x"),
                List.of("push", charts.resolve("mychart-0.1.0.tgz").toString()))) {
            ProcessResult[] r = both(dir.resolve("e" + i++), args.toArray(String[]::new));
            String helmErr = r[0].err().replaceAll("tgz[0-9]+:", "tgz<N>:").replace("helm ", "charter ");
            String charterErr = r[1].err().replaceAll("tgz[0-9]+:", "tgz<N>:");
            assertThat(charterErr).as(String.join(" ", args)).isEqualTo(helmErr);
            assertThat(r[1].exitCode()).as(String.join(" ", args)).isEqualTo(r[0].exitCode());
        }
    }

    @Test
    void repeatedPullUsesTheBlobCache(@TempDir Path dir) throws IOException {
        ok(charter.run(charts, "push", charts.resolve("mychart-0.1.0.tgz").toString(), "oci://" + host() + "/cached", "--plain-http"));
        String ref = "oci://" + host() + "/cached/mychart";
        ok(charter.run(Files.createDirectories(dir.resolve("a")), "pull", ref, "--version", "0.1.0", "--plain-http"));
        int blobGets = countBlobGets();
        ok(charter.run(Files.createDirectories(dir.resolve("b")), "pull", ref, "--version", "0.1.0", "--plain-http"));
        ok(charter.run(dir, "show", "chart", ref, "--version", "0.1.0", "--plain-http"));
        assertThat(countBlobGets()).isEqualTo(blobGets);
        assertThat(Files.readAllBytes(dir.resolve("b/mychart-0.1.0.tgz"))).isEqualTo(Files.readAllBytes(charts.resolve("mychart-0.1.0.tgz")));
    }

    @Test
    void showViaOciMatchesHelm(@TempDir Path dir) throws IOException {
        ok(helm.run(charts, "push", charts.resolve("mychart-0.2.0.tgz").toString(), "oci://" + host() + "/show", "--plain-http"));
        for (String section : List.of("chart", "values", "all")) {
            assertSame(both(dir.resolve(section), "show", section, "oci://" + host() + "/show/mychart", "--plain-http"));
        }
    }

    /**
     * {@code show chart oci://} needs only the config blob (Helm's json.Marshal of the metadata):
     * the chart layer is not downloaded, and the output is byte-identical to Helm's, which pulls
     * the whole chart — for metadata using every field Helm's Metadata struct has.
     */
    @Test
    void showChartFetchesOnlyTheConfigBlob(@TempDir Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/rich/templates"));
        Files.writeString(src.resolve("../Chart.yaml"), """
                apiVersion: v2
                name: rich
                version: 1.2.3+build.7
                description: "Rich <chart> & stuff \u00e9 — a long description that goes on and on and on and on and on past the line width"
                home: https://example.com/home
                sources: [https://github.com/example/one, https://github.com/example/two]
                keywords: [a, "b: c", "123"]
                maintainers:
                  - {name: Alice, email: alice@example.com, url: https://alice.example.com}
                  - name: Bob
                icon: https://example.com/icon.png
                appVersion: "2.0"
                deprecated: true
                annotations:
                  example.com/custom: "yes"
                  example.com/multi: |
                    line one
                    line two
                kubeVersion: ">=1.20.0-0"
                dependencies:
                  - {name: sub2, version: ~0.1.0, repository: "https://charts.example.com"}
                  - name: sub1
                    version: ">=0.1.0"
                    repository: oci://registry.example.com/charts
                    condition: first.enabled,second.enabled
                    tags: [t1, t2]
                    alias: first
                    import-values: [data, {child: a.b, parent: c}]
                type: application
                """);
        Files.writeString(src.resolve("cm.yaml"), "kind: ConfigMap\n");
        for (String sub : List.of("sub1", "sub2")) {
            Path d = Files.createDirectories(src.resolve("../charts/" + sub));
            Files.writeString(d.resolve("Chart.yaml"), "apiVersion: v2\nname: " + sub + "\nversion: 0.1.5\n");
        }
        ok(helm.run(dir.resolve("src"), "package", "rich", "-d", dir.toString()));
        ok(helm.run(dir, "push", dir.resolve("rich-1.2.3+build.7.tgz").toString(), "oci://" + host() + "/meta", "--plain-http"));
        String ref = "oci://" + host() + "/meta/rich";
        Map<String, String> freshCache = Map.of("HELM_CACHE_HOME", dir.resolve("cache").toString());
        long before = blobGets("meta/rich");
        ProcessResult h = helm.run(Files.createDirectories(dir.resolve("h")), "show", "chart", ref, "--plain-http");
        long helmGets = blobGets("meta/rich") - before;
        ProcessResult c = charter.run(Files.createDirectories(dir.resolve("c")), freshCache, null, "show", "chart", ref, "--plain-http");
        long charterGets = blobGets("meta/rich") - before - helmGets;
        assertSame(new ProcessResult[] {h, c});
        assertThat(c.out()).contains("deprecated: true").contains("import-values:");
        assertThat(helmGets).as("Helm downloads config and chart").isEqualTo(2);
        assertThat(charterGets).as("Charter downloads the config only").isEqualTo(1);
        // the other sections still need (and then cache) the chart
        ok(charter.run(dir.resolve("c"), freshCache, null, "show", "values", ref, "--plain-http"));
        assertThat(blobGets("meta/rich") - before - helmGets).isEqualTo(2);
    }

    private long blobGets(String repository) {
        return registry.logText().lines().filter(l -> l.contains("\"GET /v2/" + repository + "/blobs/")).count();
    }

    private int countBlobGets() {
        return (int) registry.logText().lines().filter(l -> l.contains("\"GET /v2/cached/mychart/blobs/")).count();
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}

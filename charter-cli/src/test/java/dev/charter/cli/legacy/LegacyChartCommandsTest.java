package dev.charter.cli.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.registry.RegistryServer;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code charter chart save|list|export|push|pull|remove} against real registries and Helm v4. */
class LegacyChartCommandsTest {

    private static final Pattern DIGEST = Pattern.compile("(?m)^digest:  ([0-9a-f]{64})$");

    static DistributionRegistry distribution;
    static RegistryServer charterRegistry;
    static HelmOracle helm;

    @BeforeAll
    static void start(@TempDir Path storage) {
        distribution = DistributionRegistry.startOpen();
        charterRegistry = RegistryServer.builder().root(storage).port(0).start();
        helm = HelmOracle.v4();
    }

    @AfterAll
    static void stop() {
        distribution.close();
        charterRegistry.close();
    }

    private static CharterRunner charter(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
        env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
        env.put("HELM_DATA_HOME", home.resolve("data").toString());
        env.put("TZ", "UTC");
        env.put("HELM_EXPERIMENTAL_OCI", "1");
        return new CharterRunner(env);
    }

    private static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private static Path chartDir(Path dir, String version) throws IOException {
        Path chart = dir.resolve("src-" + version + "/mychart");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: mychart\nversion: " + version + "\n");
        Files.writeString(chart.resolve("values.yaml"), "replicas: 1\n");
        Files.writeString(chart.resolve("templates/cm.yaml"), "kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
        return chart;
    }

    private static String digestOf(ProcessResult r) {
        Matcher m = DIGEST.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    private static String summary(String ref, String digest, String size, String version) {
        return "ref:     " + ref + "\ndigest:  " + digest + "\nsize:    " + size + "\nname:    mychart\nversion: " + version + "\n";
    }

    private static String size(Path home, String digest) throws IOException {
        // the content layer's size, read from the manifest in the cache
        String manifest = Files.readString(home.resolve("cache/oci/blobs/sha256/" + digest));
        Matcher m = Pattern.compile("\"application/tar\\+gzip\",\"digest\":\"sha256:[0-9a-f]+\",\"size\":(\\d+)").matcher(manifest);
        assertThat(m.find()).as(manifest).isTrue();
        return dev.charter.oci.legacy.LegacyFormat.byteCountBinary(Long.parseLong(m.group(1)));
    }

    @Test
    void saveListExportRemoveOffline(@TempDir Path dir) throws IOException {
        CharterRunner charter = charter(dir.resolve("home"));
        Path src = chartDir(dir, "0.1.0");
        String ref = "localhost:5000/myrepo/mychart:2.7.0";

        ProcessResult saved = ok(charter.run(dir, "chart", "save", src.toString(), ref));
        String digest = digestOf(saved);
        String size = size(dir.resolve("home"), digest);
        assertThat(saved.out()).isEqualTo(summary(ref, digest, size, "0.1.0") + "2.7.0: saved\n");
        assertThat(saved.err()).startsWith("Note: \"chart save\" is Helm 3.0-3.6's experimental OCI support; today: charter package ")
                .contains("charter push").hasLineCount(1);

        ok(charter.run(dir, "chart", "save", src.toString(), "localhost:5000/myrepo/mychart:latest"));
        ProcessResult list = ok(charter.run(dir, "chart", "ls"));
        String d7 = digest.substring(0, 7);
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("REF +\tNAME +\tVERSION\tDIGEST \tSIZE +\tCREATED +");
        assertThat(lines.get(1)).matches("localhost:5000/myrepo/mychart:2\\.7\\.0 \tmychart\t0\\.1\\.0  \t" + d7
                + "\t" + Pattern.quote(size) + " *\t(Less than a second|\\d seconds) *");
        assertThat(lines.get(2)).startsWith("localhost:5000/myrepo/mychart:latest\tmychart\t0.1.0  \t" + d7 + "\t");
        for (String line : lines) {
            assertThat(line).hasSize(lines.get(0).length());
        }

        ProcessResult exported = ok(charter.run(dir, "chart", "export", ref, "-d", "out"));
        assertThat(exported.out()).isEqualTo(summary(ref, digest, size, "0.1.0") + "Exported chart to out/mychart/\n");
        assertThat(Files.readString(dir.resolve("out/mychart/templates/cm.yaml")))
                .isEqualTo(Files.readString(src.resolve("templates/cm.yaml")));
        assertThat(Files.readString(dir.resolve("out/mychart/Chart.yaml"))).isEqualTo("apiVersion: v2\nname: mychart\nversion: 0.1.0\n");

        ProcessResult removed = ok(charter.run(dir, "chart", "rm", ref));
        assertThat(removed.out()).isEqualTo("2.7.0: removed\n");
        ProcessResult again = charter.run(dir, "chart", "remove", ref);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).endsWith("Error: Chart not found: " + ref + "\n");
        assertThat(ok(charter.run(dir, "chart", "list")).out().lines()).hasSize(2);
    }

    @Test
    void errorsOfThatEra(@TempDir Path dir) throws IOException {
        CharterRunner charter = charter(dir.resolve("home"));
        Path src = chartDir(dir, "0.1.0");
        ProcessResult colons = charter.run(dir, "chart", "save", src.toString(), "a:b:c");
        assertThat(colons.exitCode()).isEqualTo(1);
        assertThat(colons.err()).endsWith(
                "Error: ref may only contain a single colon character (:) unless specifying a port number\n");
        ProcessResult noTag = charter.run(dir, "chart", "pull", "localhost:5000/myrepo/mychart");
        assertThat(noTag.exitCode()).isEqualTo(1);
        assertThat(noTag.err()).endsWith("Error: tag explicitly required\n");
        for (String cmd : List.of("push", "export")) {
            ProcessResult missing = charter.run(dir, "chart", cmd, "localhost:5000/myrepo/mychart:9.9.9");
            assertThat(missing.exitCode()).as(cmd).isEqualTo(1);
            assertThat(missing.out()).as(cmd).isEmpty();
            assertThat(missing.err()).as(cmd).endsWith("Error: Chart not found: localhost:5000/myrepo/mychart:9.9.9\n");
        }
        ProcessResult args = charter.run(dir, "chart", "save", src.toString());
        assertThat(args.exitCode()).isEqualTo(1);
        assertThat(args.err()).contains("Error: \"charter chart save\" requires at least 2 arguments");
    }

    @Test
    void roundTripThroughDistribution(@TempDir Path dir) throws Exception {
        roundTrip(dir, distribution.host());
    }

    @Test
    void roundTripThroughCharterRegistry(@TempDir Path dir) throws Exception {
        roundTrip(dir, charterRegistry.host());
    }

    private void roundTrip(Path dir, String host) throws Exception {
        CharterRunner first = charter(dir.resolve("home1"));
        String ref = host + "/legacy/mychart:latest";
        ProcessResult saved = ok(first.run(dir, "chart", "save", chartDir(dir, "1.2.3").toString(), ref));
        String digest = digestOf(saved);
        String size = size(dir.resolve("home1"), digest);

        ProcessResult pushed = ok(first.run(dir, "chart", "push", ref, "--plain-http"));
        assertThat(pushed.out()).isEqualTo("The push refers to repository [" + host + "/legacy/mychart]\n"
                + summary(ref, digest, size, "1.2.3") + "latest: pushed to remote (1 layer, " + size + " total)\n");
        assertThat(pushed.err()).isEqualTo("Note: \"chart push\" is Helm 3.0-3.6's experimental OCI support; today: "
                + "charter push NAME-VERSION.tgz oci://" + host + "/legacy\n");

        // the registry holds Helm 3.0–3.6's manifest: same bytes as the cache, no annotations, legacy layer type
        String manifest = fetchManifest(host, "legacy/mychart", "latest");
        assertThat(manifest).isEqualTo(Files.readString(dir.resolve("home1/cache/oci/blobs/sha256/" + digest)));
        assertThat(manifest).startsWith("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.cncf.helm.config.v1+json\"")
                .contains("\"layers\":[{\"mediaType\":\"application/tar+gzip\"").doesNotContain("annotations");

        CharterRunner second = charter(dir.resolve("home2"));
        ProcessResult pulled = ok(second.run(dir, "chart", "pull", ref, "--plain-http"));
        assertThat(pulled.out()).isEqualTo("latest: Pulling from " + host + "/legacy/mychart\n"
                + summary(ref, digest, size, "1.2.3") + "Status: Downloaded newer chart for " + ref + "\n");
        assertThat(pulled.err()).isEqualTo("Note: \"chart pull\" is Helm 3.0-3.6's experimental OCI support; today: "
                + "charter pull oci://" + host + "/legacy/mychart --version latest\n");
        ProcessResult again = ok(second.run(dir, "chart", "pull", ref, "--plain-http"));
        assertThat(again.out()).endsWith("Status: Chart is up to date for " + ref + "\n");
        ProcessResult exported = ok(second.run(dir, "chart", "export", ref));
        assertThat(exported.out()).endsWith("Exported chart to mychart/\n");
        assertThat(Files.readString(dir.resolve("mychart/values.yaml"))).isEqualTo("replicas: 1\n");
    }

    private static String fetchManifest(String host, String repo, String tag) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + host + "/v2/" + repo + "/manifests/" + tag))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void helmV4PullsWhatChartPushWrote(@TempDir Path dir) throws IOException {
        CharterRunner charter = charter(dir.resolve("home"));
        String host = distribution.host();
        String ref = host + "/h4/mychart:0.3.0";
        ok(charter.run(dir, "chart", "save", chartDir(dir, "0.3.0").toString(), ref));
        ok(charter.run(dir, "chart", "push", ref, "--plain-http"));

        Path viaHelm = Files.createDirectories(dir.resolve("helm"));
        Path viaCharter = Files.createDirectories(dir.resolve("charter"));
        String[] args = {"pull", "oci://" + host + "/h4/mychart", "--version", "0.3.0", "--plain-http"};
        ProcessResult h = ok(helm.run(viaHelm, args));
        ProcessResult c = ok(charter(dir.resolve("fresh")).run(viaCharter, args));
        assertThat(h.err()).startsWith("Warning: chart media type application/tar+gzip is deprecated\nPulled: " + host + "/h4/mychart:0.3.0\n");
        assertThat(c.err()).isEqualTo(h.err());
        assertThat(c.out()).isEqualTo(h.out());
        byte[] helmTgz = Files.readAllBytes(viaHelm.resolve("mychart-0.3.0.tgz"));
        assertThat(Files.readAllBytes(viaCharter.resolve("mychart-0.3.0.tgz"))).isEqualTo(helmTgz);
        ProcessResult shown = ok(helm.run(viaHelm, "show", "chart", "mychart-0.3.0.tgz"));
        assertThat(shown.out()).isEqualTo("apiVersion: v2\nname: mychart\nversion: 0.3.0\n\n");
    }

    @Test
    void savedChartsAreVisibleToModernPullOffline(@TempDir Path dir) throws IOException {
        CharterRunner charter = charter(dir.resolve("home"));
        ProcessResult saved = ok(charter.run(dir, "chart", "save", chartDir(dir, "0.4.0").toString(), "127.0.0.1:1/offline/mychart:0.4.0"));
        String digest = digestOf(saved);
        // nothing listens on port 1: the modern pull is served from the shared digest cache
        ProcessResult pulled = ok(charter.run(dir, "pull", "oci://127.0.0.1:1/offline/mychart@sha256:" + digest, "--untar"));
        assertThat(pulled.err()).contains("Pulled: 127.0.0.1:1/offline/mychart@sha256:" + digest);
        assertThat(Files.readString(dir.resolve("mychart/values.yaml"))).isEqualTo("replicas: 1\n");
    }

    @Test
    void modernChartsAreVisibleToLegacyCommands(@TempDir Path dir) throws IOException {
        CharterRunner charter = charter(dir.resolve("home"));
        String host = distribution.host();
        ok(charter.run(dir, "package", chartDir(dir, "0.5.0").toString(), "-d", dir.toString()));
        ok(charter.run(dir, "push", dir.resolve("mychart-0.5.0.tgz").toString(), "oci://" + host + "/modern", "--plain-http"));
        ProcessResult modernPull = ok(charter.run(dir, "pull", "oci://" + host + "/modern/mychart", "--version", "0.5.0",
                "--plain-http", "-d", Files.createDirectories(dir.resolve("modern")).toString()));
        String manifestDigest = modernPull.err().lines().filter(l -> l.startsWith("Digest: sha256:")).findFirst().orElseThrow()
                .substring("Digest: sha256:".length());

        String ref = host + "/modern/mychart:0.5.0";
        // a modern pull by tag is visible to the legacy commands straight away, offline
        assertThat(ok(charter.run(dir, "chart", "list")).out()).contains(ref + "\tmychart\t0.5.0  \t" + manifestDigest.substring(0, 7));
        ok(charter.run(dir, "chart", "export", ref, "-d", "exported-before"));
        assertThat(Files.readString(dir.resolve("exported-before/mychart/values.yaml"))).isEqualTo("replicas: 1\n");
        ProcessResult pulled = ok(charter.run(dir, "chart", "pull", ref, "--plain-http"));
        assertThat(pulled.out()).contains("digest:  " + manifestDigest + "\n").contains("version: 0.5.0\n")
                .endsWith("Status: Chart is up to date for " + ref + "\n");
        assertThat(pulled.err()).doesNotContain("deprecated");
        assertThat(ok(charter.run(dir, "chart", "list")).out()).contains(ref + "\tmychart\t0.5.0  \t" + manifestDigest.substring(0, 7));
        ok(charter.run(dir, "chart", "export", ref, "-d", "exported"));
        assertThat(Files.readString(dir.resolve("exported/mychart/values.yaml"))).isEqualTo("replicas: 1\n");
    }
}

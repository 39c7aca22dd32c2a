package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.reference.Digest;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.Body;
import dev.charter.oci.transport.TransportOptions;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made manifests and damaged storage: Charter fails like Helm and leaves no partial file. */
class OciBadContentTest {

    static DistributionRegistry registry;
    static RegistryClient client;
    static HelmOracle helm;
    static CharterRunner charter;
    static Path chart;

    @BeforeAll
    static void start() throws IOException {
        registry = DistributionRegistry.startOpen();
        client = new RegistryClient(TransportOptions.defaults().withPlainHttp(true), CredentialProvider.anonymous());
        helm = HelmOracle.v4();
        charter = new CharterRunner();
        chart = OciTestSupport.packageChart(helm, Files.createTempDirectory("oci-bad-"), "mychart", "0.1.0");
    }

    @AfterAll
    static void stop() {
        client.close();
        registry.close();
    }

    private Descriptor upload(String repo, String mediaType, byte[] content) {
        Descriptor d = new Descriptor(mediaType, Digest.sha256(content).toString(), content.length);
        client.blobs().upload(new Reference(registry.host(), repo, ""), d, Body.of(content));
        return d;
    }

    private void manifest(String repo, String tag, Descriptor config, Descriptor... layers) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":")
                .append(config.toJson()).append(",\"layers\":[");
        for (int i = 0; i < layers.length; i++) {
            json.append(i > 0 ? "," : "").append(layers[i].toJson());
        }
        json.append("]}");
        client.manifests().push(new Reference(registry.host(), repo, tag), json.toString().getBytes(StandardCharsets.UTF_8),
                "application/vnd.oci.image.manifest.v1+json");
    }

    private static Path blobDir(Descriptor d) {
        String hex = d.digest().substring(7);
        return registry.storageDir().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void assertLikeHelm(Path dir, String... args) throws IOException {
        Path h = Files.createDirectories(dir.resolve("helm"));
        Path c = Files.createDirectories(dir.resolve("charter"));
        ProcessResult hr = helm.run(h, args);
        ProcessResult cr = charter.run(c, args);
        assertThat(cr.err()).as(String.join(" ", args)).isEqualTo(hr.err());
        assertThat(cr.exitCode()).isEqualTo(hr.exitCode());
        if (cr.exitCode() != 0) {
            try (Stream<Path> left = Files.list(c)) {
                assertThat(left.toList()).as("files left after a failed pull").isEmpty();
            }
        }
    }

    @Test
    void nonChartArtifacts(@TempDir Path dir) throws IOException {
        byte[] chartBytes = Files.readAllBytes(chart);
        byte[] config = "{\"name\":\"mychart\",\"version\":\"0.1.0\"}".getBytes(StandardCharsets.UTF_8);
        Descriptor helmConfig = upload("bad/image", "application/vnd.cncf.helm.config.v1+json", config);
        Descriptor imageConfig = upload("bad/image", "application/vnd.oci.image.config.v1+json", "{}".getBytes(StandardCharsets.UTF_8));
        Descriptor imageLayer = upload("bad/image", "application/vnd.oci.image.layer.v1.tar+gzip", chartBytes);
        Descriptor helmLayer = new Descriptor("application/vnd.cncf.helm.chart.content.v1.tar+gzip", imageLayer.digest(), imageLayer.size());
        Descriptor legacyLayer = new Descriptor("application/tar+gzip", imageLayer.digest(), imageLayer.size());
        manifest("bad/image", "1.0.0", imageConfig, imageLayer);
        manifest("bad/image", "1.0.1", helmConfig, imageLayer);
        manifest("bad/image", "1.0.2", imageConfig, helmLayer);
        manifest("bad/image", "1.0.3", helmConfig, legacyLayer);
        int i = 0;
        for (String v : List.of("1.0.0", "1.0.1", "1.0.2", "1.0.3")) {
            assertLikeHelm(dir.resolve("c" + i++), "pull", "oci://" + registry.host() + "/bad/image", "--version", v, "--plain-http");
        }
    }

    @Test
    void missingAndCorruptBlobs(@TempDir Path dir) throws IOException {
        byte[] chartBytes = Files.readAllBytes(chart);
        byte[] config = "{\"name\":\"mychart\",\"version\":\"0.1.0\"}".getBytes(StandardCharsets.UTF_8);
        Descriptor helmConfig = upload("bad/blobs", "application/vnd.cncf.helm.config.v1+json", config);
        // Distribution refuses manifests naming unknown blobs, so upload one and then remove it from storage
        Descriptor missing = upload("bad/blobs", "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
                "soon gone".getBytes(StandardCharsets.UTF_8));
        manifest("bad/blobs", "1.0.0", helmConfig, missing);
        deleteTree(blobDir(missing));
        assertLikeHelm(dir.resolve("missing"), "pull", "oci://" + registry.host() + "/bad/blobs", "--version", "1.0.0", "--plain-http");

        byte[] copy = chartBytes.clone();
        copy[copy.length - 1] ^= 0x01; // a different blob of the same size: upload it, then swap its stored bytes
        Descriptor layer = upload("bad/blobs", "application/vnd.cncf.helm.chart.content.v1.tar+gzip", copy);
        manifest("bad/blobs", "1.0.1", helmConfig, layer);
        Files.write(blobDir(layer).resolve("data"), chartBytes);
        assertLikeHelm(dir.resolve("corrupt"), "pull", "oci://" + registry.host() + "/bad/blobs", "--version", "1.0.1", "--plain-http");
        assertThat(charter.run(dir, "pull", "oci://" + registry.host() + "/bad/blobs", "--version", "1.0.1", "--plain-http").err())
                .contains("mismatched digest");
        ok(charter.run(dir, "registry", "logout", registry.host()));
    }
}

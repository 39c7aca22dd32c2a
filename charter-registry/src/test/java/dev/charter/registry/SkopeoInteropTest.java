package dev.charter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.Peers;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skopeo (containers/image) copies an OCI layout into Charter and back out, with Basic and token auth. */
class SkopeoInteropTest {

    @TempDir
    static Path work;
    static RegistryServer basic;
    static RegistryServer token;
    static Path layout;
    static String manifestDigest;

    @BeforeAll
    static void start() throws Exception {
        if (Processes.which("skopeo") == null) {
            Peers.unavailable("skopeo");
        }
        basic = RegistryServer.builder().root(work.resolve("basic")).port(0).user("alice", "s3cret").start();
        token = RegistryServer.builder().root(work.resolve("token")).port(0).user("alice", "s3cret")
                .authMode(RegistryServer.AuthMode.TOKEN).start();
        layout = createLayout(work.resolve("source"));
    }

    @AfterAll
    static void stop() {
        if (basic != null) {
            basic.close();
            token.close();
        }
    }

    /** An OCI image layout with one uncompressed layer, tagged v1. */
    static Path createLayout(Path dir) throws Exception {
        Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("hello.txt"), "hello from charter\n");
        ProcessResult tar = Processes.run(content, Map.of(), null, List.of("tar", "--mtime=2024-01-01", "--owner=0", "--group=0", "-cf", "../layer.tar", "hello.txt"));
        assertThat(tar.exitCode()).as(tar.toString()).isZero();
        byte[] layer = Files.readAllBytes(dir.resolve("layer.tar"));
        String layerDigest = store(blobs, layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + layerDigest + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = store(blobs, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length
                + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layerDigest
                + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        manifestDigest = store(blobs, manifest);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}]}");
        return dir;
    }

    private static String store(Path blobs, byte[] content) throws Exception {
        String digest = Http.digest(content);
        Files.write(blobs.resolve(digest.substring(7)), content);
        return digest;
    }

    private static ProcessResult skopeo(String... args) {
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
        command.addAll(List.of(args));
        return Processes.run(work, Map.of("HOME", work.toString(), "REGISTRY_AUTH_FILE", work.resolve("auth.json").toString()), null, command);
    }

    @Test
    void copyInAndOutWithBasicAuth() throws Exception {
        roundTrip(basic, "basic");
    }

    @Test
    void copyInAndOutWithTokenAuth() throws Exception {
        roundTrip(token, "token");
    }

    @Test
    void wrongCredentialsAreRejected() {
        ProcessResult r = skopeo("copy", "--dest-tls-verify=false", "--dest-creds", "alice:wrong",
                "oci:" + layout + ":v1", "docker://" + basic.host() + "/skopeo/denied:v1");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).containsIgnoringCase("unauthorized");
    }

    private void roundTrip(RegistryServer registry, String name) throws Exception {
        String reference = "docker://" + registry.host() + "/skopeo/" + name + ":v1";
        ProcessResult in = skopeo("copy", "--dest-tls-verify=false", "--dest-creds", "alice:s3cret", "oci:" + layout + ":v1", reference);
        assertThat(in.exitCode()).as(in.toString()).isZero();

        ProcessResult inspect = skopeo("inspect", "--raw", "--tls-verify=false", "--creds", "alice:s3cret", reference);
        assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
        // skopeo gzips the uncompressed layer for a registry, so the manifest is its own, not ours
        String pushed = Http.digest(inspect.stdout());
        assertThat(Http.JSON.readTree(inspect.stdout()).path("config").path("digest").asText())
                .isEqualTo(Http.JSON.readTree(Files.readAllBytes(layout.resolve("blobs/sha256/" + manifestDigest.substring(7))))
                        .path("config").path("digest").asText());

        Path out = work.resolve("out-" + name);
        ProcessResult back = skopeo("copy", "--src-tls-verify=false", "--src-creds", "alice:s3cret", reference, "dir:" + out);
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(Http.digest(Files.readAllBytes(out.resolve("manifest.json")))).isEqualTo(pushed);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("version");
        }
    }
}

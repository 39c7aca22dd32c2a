package dev.charter.cli.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.Body;
import dev.charter.oci.transport.TransportOptions;
import dev.charter.registry.RegistryServer;
import dev.charter.testing.DistributionRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Library operations Helm's commands never use, exercised against real registries: chunked PATCH
 * uploads, cross-repository mounts, the referrers API (Charter's registry) and its tag-schema
 * fallback (Distribution 2.8 has no referrers endpoint), and the catalog.
 */
class OciLibraryPeerTest {

    static DistributionRegistry distribution;
    static RegistryServer charter;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        distribution = DistributionRegistry.startOpen();
        charter = RegistryServer.builder().root(Files.createDirectories(work.resolve("charter-registry"))).port(0).start();
    }

    @AfterAll
    static void stop() {
        distribution.close();
        charter.close();
    }

    static Stream<String> hosts() {
        return Stream.of("distribution", "charter");
    }

    private static String host(String which) {
        return which.equals("distribution") ? distribution.host() : charter.host();
    }

    private static RegistryClient client() {
        return new RegistryClient(TransportOptions.defaults().withPlainHttp(true), CredentialProvider.anonymous());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] fetch(RegistryClient client, Reference repo, Descriptor d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.blobs().fetch(repo, d, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void chunkedUploadRoundTrips(String which) throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path file = Files.write(work.resolve("chunked-" + which), content);
        Descriptor d = new Descriptor("application/octet-stream", sha256(content), content.length);
        Reference repo = Reference.parse(host(which) + "/lib/chunked:x");
        try (RegistryClient client = client()) {
            assertThat(client.blobs().exists(repo, d.digest(), List.of())).isFalse();
            // 64 KiB chunks: five PATCH requests, the last one short
            client.blobs().uploadChunked(repo, d, file, 64 * 1024);
            assertThat(client.blobs().exists(repo, d.digest(), List.of())).isTrue();
            assertThat(fetch(client, repo, d)).isEqualTo(content);
        }
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void crossRepositoryMount(String which) throws Exception {
        byte[] content = ("mount me " + which).getBytes(StandardCharsets.UTF_8);
        Descriptor d = new Descriptor("application/octet-stream", sha256(content), content.length);
        Reference source = Reference.parse(host(which) + "/lib/source:x");
        Reference target = Reference.parse(host(which) + "/lib/target:x");
        try (RegistryClient client = client()) {
            client.blobs().upload(source, d, Body.of(content));
            assertThat(client.blobs().mount(target, d, "lib/source", Body.of(content))).as("mounted").isTrue();
            assertThat(fetch(client, target, d)).isEqualTo(content);
            // from a repository lacking the blob, the registry falls back to a plain upload session
            byte[] other = ("fresh " + which).getBytes(StandardCharsets.UTF_8);
            Descriptor od = new Descriptor("application/octet-stream", sha256(other), other.length);
            assertThat(client.blobs().mount(target, od, "lib/nowhere", Body.of(other))).as("fallback").isFalse();
            assertThat(fetch(client, target, od)).isEqualTo(other);
        }
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void referrersListSignaturesOfAManifest(String which) throws Exception {
        Reference repo = Reference.parse(host(which) + "/lib/subject:v1");
        try (RegistryClient client = client()) {
            byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
            Descriptor configDesc = new Descriptor("application/vnd.oci.empty.v1+json", sha256(config), config.length);
            client.blobs().upload(repo, configDesc, Body.of(config));
            Function<String, String> manifest = extra -> "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
                    + extra + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + configDesc.digest()
                    + "\",\"size\":2},\"layers\":[]}";
            byte[] subject = manifest.apply("").getBytes(StandardCharsets.UTF_8);
            client.manifests().push(repo, subject, MediaTypes.OCI_MANIFEST);
            String subjectDigest = sha256(subject);
            byte[] signature = manifest.apply("\"artifactType\":\"application/vnd.example.sig\",\"subject\":{\"mediaType\":\""
                    + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + subjectDigest + "\",\"size\":" + subject.length + "},")
                    .getBytes(StandardCharsets.UTF_8);
            String signatureDigest = sha256(signature);
            client.manifests().push(repo.withReference(signatureDigest), signature, MediaTypes.OCI_MANIFEST);
            if (which.equals("distribution")) {
                // Distribution 2.8 ignores subjects: a client maintains the referrers tag schema itself
                byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
                        + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + signatureDigest + "\",\"size\":" + signature.length
                        + ",\"artifactType\":\"application/vnd.example.sig\"}]}").getBytes(StandardCharsets.UTF_8);
                client.manifests().push(repo.withReference(subjectDigest.replace(':', '-')), index, MediaTypes.OCI_INDEX);
            }
            List<Descriptor> referrers = client.referrers().list(repo, subjectDigest, null);
            assertThat(referrers).extracting(Descriptor::digest).containsExactly(signatureDigest);
            assertThat(client.referrers().list(repo, sha256("nothing".getBytes(StandardCharsets.UTF_8)), null)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void catalogListsRepositories(String which) throws Exception {
        byte[] content = ("catalog " + which).getBytes(StandardCharsets.UTF_8);
        Descriptor d = new Descriptor("application/octet-stream", sha256(content), content.length);
        try (RegistryClient client = client()) {
            Reference repo = Reference.parse(host(which) + "/catalog/one:x");
            client.blobs().upload(repo, d, Body.of(content));
            byte[] m = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"application/octet-stream\",\"digest\":\""
                    + d.digest() + "\",\"size\":" + d.size() + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
            client.manifests().push(repo, m, MediaTypes.OCI_MANIFEST);
            client.catalog().ping(host(which));
            assertThat(client.catalog().repositories(host(which))).contains("catalog/one");
        }
    }
}

package dev.charter.registry;

import static dev.charter.registry.Http.header;
import static dev.charter.registry.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk referrers index behind {@code GET /v2/<name>/referrers/<digest>}: maintained by
 * manifest PUT and DELETE, read instead of scanning the repository's manifests, kept across
 * restarts and rebuilt from the revisions when it is missing.
 */
class ReferrersIndexTest {

    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    @TempDir
    Path root;

    private RegistryServer start() {
        return RegistryServer.builder().root(root).port(0).deleteEnabled(true).start();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A referrer with an annotation and, when {@code artifactType} is null, the spec's config media type fallback. */
    private static byte[] referrer(String config, String subject, String artifactType, String configMediaType, String note) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + (artifactType == null ? "" : "\"artifactType\":\"" + artifactType + "\",")
                + "\"config\":{\"mediaType\":\"" + configMediaType + "\",\"digest\":\"" + config + "\",\"size\":2},"
                + "\"layers\":[],\"subject\":{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + subject + "\",\"size\":1},"
                + "\"annotations\":{\"note\":\"" + note + "\"}}");
    }

    private static String put(Http http, String repo, byte[] manifest) {
        HttpResponse<byte[]> r = http.putManifest(repo, Http.digest(manifest), OCI_MANIFEST, manifest);
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
        return Http.digest(manifest);
    }

    private static List<String> digests(HttpResponse<byte[]> referrers) {
        assertThat(referrers.statusCode()).isEqualTo(200);
        return json(referrers).path("manifests").findValuesAsText("digest");
    }

    private Path indexDir(String repo) {
        return root.resolve("docker/registry/v2/repositories/" + repo + "/_manifests/charter-referrers");
    }

    @Test
    void survivesRestartAndLeavesEntriesOnDisk() throws Exception {
        String subject;
        String signature;
        String sbom;
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            subject = Http.digest(http.pushImage("idx/app", "v1", "base"));
            String config = http.pushBlob("idx/app", bytes("{}"));
            signature = put(http, "idx/app", referrer(config, subject, "application/vnd.example.signature", "application/vnd.oci.empty.v1+json", "sig"));
            sbom = put(http, "idx/app", referrer(config, subject, null, "application/vnd.example.sbom.config", "sbom"));
        }
        assertThat(indexDir("idx/app").resolve("complete")).exists();
        try (Stream<Path> files = Files.walk(indexDir("idx/app").resolve("sha256/" + subject.substring(7)))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> "sha256:" + p.getFileName()))
                    .containsExactlyInAnyOrder(signature, sbom);
        }
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            HttpResponse<byte[]> all = http.get("/v2/idx/app/referrers/" + subject);
            assertThat(digests(all)).containsExactlyElementsOf(List.of(signature, sbom).stream().sorted().toList());
            JsonNode sbomEntry = json(all).path("manifests").findParents("digest").stream()
                    .filter(n -> n.path("digest").asText().equals(sbom)).findFirst().orElseThrow();
            assertThat(sbomEntry.path("mediaType").asText()).isEqualTo(OCI_MANIFEST);
            assertThat(sbomEntry.path("artifactType").asText()).isEqualTo("application/vnd.example.sbom.config");
            assertThat(sbomEntry.path("annotations").path("note").asText()).isEqualTo("sbom");
            assertThat(sbomEntry.path("size").asLong()).isEqualTo(http.get("/v2/idx/app/manifests/" + sbom).body().length);
        }
    }

    @Test
    void artifactTypeFilterUsesTheIndexedType() {
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            String subject = Http.digest(http.pushImage("filter/app", "v1", "base"));
            String config = http.pushBlob("filter/app", bytes("{}"));
            String signature = put(http, "filter/app", referrer(config, subject, "application/vnd.example.signature", "application/vnd.oci.empty.v1+json", "a"));
            String sbom = put(http, "filter/app", referrer(config, subject, null, "application/vnd.example.sbom.config", "b"));

            HttpResponse<byte[]> signatures = http.get("/v2/filter/app/referrers/" + subject + "?artifactType=application/vnd.example.signature");
            assertThat(header(signatures, "OCI-Filters-Applied")).isEqualTo("artifactType");
            assertThat(digests(signatures)).containsExactly(signature);
            // the config media type stands in for a missing artifactType, for filtering too
            assertThat(digests(http.get("/v2/filter/app/referrers/" + subject + "?artifactType=application/vnd.example.sbom.config")))
                    .containsExactly(sbom);
            HttpResponse<byte[]> none = http.get("/v2/filter/app/referrers/" + subject + "?artifactType=application/vnd.other");
            assertThat(digests(none)).isEmpty();
            assertThat(header(none, "OCI-Filters-Applied")).isEqualTo("artifactType");
            assertThat(header(http.get("/v2/filter/app/referrers/" + subject), "OCI-Filters-Applied")).isNull();
        }
    }

    @Test
    void deleteRemovesTheEntryFromTheApiAndTheDisk() {
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            String subject = Http.digest(http.pushImage("del/app", "v1", "base"));
            String config = http.pushBlob("del/app", bytes("{}"));
            String keep = put(http, "del/app", referrer(config, subject, "application/vnd.example.keep", "application/vnd.oci.empty.v1+json", "k"));
            String drop = put(http, "del/app", referrer(config, subject, "application/vnd.example.drop", "application/vnd.oci.empty.v1+json", "d"));
            Path dropEntry = indexDir("del/app").resolve("sha256/" + subject.substring(7) + "/sha256/" + drop.substring(7));
            assertThat(dropEntry).exists();

            assertThat(http.delete("/v2/del/app/manifests/" + drop).statusCode()).isEqualTo(202);
            assertThat(dropEntry).doesNotExist();
            assertThat(digests(http.get("/v2/del/app/referrers/" + subject))).containsExactly(keep);

            // deleting the subject leaves its referrers listed, as the spec allows
            assertThat(http.delete("/v2/del/app/manifests/" + subject).statusCode()).isEqualTo(202);
            assertThat(digests(http.get("/v2/del/app/referrers/" + subject))).containsExactly(keep);
        }
    }

    @Test
    void readsTheIndexNotTheManifestsAndRebuildsItWhenMissing() throws Exception {
        String subject;
        String indexed;
        String planted;
        Path repository = root.resolve("docker/registry/v2/repositories/scan/app");
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            subject = Http.digest(http.pushImage("scan/app", "v1", "base"));
            String config = http.pushBlob("scan/app", bytes("{}"));
            indexed = put(http, "scan/app", referrer(config, subject, "application/vnd.example.a", "application/vnd.oci.empty.v1+json", "a"));
            // a referrer pushed to another repository, then linked here behind the registry's back:
            // a registry scanning revisions would list it, the index does not know it
            byte[] other = referrer(config, subject, "application/vnd.example.b", "application/vnd.oci.empty.v1+json", "b");
            http.pushBlob("other/app", bytes("{}"));
            planted = put(http, "other/app", other);
            Path link = repository.resolve("_manifests/revisions/sha256/" + planted.substring(7) + "/link");
            Files.createDirectories(link.getParent());
            Files.writeString(link, planted);
            assertThat(http.get("/v2/scan/app/manifests/" + planted).statusCode()).isEqualTo(200);
            assertThat(digests(http.get("/v2/scan/app/referrers/" + subject))).containsExactly(indexed);
        }
        // an index removed (or never written, as by Distribution or an older Charter) is rebuilt
        deleteTree(indexDir("scan/app"));
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            assertThat(digests(http.get("/v2/scan/app/referrers/" + subject)))
                    .containsExactlyElementsOf(List.of(indexed, planted).stream().sorted().toList());
            assertThat(indexDir("scan/app").resolve("complete")).exists();
        }
    }

    @Test
    void entriesWithoutALinkedRevisionStayHidden() throws Exception {
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            String subject = Http.digest(http.pushImage("stale/app", "v1", "base"));
            String config = http.pushBlob("stale/app", bytes("{}"));
            String live = put(http, "stale/app", referrer(config, subject, "application/vnd.example.a", "application/vnd.oci.empty.v1+json", "a"));
            // what a crash between writing the entry and linking the revision leaves behind
            String ghost = Http.digest(bytes("never linked"));
            Path entry = indexDir("stale/app").resolve("sha256/" + subject.substring(7) + "/sha256/" + ghost.substring(7));
            Files.writeString(entry, "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + ghost + "\",\"size\":3}");
            assertThat(digests(http.get("/v2/stale/app/referrers/" + subject))).containsExactly(live);
        }
    }

    @Test
    void garbageCollectingAnUntaggedReferrerRemovesItsEntry() throws Exception {
        String subject;
        String orphan;
        try (RegistryServer registry = start()) {
            Http http = new Http(registry.baseUri());
            // the subject is only reachable by digest: with deleteUntagged, it and its referrer go
            byte[] image = http.pushImage("gc/app", "v1", "base");
            subject = Http.digest(image);
            assertThat(http.delete("/v2/gc/app/manifests/v1").statusCode()).isEqualTo(202);
            String config = http.pushBlob("gc/app", bytes("{}"));
            orphan = put(http, "gc/app", referrer(config, subject, "application/vnd.example.a", "application/vnd.oci.empty.v1+json", "a"));
        }
        Path entry = indexDir("gc/app").resolve("sha256/" + subject.substring(7) + "/sha256/" + orphan.substring(7));
        assertThat(entry).exists();
        new dev.charter.registry.gc.GarbageCollector(new dev.charter.registry.storage.FilesystemDriver(root),
                java.time.Clock.systemUTC(), line -> { })
                .run(new dev.charter.registry.gc.GarbageCollector.Options(false, true, java.time.Duration.ZERO));
        assertThat(root.resolve("docker/registry/v2/repositories/gc/app/_manifests/revisions/sha256/" + orphan.substring(7))).doesNotExist();
        assertThat(entry).doesNotExist();
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

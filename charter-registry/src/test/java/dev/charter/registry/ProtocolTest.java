package dev.charter.registry;

import static dev.charter.registry.Http.errorCode;
import static dev.charter.registry.Http.header;
import static dev.charter.registry.Http.json;
import static dev.charter.registry.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the distribution spec against an open registry with deletes enabled. */
class ProtocolTest {

    @TempDir
    static Path root;
    static RegistryServer registry;
    static Http http;

    @BeforeAll
    static void start() {
        registry = RegistryServer.builder().root(root).port(0).deleteEnabled(true).start();
        http = new Http(registry.baseUri());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void baseAnswersWithApiVersion() {
        HttpResponse<byte[]> r = http.get("/v2/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertThat(text(r)).isEqualTo("{}");
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(http.get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void monolithicPostThenPullWithHeadersAndRanges() {
        byte[] content = bytes("0123456789");
        String digest = Http.digest(content);
        HttpResponse<byte[]> post = http.post("/v2/mono/app/blobs/uploads/?digest=" + digest, content);
        assertThat(post.statusCode()).isEqualTo(201);
        assertThat(header(post, "Location")).isEqualTo("/v2/mono/app/blobs/" + digest);
        HttpResponse<byte[]> head = http.head("/v2/mono/app/blobs/" + digest);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(header(head, "Content-Length")).isEqualTo("10");
        assertThat(header(head, "Docker-Content-Digest")).isEqualTo(digest);
        assertThat(head.body()).isEmpty();

        HttpResponse<byte[]> get = http.get("/v2/mono/app/blobs/" + digest);
        assertThat(get.body()).isEqualTo(content);
        assertThat(header(get, "Content-Type")).isEqualTo("application/octet-stream");

        HttpResponse<byte[]> range = http.get("/v2/mono/app/blobs/" + digest, "Range", "bytes=2-4");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(text(range)).isEqualTo("234");
        assertThat(header(range, "Content-Range")).isEqualTo("bytes 2-4/10");
        assertThat(text(http.get("/v2/mono/app/blobs/" + digest, "Range", "bytes=7-"))).isEqualTo("789");
        assertThat(text(http.get("/v2/mono/app/blobs/" + digest, "Range", "bytes=-2"))).isEqualTo("89");

        HttpResponse<byte[]> unsatisfiable = http.get("/v2/mono/app/blobs/" + digest, "Range", "bytes=10-");
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(header(unsatisfiable, "Content-Range")).isEqualTo("bytes */10");
    }

    @Test
    void blobsAreScopedToTheirRepository() {
        String digest = http.pushBlob("scoped/a", bytes("only in a"));
        HttpResponse<byte[]> r = http.get("/v2/scoped/b/blobs/" + digest);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(errorCode(r)).isEqualTo("BLOB_UNKNOWN");
        assertThat(json(r).path("errors").path(0).path("message").asText()).isEqualTo("blob unknown to registry");
        assertThat(http.head("/v2/scoped/b/blobs/" + digest).statusCode()).isEqualTo(404);
    }

    @Test
    void postThenPutLikeHelm() {
        byte[] content = bytes("helm style");
        HttpResponse<byte[]> start = http.post("/v2/twostep/app/blobs/uploads/", new byte[0]);
        assertThat(start.statusCode()).isEqualTo(202);
        String location = header(start, "Location");
        assertThat(location).startsWith("/v2/twostep/app/blobs/uploads/");
        assertThat(header(start, "Range")).isEqualTo("0-0");
        assertThat(header(start, "Docker-Upload-UUID")).isNotBlank();
        String digest = Http.digest(content);
        HttpResponse<byte[]> put = http.put(location + "?digest=" + digest, "application/octet-stream", content);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(header(put, "Location")).isEqualTo("/v2/twostep/app/blobs/" + digest);
        assertThat(header(put, "Docker-Content-Digest")).isEqualTo(digest);
        assertThat(http.get("/v2/twostep/app/blobs/" + digest).body()).isEqualTo(content);
        // the session is gone once finished
        assertThat(errorCode(http.get(location))).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void chunkedUploadWithContentRangeStatusAndOrderRules() {
        byte[] content = bytes("abcdefghij");
        String location = header(http.post("/v2/chunked/app/blobs/uploads/", new byte[0]), "Location");

        HttpResponse<byte[]> first = http.patch(location, Arrays.copyOfRange(content, 0, 4), "0-3");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(header(first, "Range")).isEqualTo("0-3");

        HttpResponse<byte[]> gap = http.patch(location, Arrays.copyOfRange(content, 6, 10), "6-9");
        assertThat(gap.statusCode()).isEqualTo(416);
        assertThat(errorCode(gap)).isEqualTo("RANGE_INVALID");
        assertThat(header(gap, "Range")).isEqualTo("0-3");
        assertThat(header(gap, "Location")).isEqualTo(location);

        HttpResponse<byte[]> wrongLength = http.patch(location, Arrays.copyOfRange(content, 4, 6), "4-9");
        assertThat(wrongLength.statusCode()).isEqualTo(416);

        HttpResponse<byte[]> status = http.get(location);
        assertThat(status.statusCode()).isEqualTo(204);
        assertThat(header(status, "Range")).isEqualTo("0-3");

        // a chunk without Content-Range simply follows (streamed PATCH)
        assertThat(http.patch(location, Arrays.copyOfRange(content, 4, 7), null).statusCode()).isEqualTo(202);
        HttpResponse<byte[]> last = http.put(location + "?digest=" + Http.digest(content), "application/octet-stream",
                Arrays.copyOfRange(content, 7, 10));
        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(http.get("/v2/chunked/app/blobs/" + Http.digest(content)).body()).isEqualTo(content);
    }

    @Test
    void putWithWrongOrMissingDigestFails() {
        String location = header(http.post("/v2/badput/app/blobs/uploads/", new byte[0]), "Location");
        HttpResponse<byte[]> missing = http.put(location, "application/octet-stream", bytes("x"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorCode(missing)).isEqualTo("DIGEST_INVALID");

        String wrong = Http.digest(bytes("something else"));
        HttpResponse<byte[]> mismatch = http.put(location + "?digest=" + wrong, "application/octet-stream", bytes("y"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(errorCode(mismatch)).isEqualTo("DIGEST_INVALID");
        assertThat(http.head("/v2/badput/app/blobs/" + wrong).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> mono = http.post("/v2/badput/app/blobs/uploads/?digest=" + wrong, bytes("z"));
        assertThat(errorCode(mono)).isEqualTo("DIGEST_INVALID");
        assertThat(errorCode(http.post("/v2/badput/app/blobs/uploads/?digest=sha256:nothex", bytes("z")))).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void cancelAndUnknownUploads() {
        String location = header(http.post("/v2/cancel/app/blobs/uploads/", new byte[0]), "Location");
        assertThat(http.delete(location).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> gone = http.patch(location, bytes("x"), null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(errorCode(gone)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        assertThat(errorCode(http.get("/v2/cancel/app/blobs/uploads/not-a-uuid"))).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        // a session belongs to its repository
        String other = header(http.post("/v2/cancel/app/blobs/uploads/", new byte[0]), "Location");
        assertThat(http.get(other.replace("/cancel/app/", "/cancel/other/")).statusCode()).isEqualTo(404);
    }

    @Test
    void crossRepositoryMountAndFallback() {
        String digest = http.pushBlob("mount/source", bytes("shared layer"));
        HttpResponse<byte[]> mounted = http.post("/v2/mount/target/blobs/uploads/?mount=" + digest + "&from=mount/source", new byte[0]);
        assertThat(mounted.statusCode()).isEqualTo(201);
        assertThat(header(mounted, "Location")).isEqualTo("/v2/mount/target/blobs/" + digest);
        assertThat(http.get("/v2/mount/target/blobs/" + digest).body()).isEqualTo(bytes("shared layer"));

        String absent = Http.digest(bytes("never pushed"));
        HttpResponse<byte[]> fallback = http.post("/v2/mount/target/blobs/uploads/?mount=" + absent + "&from=mount/source", new byte[0]);
        assertThat(fallback.statusCode()).isEqualTo(202);
        assertThat(header(fallback, "Location")).startsWith("/v2/mount/target/blobs/uploads/");
    }

    @Test
    void manifestPushByDigestThenTagAndPull() {
        String config = http.pushBlob("man/app", bytes("{}"));
        String layer = http.pushBlob("man/app", bytes("layer"));
        byte[] manifest = Http.imageManifest(config, 2, layer, 5, null, null);
        String digest = Http.digest(manifest);

        HttpResponse<byte[]> byDigest = http.putManifest("man/app", digest, "application/vnd.oci.image.manifest.v1+json", manifest);
        assertThat(byDigest.statusCode()).isEqualTo(201);
        assertThat(header(byDigest, "Docker-Content-Digest")).isEqualTo(digest);
        assertThat(header(byDigest, "Location")).isEqualTo("/v2/man/app/manifests/" + digest);
        assertThat(http.putManifest("man/app", "1.0.0", "application/vnd.oci.image.manifest.v1+json", manifest).statusCode()).isEqualTo(201);

        for (String reference : new String[] {digest, "1.0.0"}) {
            HttpResponse<byte[]> get = http.get("/v2/man/app/manifests/" + reference, "Accept", "application/vnd.oci.image.manifest.v1+json");
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(manifest);
            assertThat(header(get, "Content-Type")).isEqualTo("application/vnd.oci.image.manifest.v1+json");
            assertThat(header(get, "Docker-Content-Digest")).isEqualTo(digest);
            HttpResponse<byte[]> head = http.head("/v2/man/app/manifests/" + reference);
            assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(manifest.length));
            assertThat(head.body()).isEmpty();
        }
        HttpResponse<byte[]> unknown = http.get("/v2/man/app/manifests/9.9.9");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(json(unknown).path("errors").path(0).path("message").asText()).isEqualTo("manifest unknown");
    }

    @Test
    void manifestValidation() {
        String config = http.pushBlob("invalid/app", bytes("{}"));
        String missing = Http.digest(bytes("not uploaded"));
        byte[] dangling = Http.imageManifest(config, 2, missing, 12, null, null);
        HttpResponse<byte[]> r = http.putManifest("invalid/app", "t", "application/vnd.oci.image.manifest.v1+json", dangling);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo("MANIFEST_BLOB_UNKNOWN");
        assertThat(json(r).path("errors").path(0).path("detail").asText()).isEqualTo(missing);

        byte[] good = Http.imageManifest(config, 2, null, 0, null, null);
        HttpResponse<byte[]> wrongDigest = http.putManifest("invalid/app", missing, "application/vnd.oci.image.manifest.v1+json", good);
        assertThat(errorCode(wrongDigest)).isEqualTo("DIGEST_INVALID");
        assertThat(errorCode(http.putManifest("invalid/app", "bad:tag!", "application/vnd.oci.image.manifest.v1+json", good)))
                .isIn("TAG_INVALID", "DIGEST_INVALID");
        assertThat(errorCode(http.putManifest("invalid/app", ".leadingdot", "application/vnd.oci.image.manifest.v1+json", good)))
                .isEqualTo("TAG_INVALID");
        assertThat(errorCode(http.putManifest("invalid/app", "t", "application/vnd.oci.image.manifest.v1+json", bytes("not json"))))
                .isEqualTo("MANIFEST_INVALID");
        assertThat(errorCode(http.putManifest("invalid/app", "t", "application/vnd.oci.image.manifest.v1+json",
                bytes("{\"schemaVersion\":1,\"config\":{}}")))).isEqualTo("MANIFEST_INVALID");

        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + missing + "\",\"size\":10}]}";
        assertThat(errorCode(http.putManifest("invalid/app", "idx", "application/vnd.oci.image.index.v1+json", bytes(index))))
                .isEqualTo("MANIFEST_BLOB_UNKNOWN");

        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        HttpResponse<byte[]> tooBig = http.putManifest("invalid/app", "huge", "application/vnd.oci.image.manifest.v1+json", huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(errorCode(tooBig)).isEqualTo("MANIFEST_INVALID");
    }

    @Test
    void indexesDockerTypesAndOpaqueArtifactsKeepTheirMediaTypes() {
        byte[] image = http.pushImage("types/app", "img", "layer-x");
        String imageDigest = Http.digest(image);
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + imageDigest + "\",\"size\":" + image.length + "}]}";
        assertThat(http.putManifest("types/app", "multi", "application/vnd.oci.image.index.v1+json", bytes(index)).statusCode()).isEqualTo(201);
        assertThat(header(http.get("/v2/types/app/manifests/multi"), "Content-Type")).isEqualTo("application/vnd.oci.image.index.v1+json");

        String config = http.pushBlob("types/app", bytes("{\"docker\":true}"));
        String docker = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"mediaType\":"
                + "\"application/vnd.docker.container.image.v1+json\",\"digest\":\"" + config + "\",\"size\":15},\"layers\":[]}";
        assertThat(http.putManifest("types/app", "docker", "application/vnd.docker.distribution.manifest.v2+json", bytes(docker)).statusCode()).isEqualTo(201);
        assertThat(header(http.get("/v2/types/app/manifests/docker"), "Content-Type")).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");

        byte[] opaque = bytes("{\"anything\":\"goes\"}");
        assertThat(http.putManifest("types/app", "odd", "application/vnd.example.thing+json", opaque).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> back = http.get("/v2/types/app/manifests/odd");
        assertThat(back.body()).isEqualTo(opaque);
        assertThat(header(back, "Content-Type")).isEqualTo("application/vnd.example.thing+json");
    }

    @Test
    void subjectHeaderAndReferrersWithFilter() {
        byte[] image = http.pushImage("refs/app", "v1", "base");
        String subject = Http.digest(image);
        String config = http.pushBlob("refs/app", bytes("{}"));
        byte[] signature = Http.imageManifest(config, 2, null, 0, subject, "application/vnd.example.signature");
        byte[] sbom = Http.imageManifest(config, 2, null, 0, subject, "application/vnd.example.sbom");
        HttpResponse<byte[]> pushed = http.putManifest("refs/app", Http.digest(signature), "application/vnd.oci.image.manifest.v1+json", signature);
        assertThat(pushed.statusCode()).isEqualTo(201);
        assertThat(header(pushed, "OCI-Subject")).isEqualTo(subject);
        http.putManifest("refs/app", Http.digest(sbom), "application/vnd.oci.image.manifest.v1+json", sbom);

        HttpResponse<byte[]> all = http.get("/v2/refs/app/referrers/" + subject);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(header(all, "Content-Type")).isEqualTo("application/vnd.oci.image.index.v1+json");
        JsonNode manifests = json(all).path("manifests");
        assertThat(manifests).hasSize(2);
        assertThat(manifests.findValuesAsText("artifactType"))
                .containsExactlyInAnyOrder("application/vnd.example.signature", "application/vnd.example.sbom");

        HttpResponse<byte[]> filtered = http.get("/v2/refs/app/referrers/" + subject + "?artifactType=application/vnd.example.sbom");
        assertThat(header(filtered, "OCI-Filters-Applied")).isEqualTo("artifactType");
        assertThat(json(filtered).path("manifests")).hasSize(1);
        assertThat(json(filtered).path("manifests").path(0).path("digest").asText()).isEqualTo(Http.digest(sbom));

        HttpResponse<byte[]> none = http.get("/v2/refs/app/referrers/" + Http.digest(bytes("nothing")));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json(none).path("manifests")).isEmpty();
    }

    @Test
    void tagListPagination() {
        for (String tag : new String[] {"c", "a", "e", "b", "d"}) {
            http.pushImage("paged/app", tag, "same");
        }
        assertThat(json(http.get("/v2/paged/app/tags/list")).path("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\",\"d\",\"e\"]");
        HttpResponse<byte[]> page = http.get("/v2/paged/app/tags/list?n=2");
        assertThat(json(page).path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(header(page, "Link")).isEqualTo("</v2/paged/app/tags/list?last=b&n=2>; rel=\"next\"");
        HttpResponse<byte[]> next = http.get("/v2/paged/app/tags/list?last=b&n=2");
        assertThat(json(next).path("tags").toString()).isEqualTo("[\"c\",\"d\"]");
        HttpResponse<byte[]> end = http.get("/v2/paged/app/tags/list?last=d&n=2");
        assertThat(json(end).path("tags").toString()).isEqualTo("[\"e\"]");
        assertThat(header(end, "Link")).isNull();
        assertThat(errorCode(http.get("/v2/paged/app/tags/list?n=-1"))).isEqualTo("PAGINATION_NUMBER_INVALID");
        HttpResponse<byte[]> unknown = http.get("/v2/never/pushed/tags/list");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("NAME_UNKNOWN");
    }

    @Test
    void catalogPagination() {
        http.pushImage("cat/one", "x", "1");
        http.pushImage("cat/two", "x", "2");
        JsonNode all = json(http.get("/v2/_catalog"));
        assertThat(all.path("repositories").findValuesAsText("")).isEmpty();
        assertThat(all.path("repositories").toString()).contains("\"cat/one\"", "\"cat/two\"");
        HttpResponse<byte[]> page = http.get("/v2/_catalog?n=1&last=cat/one");
        assertThat(json(page).path("repositories").toString()).isEqualTo("[\"cat/two\"]");
        assertThat(header(page, "Link")).startsWith("</v2/_catalog?last=cat%2Ftwo&n=1>");
    }

    @Test
    void deletesOfManifestsTagsAndBlobs() {
        byte[] manifest = http.pushImage("del/app", "keep", "del-layer");
        http.putManifest("del/app", "also", "application/vnd.oci.image.manifest.v1+json", manifest);
        String digest = Http.digest(manifest);

        assertThat(http.delete("/v2/del/app/manifests/also").statusCode()).isEqualTo(202);
        assertThat(json(http.get("/v2/del/app/tags/list")).path("tags").toString()).isEqualTo("[\"keep\"]");
        assertThat(http.get("/v2/del/app/manifests/" + digest).statusCode()).isEqualTo(200);

        assertThat(http.delete("/v2/del/app/manifests/" + digest).statusCode()).isEqualTo(202);
        assertThat(errorCode(http.get("/v2/del/app/manifests/" + digest))).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(errorCode(http.get("/v2/del/app/manifests/keep"))).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(errorCode(http.delete("/v2/del/app/manifests/" + digest))).isEqualTo("MANIFEST_UNKNOWN");

        String layer = Http.digest(bytes("del-layer"));
        assertThat(http.delete("/v2/del/app/blobs/" + layer).statusCode()).isEqualTo(202);
        assertThat(http.head("/v2/del/app/blobs/" + layer).statusCode()).isEqualTo(404);
        assertThat(errorCode(http.delete("/v2/del/app/blobs/" + layer))).isEqualTo("BLOB_UNKNOWN");
    }

    @Test
    void invalidNamesAndTraversalAreRefused() {
        HttpResponse<byte[]> upper = http.get("/v2/Upper/Case/tags/list");
        assertThat(upper.statusCode()).isEqualTo(400);
        assertThat(errorCode(upper)).isEqualTo("NAME_INVALID");
        assertThat(errorCode(http.get("/v2/a__b_/manifests/x"))).isEqualTo("NAME_INVALID");
        for (String path : new String[] {"/v2/a/%2e%2e/%2e%2e/%2e%2e/tags/list", "/v2/a/..%2F..%2F/tags/list", "/v2/_x/tags/list"}) {
            HttpResponse<byte[]> r = http.get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
        }
        assertThat(Files.exists(root.resolve("docker/registry/v2/repositories/a"))).isFalse();
    }

    @Test
    void wrongMethodsAreUnsupported() {
        HttpResponse<byte[]> r = http.send(http.request("/v2/x/app/tags/list").DELETE());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(errorCode(r)).isEqualTo("UNSUPPORTED");
    }

    @Test
    void storageUsesDistributionLayout() {
        byte[] manifest = http.pushImage("layout/app", "1.0", "layout layer");
        String hex = Http.digest(manifest).substring(7);
        Path v2 = root.resolve("docker/registry/v2");
        assertThat(v2.resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data")).hasBinaryContent(manifest);
        assertThat(v2.resolve("repositories/layout/app/_manifests/revisions/sha256/" + hex + "/link")).hasContent("sha256:" + hex);
        assertThat(v2.resolve("repositories/layout/app/_manifests/tags/1.0/current/link")).hasContent("sha256:" + hex);
        assertThat(v2.resolve("repositories/layout/app/_manifests/tags/1.0/index/sha256/" + hex + "/link")).exists();
        String layerHex = Http.digest(bytes("layout layer")).substring(7);
        assertThat(v2.resolve("repositories/layout/app/_layers/sha256/" + layerHex + "/link")).exists();
    }
}

package dev.charter.registry;

import static dev.charter.registry.Http.errorCode;
import static dev.charter.registry.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.DistributionRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's Distribution and Charter share one storage directory at the same time: whatever one
 * writes, the other serves byte for byte. Error answers are compared request by request.
 */
class DistributionCompatibilityTest {

    static DistributionRegistry distribution;
    static RegistryServer charter;
    static Http viaDistribution;
    static Http viaCharter;

    @BeforeAll
    static void start() {
        distribution = DistributionRegistry.startOpen();
        charter = RegistryServer.builder().root(distribution.storageDir()).port(0).deleteEnabled(true).start();
        viaDistribution = new Http(distribution.baseUri());
        viaCharter = new Http(charter.baseUri());
    }

    @AfterAll
    static void stop() {
        if (charter != null) {
            charter.close();
        }
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    void distributionServesWhatCharterStored() {
        byte[] manifest = viaCharter.pushImage("compat/from-charter", "1.0", "written by charter");
        assertSameManifest(viaDistribution, "compat/from-charter", "1.0", manifest);
        String layer = Http.digest("written by charter".getBytes(StandardCharsets.UTF_8));
        assertThat(viaDistribution.get("/v2/compat/from-charter/blobs/" + layer).body()).isEqualTo("written by charter".getBytes(StandardCharsets.UTF_8));
        assertThat(Http.json(viaDistribution.get("/v2/compat/from-charter/tags/list")).path("tags").toString()).isEqualTo("[\"1.0\"]");
    }

    @Test
    void charterServesWhatDistributionStored() {
        byte[] manifest = viaDistribution.pushImage("compat/from-distribution", "2.0", "written by distribution");
        assertSameManifest(viaCharter, "compat/from-distribution", "2.0", manifest);
        String layer = Http.digest("written by distribution".getBytes(StandardCharsets.UTF_8));
        assertThat(viaCharter.get("/v2/compat/from-distribution/blobs/" + layer).body())
                .isEqualTo("written by distribution".getBytes(StandardCharsets.UTF_8));
        assertThat(Http.json(viaCharter.get("/v2/_catalog")).path("repositories").toString()).contains("compat/from-distribution");
    }

    @Test
    void chunkedUploadStartedOnDistributionIsInvisibleButBlobsAreShared() {
        // sessions are per registry process (Distribution signs its _state); the finished blob is shared
        String digest = viaDistribution.pushBlob("compat/shared", "shared blob".getBytes(StandardCharsets.UTF_8));
        assertThat(viaCharter.head("/v2/compat/shared/blobs/" + digest).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> mount = viaCharter.post("/v2/compat/mounted/blobs/uploads/?mount=" + digest + "&from=compat/shared", new byte[0]);
        assertThat(mount.statusCode()).isEqualTo(201);
        assertThat(viaDistribution.head("/v2/compat/mounted/blobs/" + digest).statusCode()).isEqualTo(200);
    }

    @Test
    void errorsMatchDistribution() {
        viaCharter.pushImage("compat/errors", "t", "error layer");
        String unknown = Http.digest("unknown".getBytes(StandardCharsets.UTF_8));
        List<Function<Http, HttpResponse<byte[]>>> probes = List.of(
                h -> h.get("/v2/compat/errors/manifests/missing"),
                h -> h.get("/v2/compat/errors/manifests/" + unknown),
                h -> h.get("/v2/compat/errors/blobs/" + unknown),
                h -> h.get("/v2/compat/nothing/tags/list"),
                h -> h.delete("/v2/compat/errors/manifests/" + unknown),
                h -> h.put("/v2/compat/errors/manifests/x", "application/vnd.oci.image.manifest.v1+json",
                        Http.imageManifest(unknown, 1, null, 0, null, null)),
                h -> h.put(Http.header(h.post("/v2/compat/errors/blobs/uploads/", new byte[0]), "Location")
                        + (h == viaDistribution ? "&" : "?") + "digest=" + unknown, "application/octet-stream", "not it".getBytes(StandardCharsets.UTF_8)));
        // not compared: an unknown upload UUID, where Distribution complains about its missing signed _state
        // (BLOB_UPLOAD_INVALID) while the spec, and Charter, say BLOB_UPLOAD_UNKNOWN
        for (Function<Http, HttpResponse<byte[]>> probe : probes) {
            HttpResponse<byte[]> theirs = probe.apply(viaDistribution);
            HttpResponse<byte[]> ours = probe.apply(viaCharter);
            String what = theirs.request().method() + " " + theirs.request().uri().getPath();
            assertThat(ours.statusCode()).as(what).isEqualTo(theirs.statusCode());
            assertThat(errorCode(ours)).as(what).isEqualTo(errorCode(theirs));
        }
    }

    private static void assertSameManifest(Http http, String repo, String tag, byte[] manifest) {
        HttpResponse<byte[]> r = http.get("/v2/" + repo + "/manifests/" + tag, "Accept", "application/vnd.oci.image.manifest.v1+json");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(r.body()).isEqualTo(manifest);
        assertThat(header(r, "Docker-Content-Digest")).isEqualTo(Http.digest(manifest));
        assertThat(header(r, "Content-Type")).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    }
}

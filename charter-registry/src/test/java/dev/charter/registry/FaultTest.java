package dev.charter.registry;

import static dev.charter.registry.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.registry.gc.GarbageCollector;
import dev.charter.registry.storage.FilesystemDriver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts, races and garbage collection. */
class FaultTest {

    @TempDir
    Path root;

    @Test
    void uploadSurvivesRestart() {
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);
        String location;
        try (RegistryServer first = RegistryServer.builder().root(root).port(0).start()) {
            Http http = new Http(first.baseUri());
            location = header(http.post("/v2/restart/app/blobs/uploads/", new byte[0]), "Location");
            assertThat(http.patch(location, Arrays.copyOfRange(content, 0, 100_000), "0-99999").statusCode()).isEqualTo(202);
        }
        try (RegistryServer second = RegistryServer.builder().root(root).port(0).start()) {
            Http http = new Http(second.baseUri());
            HttpResponse<byte[]> status = http.get(location);
            assertThat(status.statusCode()).isEqualTo(204);
            assertThat(header(status, "Range")).isEqualTo("0-99999");
            assertThat(http.patch(location, Arrays.copyOfRange(content, 100_000, 200_000), "100000-199999").statusCode()).isEqualTo(202);
            HttpResponse<byte[]> done = http.put(location + "?digest=" + Http.digest(content), "application/octet-stream",
                    Arrays.copyOfRange(content, 200_000, 300_000));
            assertThat(done.statusCode()).isEqualTo(201);
            assertThat(http.get("/v2/restart/app/blobs/" + Http.digest(content)).body()).isEqualTo(content);
        }
    }

    @Test
    void concurrentPushesOfTheSameBlobAndTag() throws Exception {
        try (RegistryServer registry = RegistryServer.builder().root(root).port(0).start();
             ExecutorService pool = Executors.newFixedThreadPool(16)) {
            Http http = new Http(registry.baseUri());
            byte[] blob = new byte[1 << 20];
            new java.util.Random(1).nextBytes(blob);
            String config = http.pushBlob("race/app", "{}".getBytes(StandardCharsets.UTF_8));
            List<Callable<String>> pushes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                pushes.add(() -> {
                    String digest = http.pushBlob("race/app", blob);
                    byte[] manifest = Http.imageManifest(config, 2, digest, blob.length, null, "application/vnd.example.n" + n);
                    HttpResponse<byte[]> r = http.putManifest("race/app", "latest", "application/vnd.oci.image.manifest.v1+json", manifest);
                    assertThat(r.statusCode()).isEqualTo(201);
                    return Http.digest(manifest);
                });
            }
            Set<String> pushed = new HashSet<>();
            for (Future<String> f : pool.invokeAll(pushes)) {
                pushed.add(f.get());
            }
            assertThat(http.get("/v2/race/app/blobs/" + Http.digest(blob)).body()).isEqualTo(blob);
            assertThat(pushed).contains(header(http.get("/v2/race/app/manifests/latest"), "Docker-Content-Digest"));
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
            }
            try (Stream<Path> uploads = Files.list(root.resolve("docker/registry/v2/repositories/race/app/_uploads"))) {
                assertThat(uploads).isEmpty();
            }
        }
    }

    @Test
    void garbageCollectionSweepsOnlyUnreferencedAndOldBlobs() throws Exception {
        try (RegistryServer registry = RegistryServer.builder().root(root).port(0).deleteEnabled(true).start()) {
            Http http = new Http(registry.baseUri());
            // a push still in progress when the collector runs: everything written after it started stays
            String inFlight = header(http.post("/v2/gc/app/blobs/uploads/", new byte[0]), "Location");
            byte[] kept = http.pushImage("gc/app", "keep", "kept layer");
            byte[] dropped = http.pushImage("gc/app", "drop", "dropped layer");
            byte[] untagged = http.pushImage("gc/app", "temp", "untagged layer");
            assertThat(http.delete("/v2/gc/app/manifests/" + Http.digest(dropped)).statusCode()).isEqualTo(202);
            assertThat(http.delete("/v2/gc/app/manifests/temp").statusCode()).isEqualTo(202);

            GarbageCollector collector = new GarbageCollector(new FilesystemDriver(root), Clock.offset(Clock.systemUTC(), Duration.ofHours(2)), line -> { });
            // the open session is older than every blob here, even though the clock says two hours passed
            assertThat(collector.run(new GarbageCollector.Options(false, true, Duration.ZERO)).blobsDeleted()).isZero();
            assertThat(http.delete(inFlight).statusCode()).isEqualTo(204);

            // within the grace period nothing goes either
            GarbageCollector.Report young = new GarbageCollector(new FilesystemDriver(root), Clock.systemUTC(), line -> { })
                    .run(new GarbageCollector.Options(false, true, Duration.ofHours(1)));
            assertThat(young.blobsDeleted()).isZero();
            assertThat(young.blobsTooYoung()).isPositive();

            GarbageCollector.Report dry = collector.run(new GarbageCollector.Options(true, true, Duration.ZERO));
            assertThat(dry.blobsDeleted()).isEqualTo(4);
            assertThat(dry.manifestsDeleted()).isEqualTo(1);
            assertThat(http.get("/v2/gc/app/manifests/" + Http.digest(untagged)).statusCode()).isEqualTo(200);

            GarbageCollector.Report real = collector.run(new GarbageCollector.Options(false, true, Duration.ZERO));
            // dropped manifest + its layer, untagged manifest + its layer
            assertThat(real.blobsDeleted()).isEqualTo(4);
            assertThat(http.get("/v2/gc/app/manifests/keep").body()).isEqualTo(kept);
            assertThat(http.get("/v2/gc/app/blobs/" + Http.digest("kept layer".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
            assertThat(http.head("/v2/gc/app/blobs/" + Http.digest("dropped layer".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(404);
            assertThat(http.get("/v2/gc/app/manifests/" + Http.digest(untagged)).statusCode()).isEqualTo(404);
        }
    }
}

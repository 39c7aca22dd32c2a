package dev.charter.registry;

import static dev.charter.registry.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage root on a 4 MiB tmpfs, filled up by an upload. Mounting needs root (CI runs as root);
 * elsewhere the test is skipped, since a full disk cannot be faked faithfully without it.
 */
class DiskFullTest {

    @TempDir
    Path work;
    Path root;

    @BeforeEach
    void mount() {
        root = work.resolve("small");
        root.toFile().mkdirs();
        ProcessResult mount = Processes.run(work, Map.of(), null, List.of("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", root.toString()));
        Assumptions.assumeTrue(mount.exitCode() == 0, () -> "cannot mount a tmpfs (needs root): " + mount.err());
    }

    @AfterEach
    void unmount() {
        Processes.run(work, Map.of(), null, List.of("umount", "-l", root.toString()));
    }

    @Test
    void fullDiskFailsTheWriteCleanlyAndFreeingTheUploadRecovers() throws Exception {
        try (RegistryServer registry = RegistryServer.builder().root(root).port(0).errorLog(line -> { }).start()) {
            Http http = new Http(registry.baseUri());
            byte[] before = http.pushImage("full/app", "before", "pushed while there was room");

            byte[] huge = new byte[8 << 20];
            new Random(3).nextBytes(huge);
            String location = header(http.post("/v2/full/app/blobs/uploads/", new byte[0]), "Location");
            HttpResponse<byte[]> put = http.put(location + "?digest=" + Http.digest(huge), "application/octet-stream", huge);
            assertThat(put.statusCode()).isEqualTo(500);
            assertThat(Http.errorCode(put)).isEqualTo("UNKNOWN");
            assertThat(http.head("/v2/full/app/blobs/" + Http.digest(huge)).statusCode()).isEqualTo(404);

            // with the disk full a manifest cannot be written either, and fails without leaving a tag behind
            String config = Http.digest("{}".getBytes(StandardCharsets.UTF_8));
            byte[] manifest = Http.imageManifest(config, 2, Http.digest("pushed while there was room".getBytes(StandardCharsets.UTF_8)),
                    27, null, "application/vnd.example.full");
            assertThat(http.putManifest("full/app", "during", "application/vnd.oci.image.manifest.v1+json", manifest).statusCode()).isEqualTo(500);
            assertThat(http.get("/v2/full/app/manifests/during").statusCode()).isEqualTo(404);

            // the failed session still holds the partial bytes; cancelling it frees the space
            HttpResponse<byte[]> status = http.get(location);
            assertThat(status.statusCode()).isEqualTo(204);
            assertThat(http.delete(location).statusCode()).isEqualTo(204);
            assertThat(http.putManifest("full/app", "after", "application/vnd.oci.image.manifest.v1+json", manifest).statusCode()).isEqualTo(201);
            assertThat(http.get("/v2/full/app/manifests/before").body()).isEqualTo(before);
            assertThat(http.get("/v2/full/app/manifests/after").body()).isEqualTo(manifest);
            try (Stream<Path> files = Files.walk(root)) {
                // writes that failed removed their temporaries
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }
}

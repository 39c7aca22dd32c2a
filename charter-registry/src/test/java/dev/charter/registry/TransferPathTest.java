package dev.charter.registry;

import static dev.charter.registry.Http.errorCode;
import static dev.charter.registry.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.Peers;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte paths tuned for speed: uploads arrive in Jetty's 256 KiB input buffers and are hashed
 * and written buffer by buffer with one fsync at the end; downloads go through pooled 256 KiB
 * buffers, several at a time; manifest reads of an open registry run on Jetty's I/O thread and
 * everything else on virtual threads. Sizes are chosen so that every transfer crosses many
 * buffer boundaries at odd offsets. curl is the client for streamed uploads, as in the benchmark.
 */
class TransferPathTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path work;
    static RegistryServer open;
    static RegistryServer basic;
    static Http http;
    static byte[] big;
    static String bigDigest;

    @BeforeAll
    static void start() {
        if (Processes.which("curl") == null) {
            Peers.unavailable("curl");
        }
        open = RegistryServer.builder().root(work.resolve("open")).port(0).start();
        basic = RegistryServer.builder().root(work.resolve("basic")).port(0).user("alice", "s3cret").start();
        http = new Http(open.baseUri());
        big = new byte[9 * MIB + 12_345];
        new Random(6).nextBytes(big);
        bigDigest = Http.digest(big);
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
            basic.close();
        }
    }

    @Test
    void streamedMonolithicUploadIsVerifiedStoredAndServedByteForByte() throws Exception {
        Path file = work.resolve("big.bin");
        Files.write(file, big);
        String location = absolute(open, header(http.post("/v2/stream/app/blobs/uploads/", new byte[0]), "Location"));
        ProcessResult put = Processes.run(work, Map.of(), null, List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "-T", file.toString(), "-H", "Content-Type: application/octet-stream", location + "?digest=" + bigDigest));
        assertThat(put.out()).as(put.toString()).isEqualTo("201");

        Path stored = open.root().resolve("docker/registry/v2/blobs/sha256/" + bigDigest.substring(7, 9) + "/"
                + bigDigest.substring(7) + "/data");
        assertThat(Files.readAllBytes(stored)).isEqualTo(big);
        HttpResponse<byte[]> get = http.get("/v2/stream/app/blobs/" + bigDigest);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(header(get, "Content-Length")).isEqualTo(String.valueOf(big.length));
        assertThat(get.body()).isEqualTo(big);
        // a range across several transfer buffers, at odd offsets
        HttpResponse<byte[]> range = http.get("/v2/stream/app/blobs/" + bigDigest, "Range", "bytes=262143-5000000");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(big, 262_143, 5_000_001));
        // no upload session is left behind
        assertThat(Files.list(open.root().resolve("docker/registry/v2/repositories/stream/app/_uploads"))).isEmpty();
    }

    @Test
    void chunksOfOddSizesThenAnEmptyFinalPutMakeTheBlob() {
        String location = header(http.post("/v2/chunks/app/blobs/uploads/", new byte[0]), "Location");
        int[] cuts = {0, 1, 300_001, 3 * MIB + 7, big.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            HttpResponse<byte[]> patch = http.patch(location, Arrays.copyOfRange(big, cuts[i], cuts[i + 1]),
                    cuts[i] + "-" + (cuts[i + 1] - 1));
            assertThat(patch.statusCode()).as("chunk %d", i).isEqualTo(202);
            assertThat(header(patch, "Range")).isEqualTo("0-" + (cuts[i + 1] - 1));
            location = header(patch, "Location");
        }
        HttpResponse<byte[]> wrong = http.put(location + "?digest=" + Http.digest(new byte[] {1}), null, new byte[0]);
        assertThat(errorCode(wrong)).isEqualTo("DIGEST_INVALID");

        String again = header(http.post("/v2/chunks/app/blobs/uploads/", new byte[0]), "Location");
        assertThat(http.patch(again, Arrays.copyOfRange(big, 0, 5 * MIB + 3), null).statusCode()).isEqualTo(202);
        HttpResponse<byte[]> finish = http.put(again + "?digest=" + bigDigest, "application/octet-stream",
                Arrays.copyOfRange(big, 5 * MIB + 3, big.length));
        assertThat(finish.statusCode()).isEqualTo(201);
        assertThat(http.get("/v2/chunks/app/blobs/" + bigDigest).body()).isEqualTo(big);
    }

    /** A client that dies mid-body; only a raw socket can send fewer bytes than its Content-Length. */
    @Test
    void aTruncatedBodyPublishesNothingAndTheSessionResumesFromWhatArrived() throws Exception {
        String location = header(http.post("/v2/cut/app/blobs/uploads/", new byte[0]), "Location");
        try (Socket socket = new Socket("127.0.0.1", open.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + location + "?digest=" + bigDigest + " HTTP/1.1\r\nHost: " + open.host()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + big.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(big, 0, 2 * MIB);
            out.flush();
            Thread.sleep(300); // let the server take in what was sent before the connection breaks
        }
        assertThat(http.head("/v2/cut/app/blobs/" + bigDigest).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> status = awaitStatus(location);
        long received = Long.parseLong(header(status, "Range").substring(2)) + 1;
        assertThat(received).isBetween(1L, 2L * MIB);
        HttpResponse<byte[]> rest = http.put(location + "?digest=" + bigDigest, "application/octet-stream",
                Arrays.copyOfRange(big, (int) received, big.length));
        assertThat(rest.statusCode()).as(Http.text(rest)).isEqualTo(201);
        assertThat(http.get("/v2/cut/app/blobs/" + bigDigest).body()).isEqualTo(big);
    }

    @Test
    void parallelDownloadsEachGetTheWholeBlob() throws Exception {
        String digest = http.pushBlob("parallel/app", big);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<byte[]>>> downloads = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                downloads.add(clients.submit(() -> http.get("/v2/parallel/app/blobs/" + digest)));
            }
            for (Future<HttpResponse<byte[]>> download : downloads) {
                HttpResponse<byte[]> r = download.get();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(big);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void manifestReadsWorkOnBothDispatchPaths() {
        // open: served on the I/O thread; Basic: on a virtual thread behind authentication
        byte[] manifest = http.pushImage("paths/app", "v1", "layer");
        HttpResponse<byte[]> inline = http.get("/v2/paths/app/manifests/v1");
        assertThat(inline.statusCode()).isEqualTo(200);
        assertThat(inline.body()).isEqualTo(manifest);
        assertThat(http.head("/v2/paths/app/manifests/v1").statusCode()).isEqualTo(200);
        assertThat(errorCode(http.get("/v2/paths/app/manifests/missing"))).isEqualTo("MANIFEST_UNKNOWN");

        Http alice = new Http(basic.baseUri()).withBasic("alice", "s3cret");
        byte[] pushed = alice.pushImage("paths/app", "v1", "layer");
        assertThat(alice.get("/v2/paths/app/manifests/v1").body()).isEqualTo(pushed);
        assertThat(new Http(basic.baseUri()).get("/v2/paths/app/manifests/v1").statusCode()).isEqualTo(401);
    }

    /** The server notices the broken connection asynchronously; poll the session until it settles. */
    private static HttpResponse<byte[]> awaitStatus(String location) throws InterruptedException {
        HttpResponse<byte[]> status = null;
        for (int i = 0; i < 50; i++) {
            status = http.get(location);
            if (status.statusCode() == 204 && !"0-0".equals(header(status, "Range"))) {
                return status;
            }
            Thread.sleep(100);
        }
        return status;
    }

    private static String absolute(RegistryServer server, String location) {
        return location.startsWith("http") ? location : server.baseUri() + location;
    }
}

package dev.charter.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code charter registry serve} as a real child JVM, killed with SIGKILL in the middle of a
 * chunked blob upload and of a storm of manifest PUTs, then restarted on the same root. Every
 * acknowledged push must still be there, the interrupted upload must resume, and the storage tree
 * must hold no blob whose bytes disagree with its name and no link to a missing blob.
 */
class RegistryCrashTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    @TempDir
    Path root;
    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    /** Starts the CLI in a fresh JVM on the test's own class path and waits for its startup line. */
    private URI serve() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(javaBin.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.charter.cli.Main",
                "registry", "serve", "--addr", "127.0.0.1:" + port, "--root", root.toString(), "--no-access-log")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; (line = out.readLine()) != null; ) {
            if (line.contains("listening on")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the child died
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create("http://127.0.0.1:" + port);
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new AssertionError("registry child did not start");
    }

    /** SIGKILL: no shutdown hook, no flush, no drain. */
    private void kill9() throws InterruptedException {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        child = null;
    }

    @Test
    void killDuringChunkedUploadThenResume() throws Exception {
        URI base = serve();
        byte[] small = "completed before the crash".getBytes(StandardCharsets.UTF_8);
        String smallDigest = pushBlob(base, "crash/app", small);
        byte[] big = new byte[48 << 20];
        new Random(42).nextBytes(big);
        String location = header(send(HttpRequest.newBuilder(base.resolve("/v2/crash/app/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())), "Location", 202);
        URI upload = base.resolve(location);
        int first = 8 << 20;
        assertThat(patch(upload, big, 0, first).statusCode()).isEqualTo(202);

        // the second chunk streams slowly; the server dies while it is arriving
        AtomicLong sent = new AtomicLong();
        CountDownLatch halfway = new CountDownLatch(1);
        Thread uploader = Thread.ofVirtual().start(() -> {
            InputStream slow = new InputStream() {
                int position = first;

                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (position >= big.length) {
                        return -1;
                    }
                    int n = Math.min(Math.min(len, 256 * 1024), big.length - position);
                    System.arraycopy(big, position, b, off, n);
                    position += n;
                    if (sent.addAndGet(n) > (12 << 20)) {
                        halfway.countDown();
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return n;
                }
            };
            try {
                CLIENT.send(HttpRequest.newBuilder(upload).method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> slow))
                        .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException expected) {
                // the connection dies with the server
            }
        });
        assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
        kill9();
        uploader.join(30_000);

        URI again = serve();
        URI resumed = again.resolve(location);
        HttpResponse<byte[]> status = send(HttpRequest.newBuilder(resumed).GET());
        assertThat(status.statusCode()).isEqualTo(204);
        // whatever reached the file before the kill counts; the client continues from there
        long held = Long.parseLong(status.headers().firstValue("Range").orElseThrow().replaceFirst("^0-", "")) + 1;
        assertThat(held).isBetween((long) first, (long) big.length - 1);
        assertThat(patch(resumed, big, (int) held, big.length).statusCode()).isEqualTo(202);
        String digest = sha256(big, 0, big.length);
        HttpResponse<byte[]> done = send(HttpRequest.newBuilder(URI.create(resumed + (resumed.toString().contains("?") ? "&" : "?") + "digest=" + digest))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(done.statusCode()).as(new String(done.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(sha256(send(HttpRequest.newBuilder(again.resolve("/v2/crash/app/blobs/" + digest)).GET()).body())).isEqualTo(digest);
        assertThat(send(HttpRequest.newBuilder(again.resolve("/v2/crash/app/blobs/" + smallDigest)).GET()).body()).isEqualTo(small);
        assertStorageConsistent(again);
    }

    @Test
    void killDuringConcurrentManifestPutsLosesNothingAcknowledged() throws Exception {
        URI base = serve();
        String config = pushBlob(base, "storm/app", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] layer = "one shared layer".getBytes(StandardCharsets.UTF_8);
        String layerDigest = pushBlob(base, "storm/app", layer);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 24; w++) {
            int writer = w;
            writers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String tag = "w" + writer + "-" + i;
                    byte[] manifest = manifest(config, layerDigest, layer.length, tag);
                    try {
                        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(base.resolve("/v2/storm/app/manifests/" + tag))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))
                                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 201) {
                            acknowledged.put(tag, sha256(manifest, 0, manifest.length));
                        }
                    } catch (IOException | InterruptedException dead) {
                        return;
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        kill9();
        stop.set(true);
        for (Thread t : writers) {
            t.join(30_000);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        URI again = serve();
        for (Map.Entry<String, String> e : acknowledged.entrySet()) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(again.resolve("/v2/storm/app/manifests/" + e.getKey()))
                    .header("Accept", "application/vnd.oci.image.manifest.v1+json").GET());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(sha256(r.body())).as(e.getKey()).isEqualTo(e.getValue());
        }
        // the registry still takes writes on the same root
        byte[] after = manifest(config, layerDigest, layer.length, "after");
        assertThat(send(HttpRequest.newBuilder(again.resolve("/v2/storm/app/manifests/after"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(after))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")).statusCode()).isEqualTo(201);
        assertStorageConsistent(again);
    }

    /**
     * Walks the tree as Distribution's layout defines it: every blob's bytes hash to its name,
     * every link names a blob that exists, every tag's current link is one of its index entries,
     * and every upload left behind is either resumable or reported unknown (never a 5xx).
     */
    private void assertStorageConsistent(URI base) throws Exception {
        Path v2 = root.resolve("docker/registry/v2");
        int blobs = 0;
        int links = 0;
        try (Stream<Path> files = Files.walk(v2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    continue; // an unrenamed temporary: invisible to readers by construction
                }
                String relative = v2.relativize(file).toString();
                if (relative.startsWith("blobs/") && name.equals("data")) {
                    String hex = file.getParent().getFileName().toString();
                    assertThat(hex).matches(HEX);
                    assertThat(sha256(Files.readAllBytes(file))).as(relative).isEqualTo("sha256:" + hex);
                    blobs++;
                } else if (name.equals("link")) {
                    String target = Files.readString(file).strip();
                    assertThat(target).as(relative).startsWith("sha256:");
                    assertThat(target.substring(7)).as(relative).matches(HEX);
                    assertThat(v2.resolve("blobs/sha256/" + target.substring(7, 9) + "/" + target.substring(7) + "/data"))
                            .as("blob behind " + relative).isRegularFile();
                    if (relative.contains("/_layers/") || relative.contains("/revisions/") || relative.contains("/index/")) {
                        // these links live in a directory named after the digest they hold
                        assertThat(file.getParent().getFileName().toString()).as(relative).isEqualTo(target.substring(7));
                    }
                    if (relative.endsWith("/current/link")) {
                        assertThat(file.getParent().getParent().resolve("index/sha256/" + target.substring(7) + "/link")).as(relative).isRegularFile();
                    }
                    links++;
                }
            }
        }
        assertThat(blobs).isPositive();
        assertThat(links).isPositive();
        try (Stream<Path> repos = Files.walk(v2.resolve("repositories"))) {
            for (Path uploads : repos.filter(p -> p.getFileName().toString().equals("_uploads")).toList()) {
                String repo = v2.resolve("repositories").relativize(uploads.getParent()).toString();
                try (Stream<Path> sessions = Files.list(uploads)) {
                    for (Path session : sessions.toList()) {
                        int code = send(HttpRequest.newBuilder(base.resolve("/v2/" + repo + "/blobs/uploads/" + session.getFileName())).GET()).statusCode();
                        assertThat(code).as("upload " + session).isIn(204, 404);
                    }
                }
            }
        }
    }

    private static byte[] manifest(String config, String layer, long layerSize, String marker) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config + "\",\"size\":2},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layer + "\",\"size\":" + layerSize
                + "}],\"annotations\":{\"marker\":\"" + marker + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String pushBlob(URI base, String repo, byte[] content) {
        String location = header(send(HttpRequest.newBuilder(base.resolve("/v2/" + repo + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody())),
                "Location", 202);
        String digest = sha256(content);
        URI put = URI.create(base.resolve(location) + (location.contains("?") ? "&" : "?") + "digest=" + digest);
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Content-Type", "application/octet-stream"));
        assertThat(r.statusCode()).isEqualTo(201);
        return digest;
    }

    private static HttpResponse<byte[]> patch(URI upload, byte[] content, int from, int to) {
        return send(HttpRequest.newBuilder(upload).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content, from, to - from))
                .header("Content-Type", "application/octet-stream").header("Content-Range", from + "-" + (to - 1)));
    }

    private static String header(HttpResponse<byte[]> response, String name, int expectedStatus) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return response.headers().firstValue(name).orElseThrow();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) {
        return sha256(content, 0, content.length);
    }

    private static String sha256(byte[] content, int from, int to) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(content, from, to - from);
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.charter.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.Charter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code charter registry serve} and {@code gc} run in-process. */
class RegistryCommandsTest {

    @TempDir
    Path dir;

    /** Collects stderr lines so the test can wait for the startup line instead of sleeping. */
    static final class Lines extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        String await(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line != null && pattern.matcher(line).find()) {
                    return line;
                }
            }
            throw new AssertionError("no line matching " + pattern);
        }
    }

    @Test
    void serveListensLogsAccessAndStopsWhenInterrupted() throws Exception {
        Lines err = new Lines();
        int[] exit = {-1};
        Path htpasswd = dir.resolve("htpasswd");
        // bcrypt of "pw" for user "ci" (htpasswd -Bbn ci pw)
        Files.writeString(htpasswd, "ci:" + org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", "pw".toCharArray(), new byte[16], 4) + "\n");
        Thread serve = Thread.ofPlatform().start(() -> exit[0] = Charter.execute(
                new String[] {"registry", "serve", "--addr", "127.0.0.1:0", "--root", dir.resolve("data").toString(),
                        "--htpasswd", htpasswd.toString(), "--read-only-anonymous", "--delete-enabled"},
                Map.of("HOME", dir.toString()), dir, new ByteArrayInputStream(new byte[0]),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String started = err.await(Pattern.compile("Charter registry listening on"));
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) \\(storage (.*)\\)").matcher(started);
        assertThat(m.find()).as(started).isTrue();
        assertThat(Path.of(m.group(2))).isEqualTo(dir.resolve("data"));
        URI base = URI.create(m.group(1));

        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.send(HttpRequest.newBuilder(base.resolve("/v2/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        HttpResponse<Void> push = client.send(HttpRequest.newBuilder(base.resolve("/v2/a/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(push.statusCode()).isEqualTo(401);
        String authorization = "Basic " + java.util.Base64.getEncoder().encodeToString("ci:pw".getBytes(StandardCharsets.UTF_8));
        HttpResponse<Void> authed = client.send(HttpRequest.newBuilder(base.resolve("/v2/a/blobs/uploads/")).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(authed.statusCode()).isEqualTo(202);
        assertThat(err.await(Pattern.compile("\"POST /v2/a/blobs/uploads/ HTTP/1.1\" 202"))).contains(" - ci [").doesNotContain("pw");

        serve.interrupt();
        serve.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(serve.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
        err.await(Pattern.compile("Charter registry stopped"));
    }

    @Test
    void serveReportsBadSettingsAsOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Charter.execute(new String[] {"registry", "serve", "--addr", "127.0.0.1:0", "--root", dir.toString()},
                Map.of("REGISTRY_STORAGE_S3_BUCKET", "b"), dir, new ByteArrayInputStream(new byte[0]),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: storage driver s3 is not supported by Charter (filesystem only)\n");
    }

    @Test
    void gcOnAnEmptyAndAMissingRoot() throws Exception {
        Files.createDirectories(dir.resolve("data/docker/registry/v2/blobs/sha256/ab/" + "ab".repeat(32)));
        Files.writeString(dir.resolve("data/docker/registry/v2/blobs/sha256/ab/" + "ab".repeat(32) + "/data"), "orphan");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Charter.execute(new String[] {"registry", "gc", "--root", dir.resolve("data").toString(), "--grace", "0s"},
                Map.of(), dir, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("deleting blob sha256:" + "ab".repeat(32) + " (6 bytes)")
                .contains("0 blobs marked, 1 blobs deleted (6 bytes)");
        assertThat(dir.resolve("data/docker/registry/v2/blobs/sha256/ab/" + "ab".repeat(32))).doesNotExist();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int missing = Charter.execute(new String[] {"registry", "gc", "--root", dir.resolve("nope").toString()},
                Map.of(), dir, new ByteArrayInputStream(new byte[0]),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(missing).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: storage root ").endsWith(" does not exist\n");
    }
}

package dev.charter.oci.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogTest {

    private HttpServer server;
    private URI base;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private static final String BIG = "{\"data\":\"" + "x".repeat(20_000) + "\"}";

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/json", ex -> reply(ex, 200, "application/json", "{\"a\":1}"));
        server.createContext("/big", ex -> reply(ex, 200, "application/json; charset=utf-8", BIG));
        server.createContext("/token", ex -> reply(ex, 200, "application/json", "{\"token\":\"secret-value\"}"));
        server.createContext("/blob", ex -> reply(ex, 200, "application/octet-stream", "z".repeat(5000)));
        server.createContext("/plain", ex -> reply(ex, 200, null, "abc"));
        server.createContext("/upload", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Set-Cookie", "session=abc");
            ex.sendResponseHeaders(201, -1);
            ex.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
        if (!ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpTransport transport(ProgressListener progress) {
        return new HttpTransport(TransportOptions.defaults().withPlainHttp(true).withRetry(RetryPolicy.none())
                .withDebugLog(new RequestLog(lines::add)).withProgress(progress));
    }

    private String get(HttpTransport t, String path, Map<String, String> headers) {
        try (Response r = t.send(new Request("GET", base.resolve(path), headers, null, List.of()))) {
            return new String(r.readBody(1 << 20), StandardCharsets.UTF_8);
        }
    }

    @Test
    void logsRequestAndResponseLikeHelm() {
        try (HttpTransport t = transport(null)) {
            assertThat(get(t, "/json", Map.of("Authorization", "Bearer abc.def", "Accept", "application/json"))).isEqualTo("{\"a\":1}");
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("level=DEBUG msg=GET id=0 url=" + base + "/json header=\"   \\\"User-Agent\\\": \\\"Helm/4.1.4\\\"\\n")
                .contains("\\n   \\\"Accept\\\": \\\"application/json\\\"");
        assertThat(lines.get(0)).contains("\\\"Authorization\\\": \\\"*****\\\"").doesNotContain("abc.def");
        assertThat(lines.get(1)).startsWith("level=DEBUG msg=Res id=0 status=\"200 OK\" header=\"   \\\"Content-Length\\\": \\\"7\\\"\\n")
                .endsWith(" body=\"{\\\"a\\\":1}\"");
    }

    @Test
    void bodiesFollowHelmsRules() {
        try (HttpTransport t = transport(null)) {
            assertThat(get(t, "/big", Map.of())).isEqualTo(BIG);
            assertThat(get(t, "/token", Map.of())).contains("secret-value");
            assertThat(get(t, "/blob", Map.of())).hasSize(5000);
            assertThat(get(t, "/plain", Map.of())).isEqualTo("abc");
            try (Response r = t.send(Request.of("HEAD", base.resolve("/json"), List.of()))) {
                assertThat(r.status()).isEqualTo(200);
            }
            try (Response r = t.send(new Request("PUT", base.resolve("/upload?digest=sha256%3A0123456789abcdef"),
                    Map.of("Content-Type", "application/octet-stream"), Body.of(new byte[10]), List.of()))) {
                assertThat(r.status()).isEqualTo(201);
            }
        }
        assertThat(lines.get(1)).endsWith("x".repeat(100) + "\\n...(truncated)\"").contains("id=0 ");
        assertThat(lines.get(1).length()).isLessThan(16 * 1024 + 600);
        assertThat(lines.get(3)).endsWith("body=\"   Response body redacted due to potential credentials\"").doesNotContain("secret-value");
        assertThat(lines.get(5)).endsWith("body=\"   Response body of content type \\\"application/octet-stream\\\" is not printed\"");
        assertThat(lines.get(7)).endsWith("body=\"   Response body without a content type is not printed\"");
        assertThat(lines.get(8)).startsWith("level=DEBUG msg=HEAD id=4 ");
        assertThat(lines.get(9)).startsWith("level=DEBUG msg=Resp id=4 ").endsWith("body=\"   No response body to print\"");
        assertThat(lines.get(10)).startsWith("level=DEBUG msg=PUT id=5 url=\"" + base + "/upload?digest=sha256%3A0123456789abcdef\" ");
        assertThat(lines.get(11)).startsWith("level=DEBUG msg=Res id=5 status=\"201 Created\" ")
                .contains("\\\"Set-Cookie\\\": \\\"*****\\\"").doesNotContain("session=abc");
    }

    @Test
    void connectionFailuresAreLogged() {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (HttpTransport t = transport(null)) {
            try {
                t.send(Request.of("GET", URI.create("http://127.0.0.1:" + port + "/v2/"), List.of())).close();
            } catch (dev.charter.oci.OciException expected) {
                // logged before being thrown
            }
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("level=DEBUG msg=Res id=0 error=\"dial tcp 127.0.0.1:" + port + ": connect: connection refused\"");
    }

    @Test
    void formattingHelpers() {
        assertThat(RequestLog.slog("abc")).isEqualTo("abc");
        assertThat(RequestLog.slog("a b")).isEqualTo("\"a b\"");
        assertThat(RequestLog.slog("a=b")).isEqualTo("\"a=b\"");
        assertThat(RequestLog.slog("a\\b")).isEqualTo("a\\b");
        assertThat(RequestLog.slog("")).isEqualTo("\"\"");
        assertThat(RequestLog.canonical("docker-upload-uuid")).isEqualTo("Docker-Upload-Uuid");
        assertThat(RequestLog.canonical("ETag")).isEqualTo("Etag");
        assertThat(RequestLog.responseMessage("GET")).isEqualTo("Res");
        assertThat(RequestLog.responseMessage("HEAD")).isEqualTo("Resp");
        assertThat(RequestLog.responseMessage("PATCH")).isEqualTo("Respo");
        assertThat(RequestLog.header(List.of())).isEqualTo("   Empty header");
        assertThat(RequestLog.header(List.of(Map.entry("authorization", List.of("Basic x"))))).isEqualTo("   \"authorization\": \"*****\"");
        assertThat(RequestLog.header(List.of(Map.entry("Accept", List.of("a", "b"))))).isEqualTo("   \"Accept\": \"a, b\"");
        assertThat(RequestLog.printable("application/vnd.oci.image.manifest.v1+json")).isTrue();
        assertThat(RequestLog.printable("Text/Plain; charset=utf-8")).isTrue();
        assertThat(RequestLog.printable("application/octet-stream")).isFalse();
        assertThat(RequestLog.bodyText("{\"access_token\":\"x\"}", 20)).isEqualTo("   Response body redacted due to potential credentials");
        assertThat(RequestLog.bodyText("", 0)).isEqualTo("   Response body is empty");
    }

    @Test
    void progressSeesUploadsAndDownloads() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        AtomicLong moved = new AtomicLong();
        ProgressListener listener = (label, total) -> {
            events.add(label + " " + total);
            return new ProgressListener.Tracker() {
                private boolean done;
                @Override public void advance(long bytes) { moved.addAndGet(bytes); }
                @Override public synchronized void finish() {
                    if (!done) {
                        done = true;
                        events.add("finish");
                    }
                }
            };
        };
        Path file = Files.write(dir.resolve("blob"), new byte[300_000]);
        try (HttpTransport t = new HttpTransport(TransportOptions.defaults().withPlainHttp(true).withProgress(listener))) {
            try (Response r = t.send(new Request("PUT", base.resolve("/upload?_state=x&digest=sha256%3Aabcdef0123456789ff"),
                    Map.of(), Body.of(file), List.of()))) {
                assertThat(r.status()).isEqualTo(201);
            }
            assertThat(moved.get()).isEqualTo(300_000);
            try (Response r = t.send(Request.of("GET", base.resolve("/v2/r/blobs/sha256:fedcba9876543210aa"), List.of()))) {
                assertThat(r.status()).isEqualTo(404);
            }
            server.createContext("/v2/r/blobs/", ex -> reply(ex, 200, "application/octet-stream", "q".repeat(7000)));
            try (Response r = t.send(Request.of("GET", base.resolve("/v2/r/blobs/sha256:fedcba9876543210aa"), List.of()));
                 InputStream in = r.body()) {
                assertThat(in.readAllBytes()).hasSize(7000);
            }
        }
        assertThat(moved.get()).isEqualTo(307_000);
        assertThat(events).containsExactly("Uploading sha256:abcdef012345 300000", "finish",
                "Downloading sha256:fedcba987654 7000", "finish");
        assertThat(lines).isEmpty();
    }
}

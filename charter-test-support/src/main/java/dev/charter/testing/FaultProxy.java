package dev.charter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 proxy in front of a real server that injects the faults real networks and
 * ingress controllers produce and no real peer produces on demand: a connection cut part-way
 * through a response, and an HTML error page (as nginx answers 502/503 when its upstream is down).
 * Tests that use it say so; everything it does not touch is forwarded byte for byte.
 *
 * <p>One upstream connection per request ({@code Connection: close} both ways) keeps request
 * boundaries trivial. Request bodies are forwarded by {@code Content-Length} (chunked request
 * bodies are not supported: the clients under test send lengths).
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do with requests whose path contains {@link #pathPart}. */
    public sealed interface Fault {
    }

    /**
     * Forward the request, but end the client connection after this many body bytes of the
     * response: with a reset (RST, as a middlebox dropping it) or a plain close (FIN).
     */
    public record CutAfter(long bodyBytes, boolean reset) implements Fault {
    }

    /** Answer without asking the upstream: the status line text and an HTML body. */
    public record HtmlError(int status, String reason, String html) implements Fault {
    }

    private record Rule(String method, String pathPart, Fault fault, AtomicInteger remaining) {
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    /** {@code METHOD path} of every request seen, with {@code " (range …)"} and {@code " [fault]"} when present. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = Thread.ofPlatform().daemon().name("fault-proxy").start(this::accept);
        acceptor.setUncaughtExceptionHandler((t, e) -> { });
    }

    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Injects {@code fault} into the next {@code times} requests with this method whose path contains {@code pathPart}. */
    public FaultProxy inject(String method, String pathPart, Fault fault, int times) {
        rules.add(new Rule(method, pathPart, fault, new AtomicInteger(times)));
        return this;
    }

    public void clearFaults() {
        rules.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private Fault faultFor(String method, String path) {
        for (Rule r : rules) {
            if (r.method.equals(method) && path.contains(r.pathPart) && r.remaining.getAndDecrement() > 0) {
                return r.fault;
            }
        }
        return null;
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String method = requestLine[0];
            String path = requestLine[1];
            long contentLength = header(head, "content-length").map(Long::parseLong).orElse(0L);
            byte[] body = in.readNBytes((int) contentLength);
            Fault fault = faultFor(method, path);
            requests.add(method + " " + path + header(head, "range").map(r -> " (range " + r + ")").orElse("")
                    + (fault == null ? "" : " [" + fault + "]"));
            if (fault instanceof HtmlError html) {
                byte[] page = html.html().getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + html.status() + " " + html.reason() + "\r\nServer: nginx\r\n"
                        + "Content-Type: text/html\r\nContent-Length: " + page.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(page);
                out.flush();
                return;
            }
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                OutputStream up = upstream.getOutputStream();
                up.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
                up.write(body);
                up.flush();
                InputStream down = upstream.getInputStream();
                String responseHead = readHead(down);
                if (responseHead == null) {
                    return;
                }
                out.write(withConnectionClose(responseHead).getBytes(StandardCharsets.ISO_8859_1));
                long limit = fault instanceof CutAfter cut ? cut.bodyBytes() : Long.MAX_VALUE;
                byte[] buffer = new byte[8192];
                long sent = 0;
                while (sent < limit) {
                    int n = down.read(buffer, 0, (int) Math.min(buffer.length, limit - sent));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    sent += n;
                }
                out.flush();
                if (fault instanceof CutAfter cut && cut.reset()) {
                    client.setSoLinger(true, 0); // closing now sends RST
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to report
        }
    }

    private static String withConnectionClose(String head) {
        StringBuilder b = new StringBuilder();
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("connection:") || lower.startsWith("keep-alive:")) {
                continue;
            }
            b.append(line).append("\r\n");
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    private static java.util.Optional<String> header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return java.util.Optional.of(line.substring(colon + 1).trim());
            }
        }
        return java.util.Optional.empty();
    }

    /** The request or status line and headers, without the final empty line; null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            state = switch (state) {
                case 0, 2 -> c == '\r' ? state + 1 : 0;
                case 1 -> c == '\n' ? 2 : 0;
                case 3 -> c == '\n' ? 4 : 0;
                default -> 0;
            };
            if (state == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 2);
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

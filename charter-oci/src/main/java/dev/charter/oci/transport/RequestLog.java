package dev.charter.oci.transport;

import dev.charter.oci.reference.GoStrings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Helm v4's {@code --debug} request logging ({@code pkg/registry/transport.go}'s
 * {@code LoggingTransport}), written as slog text lines:
 *
 * <pre>
 * level=DEBUG msg=GET id=0 url=http://…/manifests/0.1.0 header="   \"Accept\": \"…\"\n   \"User-Agent\": \"Helm/4.1.4\""
 * level=DEBUG msg=Res id=0 status="200 OK" header="   \"Content-Length\": \"582\"\n…" body="{…}"
 * </pre>
 *
 * One id per round trip (every retry, redirect hop and token request gets its own). Authorization
 * and Set-Cookie values are shown as {@code *****}; response bodies only for JSON/text content up
 * to 16 KiB (longer ones are cut and marked), and never when they contain {@code "token"} or
 * {@code "access_token"}. A body that is printed is read ahead and handed on unchanged.
 *
 * <p>Differences from Helm that the JDK imposes: header order is alphabetical (Go prints its header
 * map in random order); request headers are those Charter sets (Go's transport adds
 * {@code Accept-Encoding: gzip} and {@code Content-Length} without logging them too, and the JDK's own
 * {@code Host}/{@code Content-Length}/{@code Connection} are invisible as well); the status text is Go's
 * {@code http.StatusText} for the code, since the JDK drops the server's reason phrase.
 */
public final class RequestLog {

    /** Helm's {@code payloadSizeLimit}. */
    public static final int PAYLOAD_LIMIT = 16 * 1024;
    private static final List<String> SCRUB = List.of("Authorization", "Set-Cookie");

    private final Consumer<String> sink;
    private final AtomicLong ids = new AtomicLong();

    public RequestLog(Consumer<String> sink) {
        this.sink = sink;
    }

    long nextId() {
        return ids.getAndIncrement();
    }

    void request(long id, String method, URI uri, List<Map.Entry<String, String>> headers) {
        List<Map.Entry<String, List<String>>> multi = new ArrayList<>();
        headers.forEach(h -> multi.add(Map.entry(h.getKey(), List.of(h.getValue()))));
        sink.accept(requestLine(id, method, uri.toString(), multi));
    }

    /** Logs the response and returns its body, still complete. */
    InputStream response(long id, String method, int status, HttpHeaders headers, InputStream body) throws IOException {
        String[] text = new String[1];
        InputStream restored = body;
        long length = headers.firstValueAsLong("Content-Length").orElse(-1);
        if (method.equals("HEAD") || length == 0 || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            text[0] = "   No response body to print";
        } else {
            String contentType = headers.firstValue("Content-Type").orElse("");
            if (contentType.isEmpty()) {
                text[0] = "   Response body without a content type is not printed";
            } else if (!printable(contentType)) {
                text[0] = "   Response body of content type " + GoStrings.quote(contentType) + " is not printed";
            } else {
                byte[] read = body.readNBytes(PAYLOAD_LIMIT + 1);
                restored = new SequenceInputStream(new ByteArrayInputStream(read), body);
                text[0] = bodyText(new String(read, StandardCharsets.UTF_8), read.length);
            }
        }
        sink.accept(responseLine(id, method, status, entries(headers), text[0]));
        return restored;
    }

    void failure(long id, String method, String error) {
        sink.accept("level=DEBUG msg=" + slog(responseMessage(method)) + " id=" + id + " error=" + slog(error));
    }

    // ---- formatting, public for tests ----

    public static String requestLine(long id, String method, String url, List<Map.Entry<String, List<String>>> headers) {
        return "level=DEBUG msg=" + slog(method) + " id=" + id + " url=" + slog(url) + " header=" + slog(header(headers));
    }

    public static String responseLine(long id, String method, int status, List<Map.Entry<String, List<String>>> headers, String body) {
        return "level=DEBUG msg=" + slog(responseMessage(method)) + " id=" + id
                + " status=" + slog(status + " " + GoErrors.statusText(status))
                + " header=" + slog(header(headers)) + " body=" + slog(body);
    }

    /** "Response" cut to the length of the method, as Helm v4.1.4 prints it ({@code Res}, {@code Resp}, …). */
    public static String responseMessage(String method) {
        String word = "Response";
        return word.substring(0, Math.min(word.length(), Math.max(1, method.length())));
    }

    /** Helm's {@code logHeader}: {@code    "Name": "v1, v2"} lines, scrubbed values as {@code *****}. */
    public static String header(List<Map.Entry<String, List<String>>> headers) {
        if (headers.isEmpty()) {
            return "   Empty header";
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> h : headers) {
            String value = String.join(", ", h.getValue());
            for (String scrub : SCRUB) {
                if (scrub.equalsIgnoreCase(h.getKey())) {
                    value = "*****";
                }
            }
            lines.add("   " + GoStrings.quote(h.getKey()) + ": " + GoStrings.quote(value));
        }
        return String.join("\n", lines);
    }

    /** The body part for a printable body whose first {@code PAYLOAD_LIMIT + 1} bytes were read. */
    public static String bodyText(String read, int bytesRead) {
        if (bytesRead == 0) {
            return "   Response body is empty";
        }
        if (read.contains("\"token\"") || read.contains("\"access_token\"")) {
            return "   Response body redacted due to potential credentials";
        }
        if (bytesRead > PAYLOAD_LIMIT) {
            return read.substring(0, Math.min(read.length(), PAYLOAD_LIMIT)) + "\n...(truncated)";
        }
        return read;
    }

    /** Helm's {@code isPrintableContentType}: JSON ({@code application/json}, {@code +json}) and text/plain, text/html. */
    public static boolean printable(String contentType) {
        int semi = contentType.indexOf(';');
        String media = (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
        int slash = media.indexOf('/');
        if (slash <= 0 || slash == media.length() - 1 || media.indexOf('/', slash + 1) >= 0 || media.contains(" ")) {
            return false;
        }
        return media.equals("application/json") || media.equals("text/plain") || media.equals("text/html") || media.endsWith("+json");
    }

    /** Response headers in Go's canonical spelling, sorted (Go's map order is random). */
    static List<Map.Entry<String, List<String>>> entries(HttpHeaders headers) {
        List<Map.Entry<String, List<String>>> list = new ArrayList<>();
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                list.add(Map.entry(canonical(name), values));
            }
        });
        list.sort(Map.Entry.comparingByKey());
        return list;
    }

    /** Go's {@code textproto.CanonicalMIMEHeaderKey}: {@code etag} → {@code Etag}, {@code docker-upload-uuid} → {@code Docker-Upload-Uuid}. */
    public static String canonical(String name) {
        for (char c : name.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '-') || c > 0x7f) {
                return name;
            }
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    /** slog's text handler: a value is quoted (strconv.Quote) only when it needs to be. */
    public static String slog(String value) {
        if (value.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (cp < 0x80) {
                if (cp != '\\' && (cp <= ' ' || cp == '=' || cp == '"' || cp == 0x7f)) {
                    return GoStrings.quote(value);
                }
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                    || !Character.isDefined(cp) || cp == 0xFFFD) {
                return GoStrings.quote(value);
            }
            i += Character.charCount(cp);
        }
        return value;
    }
}

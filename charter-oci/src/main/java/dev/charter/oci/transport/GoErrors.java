package dev.charter.oci.transport;

import dev.charter.oci.reference.GoStrings;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Describes JDK network failures with the texts Go's net/http prints ({@code Head "url": dial tcp
 * 127.0.0.1:5999: connect: connection refused}), because those texts are what Helm users see.
 */
public final class GoErrors {

    private static final Map<Integer, String> STATUS_TEXT = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(413, "Request Entity Too Large"), Map.entry(416, "Requested Range Not Satisfiable"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"),
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
            Map.entry(206, "Partial Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Entity"));

    private GoErrors() {
    }

    /** Go's {@code http.StatusText}. */
    public static String statusText(int status) {
        return STATUS_TEXT.getOrDefault(status, "");
    }

    /** Go's {@code url.Error}: {@code Get "https://…": <cause>}. */
    public static String urlError(String method, URI uri, Throwable failure) {
        String op = method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT);
        return op + " " + GoStrings.quote(uri.toString()) + ": " + cause(uri, failure);
    }

    /** The transport-level error text (what Go's {@code RoundTrip} returns, without the url.Error prefix). */
    static String cause(URI uri, Throwable failure) {
        String hostPort = hostPort(uri);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "dial tcp: lookup " + uri.getHost() + ": no such host";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return "net/http: request canceled (Client.Timeout exceeded while awaiting headers)";
            }
            if (t instanceof ConnectException) {
                return "dial tcp " + resolved(uri, hostPort) + ": connect: connection refused";
            }
            if (t instanceof SSLException ssl) {
                return tls(ssl);
            }
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static String tls(SSLException e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext connection")) {
                return "tls: first record does not look like a TLS handshake";
            }
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
            }
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "tls: failed to verify certificate: x509: " + m;
            }
            int alert = m.indexOf("Received fatal alert: ");
            if (alert >= 0) {
                // the peer refused the handshake (e.g. no client certificate under mutual TLS)
                return "remote error: tls: " + goAlert(m.substring(alert + "Received fatal alert: ".length()).strip());
            }
            if (m.contains("expired") || m.contains("NotAfter")) {
                return "tls: failed to verify certificate: x509: certificate has expired or is not yet valid";
            }
        }
        return "tls: " + message;
    }

    /** Go's {@code alert.String()} for a JSSE alert name. */
    private static String goAlert(String name) {
        return switch (name) {
            case "unknown_ca" -> "unknown certificate authority";
            case "protocol_version" -> "protocol version not supported";
            case "certificate_expired" -> "expired certificate";
            case "certificate_unknown" -> "unknown certificate";
            case "decrypt_error" -> "error decrypting message";
            case "handshake_failure" -> "handshake failure";
            default -> name.replace('_', ' ');
        };
    }

    private static String hostPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return uri.getHost() + ":" + port;
    }

    /** Go prints the dialled IP address, e.g. {@code 127.0.0.1:5999} for {@code localhost:5999}. */
    private static String resolved(URI uri, String hostPort) {
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            String ip = address.getHostAddress();
            return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
        } catch (UnknownHostException e) {
            return hostPort;
        }
    }
}

package dev.charter.kube;

import java.net.ConnectException;
import java.net.URI;

/**
 * Transport failures of a request in the words of Go's net/http as client-go returns them:
 * {@code Get "https://host:port/version": dial tcp 127.0.0.1:1: connect: connection refused} or
 * {@code ...: tls: failed to verify certificate: x509: ...}. Only the failures Charter can name as
 * Go does are translated; anything else keeps Java's message after the {@code Get "url": } part.
 */
public final class GoNetErrors {
    private GoNetErrors() {
    }

    /** Go's {@code url.Error} text for {@code method url} failing with {@code failure}. */
    public static String describe(String method, String url, Throwable failure) {
        return goMethod(method) + " \"" + url + "\": " + cause(url, failure);
    }

    private static String cause(String url, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerNameTrustManager.GoTlsException) {
                return "tls: failed to verify certificate: " + t.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException && t.getMessage() != null && t.getMessage().startsWith("Connection refused")) {
                return "dial tcp " + hostPort(url) + ": connect: connection refused";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** The address Go dials: the URL's host and port (the scheme's default when absent). */
    private static String hostPort(String url) {
        URI u = URI.create(url);
        int port = u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        String host = u.getHost();
        try {
            // Go dials the resolved address and names it in the error
            java.net.InetAddress a = java.net.InetAddress.getByName(host);
            host = a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        } catch (java.net.UnknownHostException e) {
            // keep the name
        }
        return host + ":" + port;
    }

    /** Go's url.Error writes the method with only its first letter upper-case. */
    private static String goMethod(String method) {
        String m = method.toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}

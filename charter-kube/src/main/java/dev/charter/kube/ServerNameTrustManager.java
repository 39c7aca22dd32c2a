package dev.charter.kube;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The API server certificate checks of Go's crypto/tls as client-go configures them: the chain
 * against the kubeconfig's CA (or the system roots), then the name — {@code --kube-tls-server-name}
 * (or the cluster's {@code tls-server-name}) when given, else the host of the server URL — against
 * the certificate's SANs only (Go ignores the Common Name). Failures carry Go's texts, so Charter's
 * "kubernetes cluster unreachable: ..." lines read as Helm's. The HTTP client's own host-name check
 * is off, because Vert.x cannot verify against a name other than the URL's host.
 */
final class ServerNameTrustManager extends X509ExtendedTrustManager {

    /** A TLS verification failure whose message is Go's ({@code x509: ...}). */
    static final class GoTlsException extends CertificateException {
        GoTlsException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final X509TrustManager chain;
    private final String serverName;

    ServerNameTrustManager(X509TrustManager chain, String serverName) {
        this.chain = chain;
        this.serverName = serverName;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        verify(certs, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        verify(certs, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        verify(certs, authType);
    }

    private void verify(X509Certificate[] certs, String authType) throws CertificateException {
        try {
            // the two-argument form of the JDK's trust manager checks the chain only, never a host name
            chain.checkServerTrusted(certs, authType);
        } catch (CertificateException e) {
            throw new GoTlsException("x509: certificate signed by unknown authority", e);
        }
        String problem = hostnameError(certs[0], serverName);
        if (problem != null) throw new GoTlsException(problem, null);
    }

    /** Go's {@code Certificate.VerifyHostname}: null when {@code host} matches, else {@code HostnameError}'s text. */
    static String hostnameError(X509Certificate c, String host) throws CertificateParsingException {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        Collection<List<?>> sans = c.getSubjectAlternativeNames();
        if (sans != null) {
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                if (type == 2) dns.add((String) san.get(1));
                if (type == 7) ips.add(canonicalIp((String) san.get(1)));
            }
        }
        String candidate = host;
        if (candidate.length() >= 3 && candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (isIpLiteral(candidate)) {
            String want = canonicalIp(candidate);
            if (ips.contains(want)) return null;
            if (ips.isEmpty()) return "x509: cannot validate certificate for " + host + " because it doesn't contain any IP SANs";
            return "x509: certificate is valid for " + String.join(", ", ips) + ", not " + host;
        }
        String name = candidate.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        for (String pattern : dns) {
            if (matchHostnames(pattern.toLowerCase(Locale.ROOT), name)) return null;
        }
        if (dns.isEmpty()) return "x509: certificate is not valid for any names, but wanted to match " + host;
        return "x509: certificate is valid for " + String.join(", ", dns) + ", not " + host;
    }

    /** Go's {@code matchHostnames}: a {@code *} matches one whole left-most label. */
    private static boolean matchHostnames(String pattern, String host) {
        if (pattern.endsWith(".")) pattern = pattern.substring(0, pattern.length() - 1);
        if (pattern.isEmpty() || host.isEmpty()) return false;
        String[] p = pattern.split("\\.", -1);
        String[] h = host.split("\\.", -1);
        if (p.length != h.length) return false;
        for (int i = 0; i < p.length; i++) {
            if (i == 0 && p[i].equals("*")) continue;
            if (!p[i].equals(h[i])) return false;
        }
        return true;
    }

    private static boolean isIpLiteral(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    /** Go prints IP SANs in net.IP's String form: dotted quads, and RFC 5952 for IPv6. */
    private static String canonicalIp(String literal) {
        try {
            InetAddress a = InetAddress.getByName(literal);
            if (a instanceof java.net.Inet4Address) return a.getHostAddress();
            return Rfc5952.format(a.getAddress());
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    /** IPv6 text as Go's net.IP.String writes it: lower case, the longest zero run (at least two groups) as {@code ::}. */
    private static final class Rfc5952 {
        static String format(byte[] b) {
            int[] g = new int[8];
            for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
            int bestStart = -1;
            int bestLen = 0;
            for (int i = 0; i < 8; ) {
                if (g[i] != 0) { i++; continue; }
                int j = i;
                while (j < 8 && g[j] == 0) j++;
                if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
                i = j;
            }
            if (bestLen < 2) bestStart = -1;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    sb.append("::");
                    i += bestLen - 1;
                    continue;
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
                sb.append(Integer.toHexString(g[i]));
            }
            return sb.toString();
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        chain.checkClientTrusted(certs, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        chain.checkClientTrusted(certs, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        chain.checkClientTrusted(certs, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }
}

package dev.charter.oci.transport;

import dev.charter.oci.OciException;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the SSLContext for a {@link TransportOptions}: verified by default, like Go's TLS client. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext create(TransportOptions options) {
        try {
            KeyManager[] keyManagers = null;
            if (options.certFile() != null && options.keyFile() != null) {
                keyManagers = clientKeys(options);
            }
            TrustManager[] trustManagers = null;
            if (options.insecureSkipTlsVerify()) {
                trustManagers = new TrustManager[] {new TrustEverything()};
            } else if (options.caFile() != null) {
                // Like Go's tls.Config.RootCAs: the CA file replaces the system roots
                KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
                roots.load(null, null);
                int i = 0;
                for (X509Certificate cert : PemFiles.certificates(options.caFile())) {
                    roots.setCertificateEntry("ca-" + i++, cert);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(roots);
                trustManagers = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new OciException("can't create TLS config for client: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] clientKeys(TransportOptions options) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = PemFiles.certificates(options.certFile());
        PrivateKey key = PemFiles.privateKey(options.keyFile());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf.getKeyManagers();
    }

    /**
     * {@code --insecure-skip-tls-verify}: accepts any chain and, being an extended trust manager
     * that checks nothing, also skips the JDK's host name identification.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}

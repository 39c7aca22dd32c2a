package dev.charter.cli.repo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A real HTTP server (Jetty) on 127.0.0.1 serving a directory, optionally behind Basic auth; logs requests. */
final class FileServer implements AutoCloseable {

    private final Server server;
    private final Path root;
    private final String credentials;
    final List<String> log = new CopyOnWriteArrayList<>();
    /** Milliseconds to wait before answering each request (timeouts). */
    volatile long delayMillis;

    private FileServer(Path root, String user, String password) throws Exception {
        this(root, user, password, null, null);
    }

    private FileServer(Path root, String user, String password, Path keystore, String storePassword) throws Exception {
        this.root = root;
        this.credentials = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = new Server();
        ServerConnector connector;
        if (keystore != null) {
            org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            ssl.setKeyStorePath(keystore.toString());
            ssl.setKeyStorePassword(storePassword);
            ssl.setKeyStoreType("PKCS12");
            connector = new ServerConnector(server, ssl);
        } else {
            connector = new ServerConnector(server);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                log.add(request.getMethod() + " " + path + (auth == null ? "" : " (auth)"));
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                if (credentials != null && !credentials.equals(auth)) {
                    response.setStatus(401);
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"charts\"");
                    response.write(true, ByteBuffer.wrap("unauthorized\n".getBytes(StandardCharsets.UTF_8)), callback);
                    return true;
                }
                Path file = root.resolve(path.substring(1)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    response.setStatus(404);
                    response.write(true, ByteBuffer.wrap("404 page not found\n".getBytes(StandardCharsets.UTF_8)), callback);
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, path.endsWith(".yaml") ? "text/yaml" : "application/octet-stream");
                response.write(true, ByteBuffer.wrap(Files.readAllBytes(file)), callback);
                return true;
            }
        });
        server.start();
    }

    static FileServer start(Path root) throws Exception {
        return new FileServer(root.toAbsolutePath().normalize(), null, null);
    }

    static FileServer startWithBasicAuth(Path root, String user, String password) throws Exception {
        return new FileServer(root.toAbsolutePath().normalize(), user, password);
    }

    /** HTTPS with the key pair in a PKCS#12 keystore. */
    static FileServer startTls(Path root, Path keystore, String storePassword) throws Exception {
        return new FileServer(root.toAbsolutePath().normalize(), null, null, keystore, storePassword);
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private boolean tls() {
        return server.getConnectors()[0].getProtocols().contains("ssl");
    }

    String url() {
        return (tls() ? "https" : "http") + "://127.0.0.1:" + port();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

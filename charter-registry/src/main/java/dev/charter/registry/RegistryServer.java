package dev.charter.registry;

import dev.charter.registry.api.Dispatcher;
import dev.charter.registry.api.Policies;
import dev.charter.registry.api.RegistryHandler;
import dev.charter.registry.api.Storage;
import dev.charter.registry.auth.AccessPolicy;
import dev.charter.registry.auth.Authenticator;
import dev.charter.registry.auth.BasicAuthenticator;
import dev.charter.registry.auth.CredentialCache;
import dev.charter.registry.auth.HtpasswdFile;
import dev.charter.registry.auth.RefreshTokens;
import dev.charter.registry.auth.TokenAuthenticator;
import dev.charter.registry.auth.TokenService;
import dev.charter.registry.storage.FilesystemDriver;
import dev.charter.registry.tls.PemKeyStore;
import dev.charter.registry.tls.PlainHttpRejector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running Charter registry. Start one with {@link #builder()}:
 * <pre>{@code
 * try (RegistryServer registry = RegistryServer.builder().root(dir).port(0).start()) {
 *     String ref = registry.host() + "/charts/app:1.0.0";
 * }
 * }</pre>
 * Requests that may block run on virtual threads, manifest reads of an open registry on Jetty's
 * I/O threads (see {@link Dispatcher}); {@link #close()} stops accepting, lets in-flight requests
 * finish (up to the shutdown timeout) and releases the port.
 */
public final class RegistryServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final Path root;
    private final boolean tls;

    private RegistryServer(Server server, ServerConnector connector, Path root, boolean tls) {
        this.server = server;
        this.connector = connector;
        this.root = root;
        this.tls = tls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code host:port} as it belongs in image and chart references. */
    public String host() {
        String host = connector.getHost();
        if (host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public URI baseUri() {
        return URI.create((tls ? "https://" : "http://") + host());
    }

    /** The storage root directory (the {@code rootdirectory} of Distribution's filesystem driver). */
    public Path root() {
        return root;
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Blocks until the server stops; interrupting the waiting thread stops the server. */
    public void join() throws InterruptedException {
        try {
            server.join();
        } catch (InterruptedException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("registry did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** How clients authenticate. */
    public enum AuthMode {
        /** No authentication at all. */
        NONE,
        /** htpasswd Basic authentication on every request. */
        HTPASSWD,
        /** Bearer tokens from the built-in {@code /token} endpoint, which checks htpasswd. */
        TOKEN
    }

    /**
     * Bytes Jetty reads from a connection at a time. Upload bodies reach the blob store in
     * chunks of up to this size, so a 100 MiB push takes 400 socket reads and file writes instead
     * of the 12,800 of Jetty's 8 KiB default (about a third less CPU per upload, measured). The
     * buffer goes back to the pool once a request's headers are parsed, so idle and
     * GET-only connections hold none.
     */
    private static final int INPUT_BUFFER = 256 * 1024;

    /** Configuration of a registry to start; every setting has a safe default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 5000;
        private Path root;
        private Path htpasswd;
        private final List<String[]> users = new ArrayList<>();
        private String realm = "Charter Registry";
        private AuthMode authMode;
        private boolean anonymousPull;
        private List<AccessPolicy.Rule> accessRules = List.of();
        private String tokenService = "charter-registry";
        private String tokenRealm;
        private Duration tokenTtl = Duration.ofMinutes(5);
        private Duration refreshTokenTtl = Duration.ofDays(30);
        private byte[] secret;
        private boolean deleteEnabled;
        private boolean readOnly;
        private int maxManifestBytes = Policies.DEFAULT_MAX_MANIFEST_BYTES;
        private Path tlsCertificate;
        private Path tlsKey;
        private Consumer<String> accessLog;
        private Consumer<String> errorLog = System.err::println;
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Storage root; a fresh temporary directory when not set. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** Interface to bind; {@code 127.0.0.1} by default, {@code 0.0.0.0} for all. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Port to bind; 0 picks a free one (see {@link RegistryServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code host:port}, {@code :port} (all interfaces) as in Distribution's {@code http.addr}. */
        public Builder addr(String addr) {
            int colon = addr.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("address must be host:port, got " + addr);
            }
            String h = addr.substring(0, colon);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            this.host = h.isEmpty() ? "0.0.0.0" : h;
            try {
                this.port = Integer.parseInt(addr.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port in address " + addr);
            }
            return this;
        }

        /** Enables Basic authentication against this htpasswd file (bcrypt entries). */
        public Builder htpasswd(Path file) {
            this.htpasswd = file;
            return this;
        }

        /** Adds a user (hashed with bcrypt into a private htpasswd file); enables authentication. */
        public Builder user(String name, String password) {
            users.add(new String[] {name, password});
            return this;
        }

        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /** Basic (the default once users exist) or the built-in token server. */
        public Builder authMode(AuthMode mode) {
            this.authMode = mode;
            return this;
        }

        /** With authentication on, lets clients without credentials pull (never push or delete). */
        public Builder anonymousPull(boolean allowed) {
            this.anonymousPull = allowed;
            return this;
        }

        /** Per-user rules; without any, every authenticated user may do everything. */
        public Builder accessRules(List<AccessPolicy.Rule> rules) {
            this.accessRules = List.copyOf(rules);
            return this;
        }

        public Builder tokenService(String service) {
            this.tokenService = service;
            return this;
        }

        /** The realm URL in Bearer challenges, when clients reach us through a proxy; derived from {@code Host} otherwise. */
        public Builder tokenRealm(String realmUrl) {
            this.tokenRealm = realmUrl;
            return this;
        }

        public Builder tokenTtl(Duration ttl) {
            this.tokenTtl = ttl;
            return this;
        }

        /** How long refresh tokens ({@code access_type=offline}) stay valid; 30 days by default. */
        public Builder refreshTokenTtl(Duration ttl) {
            this.refreshTokenTtl = ttl;
            return this;
        }

        /** Distribution's {@code http.secret}: signs tokens, so they stay valid across restarts. */
        public Builder secret(String secret) {
            this.secret = secret == null ? null : sha256(secret.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Builder deleteEnabled(boolean enabled) {
            this.deleteEnabled = enabled;
            return this;
        }

        /** Distribution's {@code storage.maintenance.readonly}: refuse every write. */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder maxManifestBytes(int bytes) {
            this.maxManifestBytes = bytes;
            return this;
        }

        /** Serve HTTPS with this PEM certificate chain and key. */
        public Builder tls(Path certificate, Path key) {
            this.tlsCertificate = certificate;
            this.tlsKey = key;
            return this;
        }

        /** One line per request; off by default. */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = sink;
            return this;
        }

        /** Unexpected failures (stack traces); stderr by default. */
        public Builder errorLog(Consumer<String> sink) {
            this.errorLog = sink;
            return this;
        }

        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        public RegistryServer start() {
            try {
                Path storageRoot = root != null ? root : Files.createTempDirectory("charter-registry-");
                Files.createDirectories(storageRoot);
                Storage storage = Storage.over(new FilesystemDriver(storageRoot));
                Policies policies = new Policies(deleteEnabled, readOnly, maxManifestBytes);
                HtpasswdFile passwords = htpasswdFile(storageRoot);
                AccessPolicy policy = AccessPolicy.of(accessRules, anonymousPull);
                AuthMode mode = authMode != null ? authMode : passwords != null ? AuthMode.HTPASSWD : AuthMode.NONE;
                if (mode != AuthMode.NONE && passwords == null) {
                    throw new IllegalArgumentException(mode + " authentication needs an htpasswd file or users");
                }
                Authenticator authenticator;
                dev.charter.registry.api.TokenEndpoint tokenEndpoint = null;
                switch (mode) {
                    case NONE -> authenticator = new Authenticator.Open();
                    case HTPASSWD -> authenticator = new BasicAuthenticator(passwords, realm, policy);
                    case TOKEN -> {
                        byte[] key = secret != null ? secret : randomKey();
                        TokenService tokens = new TokenService(key, tokenService, tokenTtl, Clock.systemUTC());
                        authenticator = new TokenAuthenticator(tokens, tokenRealm);
                        RefreshTokens refreshTokens = new RefreshTokens(key, tokenService, refreshTokenTtl, Clock.systemUTC());
                        tokenEndpoint = dev.charter.registry.api.TokenEndpoint.create(tokens, refreshTokens, passwords, policy, realm);
                    }
                    default -> throw new IllegalStateException(mode.toString());
                }
                RegistryHandler handler = new RegistryHandler(storage, policies, authenticator, tokenEndpoint, accessLog, errorLog);
                return launch(handler, storageRoot, mode == AuthMode.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start registry: " + e.getMessage(), e);
            }
        }

        private RegistryServer launch(RegistryHandler handler, Path storageRoot, boolean openAccess) {
            // Jetty's own work (selecting, parsing, asynchronous writes) on a few platform threads;
            // requests that may block get a virtual thread each from the Dispatcher
            QueuedThreadPool threads = new QueuedThreadPool(32, 2);
            threads.setName("charter-registry");
            // pools buffers up to the size of the request buffer and the blob transfer buffer
            Server server = new Server(threads, null, new ArrayByteBufferPool(0, -1, INPUT_BUFFER));
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendDateHeader(true);
            http.setInputBufferSize(INPUT_BUFFER);
            ServerConnector connector;
            boolean secure = tlsCertificate != null;
            if (secure) {
                http.addCustomizer(new SecureRequestCustomizer(false));
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(PemKeyStore.load(tlsCertificate, tlsKey));
                ssl.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
                // TLS is detected from the first bytes; anything else reaches PlainHttpRejector as plain HTTP
                connector = new ServerConnector(server, new DetectorConnectionFactory(new SslConnectionFactory(ssl, "http/1.1")),
                        new HttpConnectionFactory(http));
            } else {
                connector = new ServerConnector(server, new HttpConnectionFactory(http));
            }
            connector.setHost(host);
            connector.setPort(port);
            connector.setAcceptedTcpNoDelay(true);
            connector.setIdleTimeout(Duration.ofMinutes(5).toMillis());
            server.addConnector(connector);
            Dispatcher dispatcher = new Dispatcher(handler, openAccess,
                    VirtualThreads.getNamedVirtualThreadsExecutor("charter-registry"));
            server.setHandler(secure ? new PlainHttpRejector(dispatcher) : dispatcher);
            server.setStopTimeout(shutdownTimeout.toMillis());
            server.setStopAtShutdown(false);
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // already failing; report the start error
                }
                throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            return new RegistryServer(server, connector, storageRoot, secure);
        }

        private HtpasswdFile htpasswdFile(Path storageRoot) throws IOException {
            if (htpasswd == null && users.isEmpty()) {
                return null;
            }
            Path file = htpasswd;
            if (!users.isEmpty()) {
                // library users: a private htpasswd next to (not inside) the storage tree
                file = Files.createTempFile("charter-registry-htpasswd-", "");
                file.toFile().deleteOnExit();
                StringBuilder lines = new StringBuilder();
                if (htpasswd != null) {
                    lines.append(Files.readString(htpasswd)).append('\n');
                }
                for (String[] user : users) {
                    lines.append(HtpasswdFile.entry(user[0], user[1].toCharArray())).append('\n');
                }
                Files.writeString(file, lines);
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("htpasswd file " + file + " is not readable");
            }
            return new HtpasswdFile(file, new CredentialCache());
        }

        private static byte[] randomKey() {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }

        private static byte[] sha256(byte[] input) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(input);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

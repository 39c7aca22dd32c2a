package dev.charter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code docker-registry} (CNCF Distribution 2.8) started on a free 127.0.0.1 port with
 * temporary storage, optionally behind htpasswd Basic auth or any extra configuration. Start one
 * per test class and {@link #close()} it afterwards.
 */
public final class DistributionRegistry implements AutoCloseable {

    private static final String BINARY = "docker-registry";

    private final Process process;
    private final int port;
    private final Path root;
    private final Path log;
    private final boolean tls;

    private DistributionRegistry(Process process, int port, Path root, Path log, boolean tls) {
        this.process = process;
        this.port = port;
        this.root = root;
        this.log = log;
        this.tls = tls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An open registry: no auth, deletes enabled. */
    public static DistributionRegistry startOpen() {
        return builder().start();
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public URI baseUri() {
        return URI.create((tls ? "https://" : "http://") + host());
    }

    /** The directory holding storage, config and the log. */
    public Path root() {
        return root;
    }

    public Path storageDir() {
        return root.resolve("storage");
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            HelmOracle.deleteTree(root);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // leftovers in a temp directory are harmless
        }
    }

    /** Configuration of a registry to start. */
    public static final class Builder {
        private final List<String[]> users = new ArrayList<>();
        private String extraConfig = "";
        private Path htpasswdFile;
        private boolean deleteEnabled = true;
        private String[] tlsPem;

        /** Enables htpasswd Basic auth with this user (call again for more users). */
        public Builder htpasswd(String user, String password) {
            users.add(new String[] {user, password});
            return this;
        }

        /** Enables Basic auth with an existing htpasswd file (e.g. one written by Charter). */
        public Builder htpasswdFile(Path file) {
            this.htpasswdFile = file;
            return this;
        }

        public Builder deleteEnabled(boolean enabled) {
            this.deleteEnabled = enabled;
            return this;
        }

        /**
         * Serves HTTPS with this PEM certificate chain and key; a non-null {@code clientCaPem}
         * makes Distribution require and verify client certificates (mutual TLS).
         */
        public Builder tls(String certPem, String keyPem, String clientCaPem) {
            this.tlsPem = new String[] {certPem, keyPem, clientCaPem};
            return this;
        }

        /** Raw YAML appended at top level of the config (e.g. an {@code auth: token:} section). */
        public Builder extraConfig(String yaml) {
            this.extraConfig = yaml;
            return this;
        }

        public DistributionRegistry start() {
            if (Processes.which(BINARY) == null) {
                Peers.unavailable(BINARY + " (Debian package docker-registry)");
            }
            try {
                Path root = Files.createTempDirectory("distribution-");
                Files.createDirectories(root.resolve("storage"));
                int port = freePort();
                StringBuilder config = new StringBuilder();
                config.append("version: 0.1\n")
                        .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
                        .append("storage:\n  filesystem:\n    rootdirectory: ").append(root.resolve("storage")).append('\n')
                        .append("  delete:\n    enabled: ").append(deleteEnabled).append('\n')
                        .append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
                        .append("  secret: charter-test-secret\n");
                if (tlsPem != null) {
                    Path cert = Files.writeString(root.resolve("tls-cert.pem"), tlsPem[0]);
                    Path key = Files.writeString(root.resolve("tls-key.pem"), tlsPem[1]);
                    config.append("  tls:\n    certificate: ").append(cert).append("\n    key: ").append(key).append('\n');
                    if (tlsPem[2] != null) {
                        Path clientCa = Files.writeString(root.resolve("tls-client-ca.pem"), tlsPem[2]);
                        config.append("    clientcas:\n      - ").append(clientCa).append('\n');
                    }
                }
                if (!users.isEmpty()) {
                    Path htpasswd = root.resolve("htpasswd");
                    StringBuilder lines = new StringBuilder();
                    for (String[] user : users) {
                        ProcessResult hashed = Processes.run(root, Map.of(), null,
                                List.of("htpasswd", "-Bbn", user[0], user[1]));
                        if (hashed.exitCode() != 0) {
                            Peers.unavailable("htpasswd (Debian package apache2-utils)");
                        }
                        lines.append(hashed.out().strip()).append('\n');
                    }
                    Files.writeString(htpasswd, lines);
                    config.append("auth:\n  htpasswd:\n    realm: charter-test\n    path: ").append(htpasswd).append('\n');
                }
                if (htpasswdFile != null) {
                    config.append("auth:\n  htpasswd:\n    realm: charter-test\n    path: ").append(htpasswdFile).append('\n');
                }
                config.append(extraConfig);
                Path configFile = root.resolve("config.yml");
                Files.writeString(configFile, config, StandardCharsets.UTF_8);
                Path log = root.resolve("registry.log");
                Process process = new ProcessBuilder(BINARY, "serve", configFile.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                DistributionRegistry registry = new DistributionRegistry(process, port, root, log, tlsPem != null);
                registry.awaitReady();
                return registry;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void awaitReady() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500));
        if (tls) {
            builder.sslContext(trustAll());
        }
        HttpClient client = builder.build();
        HttpRequest ping = HttpRequest.newBuilder(baseUri().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited early:\n" + logText());
            }
            try {
                client.send(ping, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (javax.net.ssl.SSLException e) {
                // a TLS alert (e.g. "certificate required" under mutual TLS): the server is up
                return;
            } catch (IOException e) {
                // not listening yet: wait on the process for a moment, then poll again
                try {
                    process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("docker-registry did not become ready on " + host() + ":\n" + logText());
    }

    /** Only for the readiness probe: the test's own certificates are what the tools under test check. */
    private static javax.net.ssl.SSLContext trustAll() {
        javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

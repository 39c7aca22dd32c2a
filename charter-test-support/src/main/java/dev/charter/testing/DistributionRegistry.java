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

    private DistributionRegistry(Process process, int port, Path root, Path log) {
        this.process = process;
        this.port = port;
        this.root = root;
        this.log = log;
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
        return URI.create("http://" + host());
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
                DistributionRegistry registry = new DistributionRegistry(process, port, root, log);
                registry.awaitReady();
                return registry;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest ping = HttpRequest.newBuilder(baseUri().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited early:\n" + logText());
            }
            try {
                client.send(ping, HttpResponse.BodyHandlers.discarding());
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

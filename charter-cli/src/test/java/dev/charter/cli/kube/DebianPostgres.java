package dev.charter.cli.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL from Debian's postgresql package ({@code /usr/lib/postgresql/N/bin}): initdb in
 * a temp directory, scram password auth, listening on 127.0.0.1 on a free port. PostgreSQL refuses
 * to run as root, so as root the cluster belongs to the {@code postgres} user and its programs run
 * through {@code runuser}. Fails (never skips) when PostgreSQL is missing: bin/install-test-peers installs it.
 */
final class DebianPostgres implements AutoCloseable {
    static final String USER = "charter";
    static final String PASSWORD = "s3cret pw";

    private final Path bin;
    private final Path dir;
    private final boolean root;
    final int port;

    private DebianPostgres(Path bin, Path dir, boolean root, int port) {
        this.bin = bin;
        this.dir = dir;
        this.root = root;
        this.port = port;
    }

    static Path binDir() {
        Path base = Path.of("/usr/lib/postgresql");
        try (Stream<Path> s = Files.isDirectory(base) ? Files.list(base) : Stream.empty()) {
            return s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException(
                            "no /usr/lib/postgresql/*/bin/initdb: run bin/install-test-peers (Debian package postgresql)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DebianPostgres start() throws Exception {
        Path bin = binDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("charter-pg-");
        Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
            Files.setOwner(dir.resolve("pwfile"), users.lookupPrincipalByName("postgres"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DebianPostgres pg = new DebianPostgres(bin, dir, root, port);
        pg.exec(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--pwfile=" + dir.resolve("pwfile"), "--auth=scram-sha-256", "-E", "UTF8", "--no-locale");
        pg.exec(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-h 127.0.0.1 -p " + port + " -k " + dir + " -F", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
        return pg;
    }

    private String exec(String... cmd) throws Exception {
        List<String> full = new ArrayList<>();
        if (root) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(cmd));
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
            throw new IllegalStateException(String.join(" ", full) + " failed: " + out + log);
        }
        return out;
    }

    /** Runs SQL with psql as the superuser; returns its unaligned output. */
    String psql(String db, String sql) throws Exception {
        return exec(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "postgresql://" + USER + ":" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + port + "/" + db, "-c", sql);
    }

    /** pg_dump's schema, without the random {@code \\restrict} keys of recent dumps. */
    String schema(String db) throws Exception {
        return exec(bin.resolve("pg_dump").toString(), "--schema-only", "--no-owner",
                "postgresql://" + USER + ":" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + port + "/" + db)
                .replaceAll("(?m)^\\\\(un)?restrict .*$", "");
    }

    void createDatabase(String name) throws Exception {
        psql("postgres", "CREATE DATABASE " + name);
    }

    /** lib/pq URL form. */
    String url(String db) {
        return "postgres://" + USER + ":" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + port + "/" + db + "?sslmode=disable";
    }

    /** lib/pq key=value form. */
    String keyValue(String db) {
        return "host=127.0.0.1 port=" + port + " user=" + USER + " password='" + PASSWORD + "' dbname=" + db + " sslmode=disable";
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(dir)) return;
        try {
            exec(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (Exception ignored) {
            // already stopped
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}

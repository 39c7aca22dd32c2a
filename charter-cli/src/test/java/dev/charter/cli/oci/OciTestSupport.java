package dev.charter.cli.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.Charter;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Runs Charter in-process with an isolated Helm home, and builds charts with the real Helm. */
final class OciTestSupport {

    static final FileTime MTIME = FileTime.from(Instant.parse("2024-05-06T07:08:09Z"));

    private OciTestSupport() {
    }

    /** A Charter invocation with its own HOME / HELM_* homes and TZ=UTC. */
    static final class CharterRunner {
        final Path home;
        final Map<String, String> env = new HashMap<>();

        CharterRunner() throws IOException {
            home = Files.createTempDirectory("charter-oci-home-");
            env.put("HOME", home.toString());
            env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
            env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
            env.put("HELM_DATA_HOME", home.resolve("data").toString());
            env.put("TZ", "UTC");
            env.put("PATH", System.getenv("PATH"));
        }

        ProcessResult run(Path dir, String... args) {
            return run(dir, Map.of(), null, args);
        }

        ProcessResult run(Path dir, Map<String, String> extraEnv, byte[] stdin, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Map<String, String> merged = new HashMap<>(env);
            merged.putAll(extraEnv);
            int code = Charter.execute(args, merged, dir, new ByteArrayInputStream(stdin == null ? new byte[0] : stdin),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new ProcessResult(code, out.toByteArray(), err.toByteArray());
        }

        Path registryConfig() {
            return home.resolve("config/registry/config.json");
        }
    }

    /** {@code helm create} + {@code helm package --version}, with fixed mtimes for reproducible digests. */
    static Path packageChart(HelmOracle helm, Path dir, String name, String version) throws IOException {
        Path src = dir.resolve("src-" + name + "-" + version);
        Files.createDirectories(src);
        ok(helm.run(src, "create", name));
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Files.setLastModifiedTime(p, MTIME);
            }
        }
        ok(helm.run(src, "package", name, "--version", version, "-d", dir.toString()));
        Path tgz = dir.resolve(name + "-" + version + ".tgz");
        Files.setLastModifiedTime(tgz, MTIME);
        return tgz;
    }

    static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }
}

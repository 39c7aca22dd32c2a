package dev.charter.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/** Helm's {@code repo.ChartRepository}: one configured repository and its cache files. */
public final class ChartRepository {

    private final RepoEntry entry;
    private final Path cachePath;
    private final java.time.Duration timeout;

    public ChartRepository(RepoEntry entry, Path cachePath) {
        this(entry, cachePath, java.time.Duration.ofMinutes(2));
    }

    /** @param timeout bound on the index download (Helm's {@code --timeout}, default 2m0s) */
    public ChartRepository(RepoEntry entry, Path cachePath, java.time.Duration timeout) {
        this.entry = entry;
        this.cachePath = cachePath;
        this.timeout = timeout;
    }

    public RepoEntry entry() {
        return entry;
    }

    public static Path indexFile(Path cache, String name) {
        return cache.resolve(name + "-index.yaml");
    }

    public static Path chartsFile(Path cache, String name) {
        return cache.resolve(name + "-charts.txt");
    }

    /**
     * Helm's {@code DownloadIndexFile}: fetch {@code <url>/index.yaml}, validate it, write
     * {@code <name>-charts.txt} (chart names, one a line) and the raw index as
     * {@code <name>-index.yaml} into the cache. Returns the cached index path.
     */
    public Path downloadIndexFile(Consumer<String> warnings) {
        String indexUrl = HttpGetter.resolveReferenceUrl(entry.url(), "index.yaml");
        byte[] data = HttpGetter.get(indexUrl, HttpGetter.Options.forEntry(entry), timeout);
        IndexFile index = IndexFile.load(data, entry.url(), warnings);
        StringBuilder charts = new StringBuilder();
        index.entries().keySet().forEach(name -> charts.append(name).append('\n'));
        Path chartsFile = chartsFile(cachePath, entry.name());
        Path indexFile = indexFile(cachePath, entry.name());
        atomicWrite(chartsFile, charts.toString().getBytes(StandardCharsets.UTF_8));
        atomicWrite(indexFile, data);
        return indexFile;
    }

    static void atomicWrite(Path target, byte[] data) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, target.getFileName().toString(), "");
            Files.write(temp, data);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
    }
}

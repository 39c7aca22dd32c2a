package dev.charter.repo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Helm's {@code downloader.ChartDownloader} for classic repositories: {@code repo/chart} through
 * repositories.yaml and the cached index, absolute chart URLs, and {@code --repo URL chart}
 * ({@code repo.FindChartInRepoURL}).
 */
public final class ChartDownloader {

    /** A chart URL and the getter options (credentials, TLS) to fetch it with. */
    public record Located(String url, HttpGetter.Options options) {
        /** The file name Helm saves to: the last path element of the URL. */
        public String fileName() {
            String path = java.net.URI.create(url).getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private final Path repositoryConfig;
    private final Path repositoryCache;
    private final Consumer<String> warnings;

    public ChartDownloader(Path repositoryConfig, Path repositoryCache, Consumer<String> warnings) {
        this.repositoryConfig = repositoryConfig;
        this.repositoryCache = repositoryCache;
        this.warnings = warnings;
    }

    /** Helm's {@code ResolveChartVersion} for non-OCI references. */
    public Located resolve(String ref, String version, HttpGetter.Options explicit) {
        java.net.URI u;
        try {
            u = java.net.URI.create(ref);
        } catch (IllegalArgumentException e) {
            throw new RepoException("invalid chart URL format: " + ref, e);
        }
        if (u.isAbsolute() && u.getHost() != null && u.getPath() != null && !u.getPath().isEmpty()) {
            RepoFile rf = RepoFile.read(repositoryConfig);
            for (RepoEntry e : rf.repositories()) {
                if (ref.startsWith(e.url())) {
                    return new Located(ref, HttpGetter.Options.forEntry(e));
                }
            }
            return new Located(ref, explicit);
        }
        String path = u.getPath() == null ? ref : u.getPath();
        int slash = path.indexOf('/');
        if (slash < 0) {
            throw new RepoException("non-absolute URLs should be in form of repo_name/path_to_chart, got: " + ref);
        }
        String repoName = path.substring(0, slash);
        String chartName = path.substring(slash + 1);
        RepoFile rf = RepoFile.read(repositoryConfig);
        RepoEntry entry = rf.get(repoName).orElseThrow(() -> new RepoException("repo " + repoName + " not found"));
        IndexFile index;
        try {
            index = IndexFile.loadFile(ChartRepository.indexFile(repositoryCache, entry.name()), warnings);
        } catch (RepoException e) {
            throw new RepoException("no cached repo found. (try 'helm repo update'): " + e.getMessage(), e);
        }
        ChartVersion cv;
        try {
            cv = index.get(chartName, version, warnings);
        } catch (RepoException e) {
            throw new RepoException("chart \"" + chartName + "\" matching " + (version == null ? "" : version) + " not found in "
                    + entry.name() + " index. (try 'helm repo update'): " + e.getMessage(), e);
        }
        if (cv.urls().isEmpty()) {
            throw new RepoException("chart \"" + ref + "\" has no downloadable URLs");
        }
        return new Located(HttpGetter.resolveReferenceUrl(entry.url(), cv.urls().get(0)), HttpGetter.Options.forEntry(entry));
    }

    /**
     * Helm's {@code FindChartInRepoURL}: downloads the index into the cache under a random name,
     * looks the chart up and removes the cache files again.
     */
    public Located findInRepoUrl(String repoUrl, String chartName, String version, HttpGetter.Options options) {
        byte[] random = new byte[20];
        ThreadLocalRandom.current().nextBytes(random);
        String name = Base64.getEncoder().encodeToString(random).replace('/', '-');
        RepoEntry entry = new RepoEntry(name, repoUrl, options.username(), options.password(), options.certFile(),
                options.keyFile(), options.caFile(), options.insecureSkipTlsVerify(), options.passCredentialsAll());
        ChartRepository repo = new ChartRepository(entry, repositoryCache);
        Path indexPath;
        try {
            indexPath = repo.downloadIndexFile(warnings);
        } catch (RepoException e) {
            throw new RepoException("looks like \"" + repoUrl + "\" is not a valid chart repository or cannot be reached: " + e.getMessage(), e);
        }
        try {
            IndexFile index = IndexFile.loadFile(indexPath, warnings);
            String what = "chart \"" + chartName + "\"" + (version == null || version.isEmpty() ? "" : " version \"" + version + "\"");
            ChartVersion cv;
            try {
                cv = index.get(chartName, version, warnings);
            } catch (RepoException e) {
                throw new RepoException(what + " not found in " + repoUrl + " repository", e);
            }
            if (cv.urls().isEmpty()) {
                throw new RepoException(what + " has no downloadable URLs");
            }
            return new Located(HttpGetter.resolveReferenceUrl(repoUrl, cv.urls().get(0)), HttpGetter.Options.forEntry(entry));
        } finally {
            try {
                Files.deleteIfExists(ChartRepository.chartsFile(repositoryCache, name));
                Files.deleteIfExists(indexPath);
            } catch (IOException ignored) {
                // best effort, as Helm's os.RemoveAll
            }
        }
    }

    /** Downloads {@code located} to {@code dir/<file name>} (Helm's atomic write, mode 0644); returns the file. */
    public static Path downloadTo(Located located, Path dir) {
        Path target = dir.resolve(located.fileName());
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        Path temp = target.resolveSibling(target.getFileName() + suffix);
        try (OutputStream out = Files.newOutputStream(temp)) {
            HttpGetter.get(located.url(), located.options(), out);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort
            }
            throw e;
        }
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
        return target;
    }
}

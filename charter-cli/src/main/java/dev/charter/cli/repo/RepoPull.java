package dev.charter.cli.repo;

import dev.charter.cli.ChartPathOptions;
import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.repo.ChartDownloader;
import dev.charter.repo.HttpGetter;
import dev.charter.repo.RepoException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code charter pull repo/chart} and {@code charter pull --repo URL chart}: Helm's pull action for
 * classic repositories. Called by the OCI engineers' {@code PullCommand} for non-OCI references.
 */
public final class RepoPull {

    private RepoPull() {
    }

    public static void pull(CliContext ctx, ChartPathOptions opts, String ref, String destination, boolean untar,
                            String untarDir, boolean prov) {
        ChartDownloader downloader = new ChartDownloader(ctx.settings().repositoryConfig(), ctx.settings().repositoryCache(),
                ctx.err()::println);
        HttpGetter.Options explicit = new HttpGetter.Options(opts.repoUrl, opts.username, opts.password, opts.passCredentials,
                path(ctx, opts.caFile), path(ctx, opts.certFile), path(ctx, opts.keyFile), opts.insecureSkipTlsVerify);
        try {
            ChartDownloader.Located located = opts.repoUrl.isEmpty()
                    ? downloader.resolve(ref, opts.version, explicit)
                    : downloader.findInRepoUrl(opts.repoUrl, ref, opts.version, explicit);
            Path dest = untar ? Files.createTempDirectory("helm-") : ctx.resolve(destination);
            Path saved = ChartDownloader.downloadTo(located, dest);
            if (opts.verify) {
                ctx.out().print(verify(ctx, opts, located, saved, dest).report());
            } else if (prov) {
                try {
                    ChartDownloader.downloadTo(new ChartDownloader.Located(located.url() + ".prov", located.options()), dest);
                } catch (RepoException e) {
                    ctx.out().println("WARNING: Verification not found for " + ref + ": " + e.getMessage());
                }
            }
            if (untar) {
                String ud = untarDir;
                if (!Path.of(ud).isAbsolute()) {
                    ud = join(destination, ud);
                }
                String chartName = ref.substring(ref.lastIndexOf('/') + 1);
                String udCheck = ud.equals(".") ? chartName : join(ud, chartName);
                Path check = ctx.resolve(udCheck);
                if (Files.exists(check)) {
                    throw new CliException("failed to untar: a file or directory with the name " + udCheck + " already exists");
                }
                Files.createDirectories(check);
                expand(ctx.resolve(ud), saved);
            }
        } catch (RepoException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * Helm's {@code VerifyChart} after a repository download: fetches {@code <url>.prov} next to
     * the archive and checks it against the keyring. The archive stays on disk when this fails, as
     * with Helm.
     */
    static dev.charter.provenance.Verification verify(CliContext ctx, ChartPathOptions opts, ChartDownloader.Located located,
                                                      Path chart, Path dir) {
        try {
            ChartDownloader.downloadTo(new ChartDownloader.Located(located.url() + ".prov", located.options()), dir);
        } catch (RepoException e) {
            throw new CliException("failed to fetch provenance \"" + located.url() + ".prov\"", e);
        }
        return dev.charter.cli.provenance.ProvenanceCli.verify(ctx, chart.toString(), chart + ".prov", opts.keyring);
    }

    private static String path(CliContext ctx, String value) {
        return value == null || value.isEmpty() ? "" : ctx.resolve(value).toString();
    }

    private static String join(String dir, String name) {
        String joined = Path.of(dir).resolve(name).normalize().toString();
        return joined.isEmpty() ? "." : joined;
    }

    /** Helm's {@code chartutil.ExpandFile}: entries written below {@code dir}, no escaping it. */
    static void expand(Path dir, Path archive) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.isFile()) {
                    continue;
                }
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new CliException("chart illegally references parent directory");
                }
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

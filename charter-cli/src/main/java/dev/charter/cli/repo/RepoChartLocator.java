package dev.charter.cli.repo;

import dev.charter.cli.ChartPathOptions;
import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.repo.ChartDownloader;
import dev.charter.repo.HttpGetter;
import dev.charter.repo.RepoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classic-repository half of Helm's {@code LocateChart} ({@code repo/chart}, chart URLs and
 * {@code --repo URL chart}) for {@link ChartPathOptions#locate}: downloads the archive into a
 * temporary directory and returns it.
 */
public final class RepoChartLocator {

    private RepoChartLocator() {
    }

    public static Path locate(CliContext ctx, ChartPathOptions opts, String ref) {
        ChartDownloader downloader = new ChartDownloader(ctx.settings().repositoryConfig(), ctx.settings().repositoryCache(),
                ctx.err()::println);
        HttpGetter.Options explicit = new HttpGetter.Options(opts.repoUrl, opts.username, opts.password, opts.passCredentials,
                resolved(ctx, opts.caFile), resolved(ctx, opts.certFile), resolved(ctx, opts.keyFile), opts.insecureSkipTlsVerify);
        try {
            ChartDownloader.Located located = opts.repoUrl.isEmpty()
                    ? downloader.resolve(ref, opts.version, explicit)
                    : downloader.findInRepoUrl(opts.repoUrl, ref, opts.version, explicit);
            Path dir = Files.createTempDirectory("charter-chart-");
            Path chart = ChartDownloader.downloadTo(located, dir);
            if (opts.verify) {
                RepoPull.verify(ctx, opts, located, chart, dir);
            }
            return chart;
        } catch (RepoException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static String resolved(CliContext ctx, String value) {
        return value == null || value.isEmpty() ? "" : ctx.resolve(value).toString();
    }
}

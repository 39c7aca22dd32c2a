package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.repo.ChartRepository;
import dev.charter.repo.RepoEntry;
import dev.charter.repo.RepoFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter repo update [REPO...]}: Helm's repo_update.go, repositories fetched in parallel. */
@Command(name = "update", aliases = "up", description = "update information of available charts locally from chart repositories",
        customSynopsis = "charter repo update [REPO1 [REPO2 ...]] [flags]")
public final class RepoUpdateCommand extends BaseCommand {

    @Option(names = "--timeout", paramLabel = "duration", description = "time to wait for the index file download to complete (default 2m0s)")
    String timeout;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() throws Exception {
        java.time.Duration limit = RepoSupport.timeout(timeout); // flag errors first, as pflag reports them
        Path repoFile = ctx().settings().repositoryConfig();
        if (!Files.exists(repoFile)) {
            throw new CliException("no repositories found. You must add one before updating");
        }
        RepoFile f;
        try {
            f = RepoFile.read(repoFile);
        } catch (RuntimeException e) {
            throw new CliException("failed loading file: " + repoFile + ": " + e.getMessage(), e);
        }
        if (f.repositories().isEmpty()) {
            throw new CliException("no repositories found. You must add one before updating");
        }
        if (!args.isEmpty()) {
            for (String requested : args) {
                if (f.repositories().stream().noneMatch(r -> r.name().equals(requested))) {
                    throw new CliException("no repositories found matching '" + requested + "'.  Nothing will be updated");
                }
            }
        }
        List<RepoEntry> repos = new ArrayList<>();
        for (RepoEntry e : f.repositories()) {
            if (args.isEmpty() || args.contains(e.name())) {
                repos.add(e);
            }
        }
        ctx().out().println("Hang tight while we grab the latest from your chart repositories...");
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        Path cache = ctx().settings().repositoryCache();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, repos.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RepoEntry re : repos) {
                futures.add(pool.submit(() -> {
                    try {
                        new ChartRepository(re, cache, limit).downloadIndexFile(w -> {
                            synchronized (this) {
                                ctx().err().println(w);
                            }
                        });
                        synchronized (this) {
                            ctx().out().println("...Successfully got an update from the \"" + re.name() + "\" chart repository");
                        }
                    } catch (RuntimeException e) {
                        synchronized (this) {
                            ctx().out().println("...Unable to get an update from the \"" + re.name() + "\" chart repository ("
                                    + re.url() + "):\n\t" + e.getMessage());
                        }
                        failed.add(re.url());
                    }
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } finally {
            pool.shutdown();
        }
        if (!failed.isEmpty()) {
            throw new CliException("failed to update the following repositories: [" + String.join(" ", failed) + "]");
        }
        ctx().out().println("Update Complete. ⎈Happy Helming!⎈");
        return 0;
    }
}

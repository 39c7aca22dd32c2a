package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.repo.ChartRepository;
import dev.charter.repo.RepoFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code charter repo remove NAME...}: Helm's repo_remove.go. */
@Command(name = "remove", aliases = "rm", description = "remove one or more chart repositories",
        customSynopsis = "charter repo remove [REPO1 [REPO2 ...]] [flags]")
public final class RepoRemoveCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() throws IOException {
        requireMinimumArgs(args, 1);
        Path repoFile = ctx().settings().repositoryConfig();
        RepoFile r = RepoFile.read(repoFile);
        if (!Files.exists(repoFile) || r.repositories().isEmpty()) {
            throw new CliException("no repositories configured");
        }
        Path cache = ctx().settings().repositoryCache();
        for (String name : args) {
            if (!r.remove(name)) {
                throw new CliException("no repo named \"" + name + "\" found");
            }
            r.write(repoFile);
            Files.deleteIfExists(ChartRepository.chartsFile(cache, name));
            Files.deleteIfExists(ChartRepository.indexFile(cache, name));
            ctx().out().println("\"" + name + "\" has been removed from your repositories");
        }
        return 0;
    }
}

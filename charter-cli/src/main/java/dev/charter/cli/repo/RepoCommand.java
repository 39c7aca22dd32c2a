package dev.charter.cli.repo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code charter repo}: add, list, remove, update and index chart repositories. */
@Command(name = "repo", description = "add, list, remove, update, and index chart repositories",
        subcommands = {
            RepoAddCommand.class,
            RepoListCommand.class,
            RepoRemoveCommand.class,
            RepoUpdateCommand.class,
            RepoIndexCommand.class,
        })
public final class RepoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}

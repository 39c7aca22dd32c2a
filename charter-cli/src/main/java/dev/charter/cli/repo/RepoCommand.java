package dev.charter.cli.repo;

import dev.charter.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code charter repo}: add, list, remove, update and index chart repositories. */
@Command(name = "repo", description = "add, list, remove, update, and index chart repositories",
        subcommands = {
            RepoAddCommand.class,
            RepoListCommand.class,
            RepoRemoveCommand.class,
            RepoUpdateCommand.class,
            RepoIndexCommand.class,
        })
public final class RepoCommand extends GroupCommand {
}

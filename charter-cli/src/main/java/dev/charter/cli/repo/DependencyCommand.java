package dev.charter.cli.repo;

import dev.charter.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code charter dependency}: manage a chart's dependencies. */
@Command(name = "dependency", aliases = {"dep", "dependencies"}, description = "manage a chart's dependencies",
        subcommands = {DependencyListCommand.class, DependencyUpdateCommand.class, DependencyBuildCommand.class})
public final class DependencyCommand extends GroupCommand {
}

package dev.charter.cli.repo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code charter dependency}: manage a chart's dependencies. */
@Command(name = "dependency", aliases = {"dep", "dependencies"}, description = "manage a chart's dependencies",
        subcommands = {DependencyListCommand.class, DependencyUpdateCommand.class, DependencyBuildCommand.class})
public final class DependencyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}

package dev.charter.cli.repo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code charter search}: search for a keyword in charts (repositories). */
@Command(name = "search", description = "search for a keyword in charts", subcommands = SearchRepoCommand.class)
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}

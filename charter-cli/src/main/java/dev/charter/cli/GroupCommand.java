package dev.charter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of commands that only group subcommands ({@code registry}, {@code show}, {@code repo},
 * {@code dependency}): run on their own they print their help and succeed, as cobra does.
 */
public abstract class GroupCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}

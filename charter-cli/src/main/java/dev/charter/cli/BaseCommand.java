package dev.charter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Common base of Charter's commands: access to the {@link CliContext} and Helm's argument-count
 * checks with Helm's exact error texts. Subclasses implement {@link #run()}.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    private CliContext context;

    void attach(CliContext context) {
        this.context = context;
    }

    protected CliContext ctx() {
        return context;
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** Does the work; returns the exit code (0 on success). Throw {@link CliException} to fail. */
    protected abstract int run() throws Exception;

    /** The command path as users type it, e.g. {@code charter show chart}. */
    protected String commandPath() {
        return spec.qualifiedName(" ");
    }

    /** Helm's usage line: {@code Usage:  charter create NAME [flags]}. */
    private String usageLine() {
        String synopsis = spec.usageMessage().customSynopsis().length > 0
                ? spec.usageMessage().customSynopsis()[0].strip()
                : commandPath() + " [flags]";
        return "\n\nUsage:  " + synopsis;
    }

    /** Helm's {@code require.ExactArgs}. */
    protected void requireExactArgs(List<String> args, int n) {
        if (args.size() != n) {
            throw new CliException("\"" + commandPath() + "\" requires " + n + " argument" + (n == 1 ? "" : "s") + usageLine());
        }
    }

    /** Helm's {@code require.MinimumNArgs}. */
    protected void requireMinimumArgs(List<String> args, int n) {
        if (args.size() < n) {
            throw new CliException("\"" + commandPath() + "\" requires at least " + n + " argument" + (n == 1 ? "" : "s") + usageLine());
        }
    }

    /** Helm's {@code require.MaximumNArgs}. */
    protected void requireMaximumArgs(List<String> args, int n) {
        if (args.size() > n) {
            throw new CliException("\"" + commandPath() + "\" accepts at most " + n + " argument" + (n == 1 ? "" : "s") + usageLine());
        }
    }

    /** Helm's {@code require.NoArgs}. */
    protected void requireNoArgs(List<String> args) {
        if (!args.isEmpty()) {
            throw new CliException("\"" + commandPath() + "\" accepts no arguments" + usageLine());
        }
    }
}

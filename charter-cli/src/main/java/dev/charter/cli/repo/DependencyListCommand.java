package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.dependency.DependencyList;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter dependency list [CHART]}. */
@Command(name = "list", aliases = "ls", description = "list the dependencies for the given chart",
        customSynopsis = "charter dependency list CHART [flags]")
public final class DependencyListCommand extends BaseCommand {

    @Option(names = "--max-col-width", paramLabel = "uint", description = "maximum column width for output table (default 80)")
    int maxColWidth = 80;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        requireMaximumArgs(args, 1);
        String shown = args.isEmpty() ? "." : RepoSupport.clean(args.get(0));
        try {
            ctx().out().print(DependencyList.render(ctx().resolve(shown), shown, maxColWidth));
        } catch (RuntimeException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }
}

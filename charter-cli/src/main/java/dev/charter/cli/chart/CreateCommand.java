package dev.charter.cli.chart;

import dev.charter.chart.ChartException;
import dev.charter.chart.GoPath;
import dev.charter.chart.create.ChartScaffold;
import dev.charter.chart.create.StarterScaffold;
import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter create NAME}: a new chart from Charter's scaffold or a starter, as {@code helm create}. */
@Command(name = "create", description = "create a new chart with the given name", customSynopsis = "charter create NAME [flags]")
public final class CreateCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Option(names = {"-p", "--starter"}, paramLabel = "string", description = "the name or absolute path to Helm starter scaffold")
    String starter = "";

    @Override
    protected int run() {
        requireExactArgs(args, 1);
        String name = args.get(0);
        // Helm announces the chart before any check can fail.
        ctx().out().println("Creating " + name);
        String chartName = GoPath.base(name);
        Path dir = ctx().resolve(goDir(name));
        try {
            if (!starter.isEmpty()) {
                Path src = starter.startsWith("/") ? Path.of(starter)
                        : ctx().settings().dataHome().resolve("starters").resolve(starter);
                StarterScaffold.createFrom(chartName, dir, src);
            } else {
                ChartScaffold.create(chartName, dir, ctx().out()::println);
            }
        } catch (ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }

    /** Go's {@code filepath.Dir}. */
    private static String goDir(String p) {
        int i = p.lastIndexOf('/');
        String dir = i < 0 ? "" : p.substring(0, i + 1);
        return GoPath.clean(dir.isEmpty() ? "." : dir);
    }
}

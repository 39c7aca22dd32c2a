package dev.charter.cli.legacy;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.legacy.CachedChart;
import dev.charter.oci.legacy.LegacyReference;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code charter chart save PATH REF}: package a chart into the local cache under a name. */
@Command(name = "save", description = "save a chart directory", customSynopsis = "charter chart save [path] [ref] [flags]")
public final class ChartSaveCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        LegacySupport.note(ctx(), "save", "charter package " + (args.isEmpty() ? "DIR" : args.get(0))
                + " && charter push NAME-VERSION.tgz oci://REGISTRY/REPO");
        requireMinimumArgs(args, 2);
        try {
            // Helm loaded the chart before parsing the reference, so a broken chart is reported first
            Chart chart = ChartLoader.load(ctx().resolve(args.get(0)));
            LegacyReference ref = LegacyReference.parse(args.get(1));
            CachedChart saved = LegacySupport.cache(ctx()).save(chart, ref);
            LegacySupport.printSummary(ctx(), saved);
            ctx().out().println(ref.tag() + ": saved");
            return 0;
        } catch (ChartException | OciException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

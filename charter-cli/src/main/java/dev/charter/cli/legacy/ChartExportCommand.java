package dev.charter.cli.legacy;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.legacy.CachedChart;
import dev.charter.oci.legacy.ChartDirectory;
import dev.charter.oci.legacy.LegacyReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter chart export REF}: write a cached chart out as a directory. */
@Command(name = "export", description = "export a chart to directory", customSynopsis = "charter chart export [ref] [flags]")
public final class ChartExportCommand extends BaseCommand {

    @Option(names = {"-d", "--destination"}, paramLabel = "string", description = "location to write the chart. (default \".\")")
    String destination = ".";

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        LegacySupport.note(ctx(), "export", "charter pull "
                + (args.isEmpty() ? "oci://REGISTRY/REPO/NAME --version VERSION" : LegacySupport.modernRef(args.get(0))) + " --untar");
        requireMinimumArgs(args, 1);
        try {
            LegacyReference ref = LegacyReference.parse(args.get(0));
            CachedChart chart = LegacySupport.cache(ctx()).fetch(ref)
                    .orElseThrow(() -> new OciException("Chart not found: " + ref.fullName()));
            LegacySupport.printSummary(ctx(), chart);
            ChartDirectory.write(chart.chart(), ctx().resolve(destination));
            // Go's filepath.Join, as Helm printed it
            String shown = Path.of(destination).resolve(chart.chart().name()).normalize().toString();
            ctx().out().println("Exported chart to " + shown + "/");
            return 0;
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

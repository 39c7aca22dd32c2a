package dev.charter.cli.chart;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.ChartFile;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.cli.BaseCommand;
import dev.charter.cli.ChartPathOptions;
import dev.charter.cli.CliException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code show} subcommands; each only picks which sections Helm's {@code Show.Run} prints. */
abstract class ShowSubcommand extends BaseCommand {

    enum Section { ALL, CHART, VALUES, README, CRDS }

    @Mixin
    ChartPathOptions chartPath;

    @Option(names = "--devel", description = "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored")
    boolean devel;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    abstract Section section();

    @Override
    protected int run() throws Exception {
        requireExactArgs(args, 1);
        if (chartPath.version.isEmpty() && devel) {
            chartPath.version = ">0.0.0-0";
        }
        if (section() == Section.CHART) {
            // oci://: the config blob is the chart's metadata; no chart archive is downloaded
            var metadata = chartPath.ociMetadata(ctx(), args.get(0));
            if (metadata.isPresent()) {
                ctx().out().write((metadata.get().toYaml() + "\n").getBytes(StandardCharsets.UTF_8));
                ctx().out().flush();
                return 0;
            }
        }
        Path path = chartPath.locate(ctx(), args.get(0));
        Chart chart;
        try {
            chart = ChartLoader.load(path, path.toString());
        } catch (ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
        byte[] output = section() == Section.VALUES && !jsonpath().isEmpty()
                ? valuesAt(chart, jsonpath()) : render(chart, section());
        ctx().out().write(output);
        ctx().out().flush();
        return 0;
    }

    /** {@code show values --jsonpath}; empty for the other sections. */
    String jsonpath() {
        return "";
    }

    /**
     * Helm's {@code show values --jsonpath}: Kubernetes JSONPath over the chart's values; a template
     * that does not parse is an error, one that fails to evaluate prints nothing (Helm ignores that error).
     */
    static byte[] valuesAt(Chart chart, String template) {
        dev.charter.chart.jsonpath.JsonPath path;
        try {
            path = dev.charter.chart.jsonpath.JsonPath.parse(template);
        } catch (dev.charter.chart.jsonpath.JsonPathException e) {
            throw new CliException("error parsing jsonpath " + template + ": " + e.getMessage());
        }
        try {
            return path.execute(chart.values()).getBytes(StandardCharsets.UTF_8);
        } catch (dev.charter.chart.jsonpath.JsonPathException e) {
            return new byte[0];
        }
    }

    /** Helm's {@code Show.Run} output for one section. */
    static byte[] render(Chart chart, Section s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean all = s == Section.ALL;
        if (s == Section.CHART || all) {
            write(out, chart.metadata().toYaml());
            write(out, "\n");
        }
        if ((s == Section.VALUES || all) && chart.values() != null) {
            if (all) {
                write(out, "---\n");
            }
            for (ChartFile f : chart.raw()) {
                if (f.name().equals("values.yaml")) {
                    out.writeBytes(f.data());
                    write(out, "\n");
                }
            }
        }
        if (s == Section.README || all) {
            chart.readme().ifPresent(readme -> {
                if (all) {
                    write(out, "---\n");
                }
                out.writeBytes(readme.data());
                write(out, "\n");
            });
        }
        if (s == Section.CRDS || all) {
            for (ChartFile crd : chart.crds()) {
                if (!crd.text().startsWith("---")) {
                    write(out, "---\n");
                }
                out.writeBytes(crd.data());
                write(out, "\n");
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Command(name = "all", description = "show all information of the chart", customSynopsis = "charter show all [CHART] [flags]")
    static final class All extends ShowSubcommand {
        @Override
        Section section() {
            return Section.ALL;
        }
    }

    @Command(name = "chart", description = "show the chart's definition", customSynopsis = "charter show chart [CHART] [flags]")
    static final class ChartYaml extends ShowSubcommand {
        @Override
        Section section() {
            return Section.CHART;
        }
    }

    @Command(name = "values", description = "show the chart's values", customSynopsis = "charter show values [CHART] [flags]")
    static final class Values extends ShowSubcommand {
        @Option(names = "--jsonpath", paramLabel = "string", description = "supply a JSONPath expression to filter the output")
        String jsonpath = "";

        @Override
        Section section() {
            return Section.VALUES;
        }

        @Override
        String jsonpath() {
            return jsonpath;
        }
    }

    @Command(name = "readme", description = "show the chart's README", customSynopsis = "charter show readme [CHART] [flags]")
    static final class Readme extends ShowSubcommand {
        @Override
        Section section() {
            return Section.README;
        }
    }

    @Command(name = "crds", description = "show the chart's CRDs", customSynopsis = "charter show crds [CHART] [flags]")
    static final class Crds extends ShowSubcommand {
        @Override
        Section section() {
            return Section.CRDS;
        }
    }
}

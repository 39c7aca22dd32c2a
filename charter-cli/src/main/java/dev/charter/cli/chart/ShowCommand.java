package dev.charter.cli.chart;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code charter show}: the chart's Chart.yaml, values, README and CRDs, as {@code helm show}. */
@Command(name = "show", aliases = "inspect", description = "show information of a chart",
        subcommands = {ShowSubcommand.All.class, ShowSubcommand.ChartYaml.class, ShowSubcommand.Values.class,
            ShowSubcommand.Readme.class, ShowSubcommand.Crds.class})
public final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}

package dev.charter.cli.chart;

import dev.charter.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code charter show}: the chart's Chart.yaml, values, README and CRDs, as {@code helm show}. */
@Command(name = "show", aliases = "inspect", description = "show information of a chart",
        subcommands = {ShowSubcommand.All.class, ShowSubcommand.ChartYaml.class, ShowSubcommand.Values.class,
            ShowSubcommand.Readme.class, ShowSubcommand.Crds.class})
public final class ShowCommand extends GroupCommand {
}

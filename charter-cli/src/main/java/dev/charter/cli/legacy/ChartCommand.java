package dev.charter.cli.legacy;

import dev.charter.cli.GroupCommand;
import picocli.CommandLine.Command;

/**
 * {@code charter chart}: Helm 3.0–3.6's experimental {@code helm chart} commands, kept so that old
 * scripts and CI jobs keep working. {@code HELM_EXPERIMENTAL_OCI} is not needed (and ignored).
 */
@Command(name = "chart", description = "push, pull, tag, or remove Helm charts (Helm 3.0–3.6 experimental commands)",
        subcommands = {
            ChartListCommand.class,
            ChartExportCommand.class,
            ChartPullCommand.class,
            ChartPushCommand.class,
            ChartRemoveCommand.class,
            ChartSaveCommand.class,
        })
public final class ChartCommand extends GroupCommand {
}

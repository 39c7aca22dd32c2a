package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.dependency.DependencyManager;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code charter dependency update [CHART]}. */
@Command(name = "update", aliases = "up", description = "update charts/ based on the contents of Chart.yaml",
        customSynopsis = "charter dependency update CHART [flags]")
public final class DependencyUpdateCommand extends BaseCommand {

    @Mixin
    DependencyFlags flags;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        requireMaximumArgs(args, 1);
        return DependencySupport.run(ctx(), flags, args, DependencyManager::update);
    }
}

package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.dependency.DependencyManager;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code charter dependency build [CHART]}. */
@Command(name = "build", description = "rebuild the charts/ directory based on the Chart.lock file",
        customSynopsis = "charter dependency build CHART [flags]")
public final class DependencyBuildCommand extends BaseCommand {

    @Mixin
    DependencyFlags flags;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        requireMaximumArgs(args, 1);
        return DependencySupport.run(ctx(), flags, args, DependencyManager::build);
    }
}

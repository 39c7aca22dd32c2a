package dev.charter.cli.kube;

import dev.charter.cli.CliException;
import dev.charter.kube.action.ReleaseActions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "uninstall", aliases = {"del", "delete", "un"}, description = "uninstall a release")
public final class UninstallCommand extends KubeCommand {
    @Option(names = "--dry-run") boolean dryRun;
    @Option(names = "--no-hooks") boolean noHooks;
    @Option(names = "--ignore-not-found") boolean ignoreNotFound;
    @Option(names = "--keep-history") boolean keepHistory;
    @Option(names = "--cascade", paramLabel = "string") String cascade = "background";
    @Option(names = "--timeout", paramLabel = "duration") String timeout = "5m0s";
    @Option(names = "--description", paramLabel = "string") String description = "";
    @Option(names = "--wait", arity = "0..1", fallbackValue = "watcher", paramLabel = "WaitStrategy") String wait = "hookOnly";
    @Parameters(hidden = true) List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireMinimumArgs(args, 1);
        if (!List.of("background", "orphan", "foreground").contains(cascade)) {
            throw new CliException("invalid cascade value (" + cascade + "). Must be \"background\", \"foreground\", or \"orphan\"");
        }
        ReleaseActions.UninstallOptions o = new ReleaseActions.UninstallOptions();
        o.dryRun = dryRun; o.disableHooks = noHooks; o.ignoreNotFound = ignoreNotFound; o.keepHistory = keepHistory;
        o.cascade = cascade; o.timeoutMillis = Durations.parseMillis(timeout); o.description = description;
        o.waitForDelete = !wait.equals("hookOnly");
        for (String name : args) {
            var res = actions().uninstall(name, o);
            if (res != null && !res.info().isEmpty()) ctx().out().println(res.info());
            ctx().out().print("release \"" + name + "\" uninstalled\n");
        }
        return 0;
    }
}

package dev.charter.cli.kube;

import dev.charter.cli.CliException;
import dev.charter.kube.action.ReleaseActions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", description = "roll back a release to a previous revision")
public final class RollbackCommand extends KubeCommand {
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "client", paramLabel = "string") String dryRun;
    @Option(names = "--force-replace") boolean force;
    @Option(names = "--force-conflicts") boolean forceConflicts;
    @Option(names = "--server-side", paramLabel = "string") String serverSide = "auto";
    @Option(names = "--no-hooks") boolean noHooks;
    @Option(names = "--timeout", paramLabel = "duration") String timeout = "5m0s";
    @Option(names = "--wait", arity = "0..1", fallbackValue = "watcher", paramLabel = "WaitStrategy") String wait = "hookOnly";
    @Option(names = "--wait-for-jobs") boolean waitForJobs;
    @Option(names = "--cleanup-on-fail") boolean cleanupOnFail;
    @Option(names = "--history-max", paramLabel = "int") Integer historyMax;
    @Parameters(hidden = true) List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.isEmpty()) requireMinimumArgs(args, 1);
        if (args.size() > 2) requireMaximumArgs(args, 2);
        ReleaseActions.RollbackOptions o = new ReleaseActions.RollbackOptions();
        if (args.size() > 1) {
            try {
                o.version = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                throw new CliException("could not convert revision to a number: strconv.Atoi: parsing \"" + args.get(1) + "\": invalid syntax");
            }
        }
        o.dryRun = dryRun != null && !dryRun.equals("none") && !dryRun.equals("false");
        o.force = force; o.forceConflicts = forceConflicts; o.disableHooks = noHooks;
        o.serverSide = serverSide;
        o.timeoutMillis = Durations.parseMillis(timeout);
        o.waitReady = !wait.equals("hookOnly"); o.waitForJobs = waitForJobs; o.cleanupOnFail = cleanupOnFail;
        o.maxHistory = historyMax != null ? historyMax : ctx().settings().maxHistory();
        actions().rollback(args.get(0), o);
        ctx().out().print("Rollback was a success! Happy Helming!\n");
        return 0;
    }
}

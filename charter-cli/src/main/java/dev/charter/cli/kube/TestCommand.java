package dev.charter.cli.kube;

import dev.charter.cli.CliException;
import dev.charter.kube.action.ReleaseActions;
import dev.charter.kube.release.Release;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter test RELEASE}: Helm v4's {@code helm test} (the test hooks of a release). */
@Command(name = "test", description = "run tests for a release")
public final class TestCommand extends KubeCommand {
    @Option(names = "--timeout", paramLabel = "duration", description = "time to wait for any individual Kubernetes operation (like Jobs for hooks) (default 5m0s)") String timeout = "5m0s";
    @Option(names = "--logs", description = "dump the logs from test pods (this runs after all tests are complete, but before any cleanup)") boolean logs;
    @Option(names = "--filter", split = ",", paramLabel = "strings", description = "specify tests by attribute (currently \"name\") using attribute=value syntax or '!attribute=value' to exclude a test (can specify multiple or separate values with commas: name=test1,name=test2)") List<String> filter = new ArrayList<>();
    @Option(names = "--hide-notes", description = "if set, do not show notes in test output. Does not affect presence in chart metadata") boolean hideNotes;
    @Parameters(hidden = true) List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireExactArgs(args, 1);
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (String f : filter) {
            if (f.matches("^!\\s?name=.*")) exclude.add(f.replaceFirst("^!\\s?name=", ""));
            else if (f.startsWith("name=")) include.add(f.substring(5));
        }
        ReleaseActions actions = actions();
        Release rel;
        RuntimeException runErr = null;
        try {
            rel = actions.test(args.get(0), Durations.parseMillis(timeout), include, exclude);
        } catch (ReleaseActions.TestFailure e) {
            rel = e.release();
            runErr = e;
        }
        try {
            // Helm v4.1.4 prints no NOTES here (observed), whatever --hide-notes says
            printStatus(ctx().out(), rel, ctx().settings().debug(), false, true, null);
            if (logs) {
                ctx().out().print('\n');
                try {
                    actions.testPodLogs(rel, include, exclude, ctx().out());
                } catch (RuntimeException e) {
                    // errors.Join(runErr, err)
                    throw new CliException(runErr == null ? e.getMessage() : runErr.getMessage() + "\n" + e.getMessage(), e);
                }
            }
            if (runErr != null) throw new CliException(runErr.getMessage(), runErr);
        } finally {
            // Helm's delayed shutdown: hook deletion policies apply once the logs are read
            try {
                actions.testCleanup(rel);
            } catch (RuntimeException ignored) {
                // reported by Helm only when nothing else failed; Charter keeps the first error
            }
        }
        return 0;
    }
}

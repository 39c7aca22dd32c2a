package dev.charter.cli.kube;

import dev.charter.chart.Chart;
import dev.charter.cli.ChartPathOptions;
import dev.charter.cli.CliException;
import dev.charter.cli.ValuesFlags;
import dev.charter.kube.action.ReleaseActions;
import dev.charter.kube.release.Release;
import dev.charter.kube.release.Status;
import dev.charter.kube.storage.ReleaseNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter upgrade RELEASE CHART}: Helm v4's upgrade (with {@code --install}). */
@Command(name = "upgrade", description = "upgrade a release", customSynopsis = "charter upgrade [RELEASE] [CHART] [flags]")
public final class UpgradeCommand extends KubeCommand {

    @Parameters(hidden = true) List<String> args = new ArrayList<>();
    @Mixin ChartPathOptions chartPath;
    @Mixin ValuesFlags valuesFlags;
    @Mixin dev.charter.cli.PostRendererFlags postRendererFlags;

    @Option(names = "--create-namespace", description = "if --install is set, create the release namespace if not present") boolean createNamespace;
    @Option(names = {"-i", "--install"}, description = "if a release by this name doesn't already exist, run an install") boolean install;
    @Option(names = "--devel", description = "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored") boolean devel;
    @Option(names = "--hide-secret", description = "hide Kubernetes Secrets when also using the --dry-run flag") boolean hideSecret;
    @Option(names = "--force-replace", description = "force resource updates by replacement") boolean forceReplace;
    @Option(names = "--force", hidden = true, description = "deprecated") boolean force;
    @Option(names = "--force-conflicts", description = "if set server-side apply will force changes against conflicts") boolean forceConflicts;
    @Option(names = "--server-side", paramLabel = "string", description = "must be \"true\", \"false\" or \"auto\". Object updates run in the server instead of the client (\"auto\" defaults the value from the previous chart release's method) (default \"auto\")") String serverSide = "auto";
    @Option(names = "--no-hooks", description = "disable pre/post upgrade hooks") boolean noHooks;
    @Option(names = "--disable-openapi-validation", description = "if set, the upgrade process will not validate rendered templates against the Kubernetes OpenAPI Schema") boolean disableOpenApiValidation;
    @Option(names = "--skip-crds", description = "if set, no CRDs will be installed when an upgrade is performed with install flag enabled. By default, CRDs are installed if not already present, when an upgrade is performed with install flag enabled") boolean skipCrds;
    @Option(names = "--timeout", paramLabel = "duration", description = "time to wait for any individual Kubernetes operation (like Jobs for hooks) (default 5m0s)") String timeout = "5m0s";
    @Option(names = "--reset-values", description = "when upgrading, reset the values to the ones built into the chart") boolean resetValues;
    @Option(names = "--reuse-values", description = "when upgrading, reuse the last release's values and merge in any overrides from the command line via --set and -f. If '--reset-values' is specified, this is ignored") boolean reuseValues;
    @Option(names = "--reset-then-reuse-values", description = "when upgrading, reset the values to the ones built into the chart, apply the last release's values and merge in any overrides from the command line via --set and -f. If '--reset-values' or '--reuse-values' is specified, this is ignored") boolean resetThenReuseValues;
    @Option(names = "--wait-for-jobs", description = "if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout") boolean waitForJobs;
    @Option(names = "--rollback-on-failure", description = "if set, Helm will rollback the upgrade to previous success release upon failure. The --wait flag will be defaulted to \"watcher\" if --rollback-on-failure is set") boolean rollbackOnFailure;
    @Option(names = "--atomic", hidden = true, description = "deprecated") boolean atomic;
    @Option(names = "--history-max", paramLabel = "int", description = "limit the maximum number of revisions saved per release. Use 0 for no limit (default 10)") Integer historyMax;
    @Option(names = "--cleanup-on-fail", description = "allow deletion of new resources created in this upgrade when upgrade fails") boolean cleanupOnFail;
    @Option(names = "--render-subchart-notes", description = "if set, render subchart notes along with the parent") boolean subNotes;
    @Option(names = "--hide-notes", description = "if set, do not show notes in upgrade output. Does not affect presence in chart metadata") boolean hideNotes;
    @Option(names = "--skip-schema-validation", description = "if set, disables JSON schema validation") boolean skipSchemaValidation;
    @Option(names = {"-l", "--labels"}, split = ",", paramLabel = "stringToString", description = "Labels that would be added to release metadata. Should be separated by comma. Original release labels will be merged with upgrade labels. You can unset label using null. (default [])") Map<String, String> labels = new LinkedHashMap<>();
    @Option(names = "--description", paramLabel = "string", description = "add a custom description") String description = "";
    @Option(names = "--dependency-update", description = "update dependencies if they are missing before installing the chart") boolean dependencyUpdate;
    @Option(names = "--enable-dns", description = "enable DNS lookups when rendering templates") boolean enableDns;
    @Option(names = "--take-ownership", description = "if set, upgrade will ignore the check for helm annotations and take ownership of the existing resources") boolean takeOwnership;
    @Option(names = "--wait", arity = "0..1", fallbackValue = "watcher", paramLabel = "WaitStrategy", description = "if specified, wait until resources are ready (up to --timeout). Values: 'watcher', 'hookOnly', and 'legacy'.") String waitStrategy;
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unset", paramLabel = "string", description = "simulates the operation without persisting changes. Must be one of: \"none\" (default), \"client\", or \"server\".") String dryRun;
    @Option(names = {"-o", "--output"}, paramLabel = "format", description = "prints the output in the specified format. Allowed values: table, json, yaml (default table)") String output = "table";

    @Override
    protected int execute() {
        postRenderer = postRendererFlags.resolve(ctx());
        if (atomic) ctx().err().println("Flag --atomic has been deprecated, use --rollback-on-failure instead");
        requireExactArgs(args, 2);
        checkFormat(output);
        String name = args.get(0);
        ReleaseActions.DryRun dr = ChartInstallSupport.dryRun(ctx(), dryRun);
        String wait = ChartInstallSupport.waitStrategy(ctx(), waitStrategy);
        if (install) {
            boolean notFound = false;
            boolean uninstalled = false;
            try {
                List<Release> h = actions().history(name);
                if (h.isEmpty()) {
                    notFound = true;
                } else {
                    Release lastH = h.get(h.size() - 1);
                    uninstalled = Status.UNINSTALLED.equals(lastH.info.status);
                }
            } catch (ReleaseNotFoundException e) {
                notFound = true;
            }
            if (notFound || uninstalled) {
                if (output.equals("table")) {
                    ctx().out().print("Release \"" + name + "\" does not exist. Installing it now.\n");
                }
                Release rel = runInstall(dr, wait, uninstalled);
                new Printer().print(rel, output, hideNotes);
                return 0;
            }
        }
        if (chartPath.version.isEmpty() && devel) chartPath.version = ">0.0.0-0";
        Path cp = chartPath.locate(ctx(), args.get(1));
        Map<String, Object> vals = valuesFlags.merge(ctx());
        Chart chart = ChartInstallSupport.load(ctx(), cp, false, "`helm dependency build`");
        ReleaseActions.UpgradeOptions o = new ReleaseActions.UpgradeOptions();
        o.dryRun = dr;
        o.waitStrategy = wait;
        o.waitForJobs = waitForJobs;
        o.rollbackOnFailure = rollbackOnFailure || atomic;
        o.disableHooks = noHooks;
        o.subNotes = subNotes;
        o.reuseValues = reuseValues;
        o.resetValues = resetValues;
        o.resetThenReuseValues = resetThenReuseValues;
        o.forceReplace = forceReplace || force;
        o.cleanupOnFail = cleanupOnFail;
        o.forceConflicts = forceConflicts;
        o.takeOwnership = takeOwnership;
        o.skipSchemaValidation = skipSchemaValidation;
        o.enableDns = enableDns;
        o.hideSecret = hideSecret;
        o.serverSideApply = serverSide;
        o.timeoutMillis = Durations.parseMillis(timeout);
        o.description = description;
        o.maxHistory = historyMax != null ? historyMax : ctx().settings().maxHistory();
        o.labels = new LinkedHashMap<>(labels);
        o.postRenderer = postRenderer;
        Release rel;
        try {
            rel = actions().upgrade(name, chart, vals, o);
        } catch (RuntimeException e) {
            throw new CliException("UPGRADE FAILED: " + e.getMessage(), e);
        }
        if (output.equals("table")) {
            ctx().out().print("Release \"" + name + "\" has been upgraded. Happy Helming!\n");
        }
        new Printer().print(rel, output, hideNotes);
        return 0;
    }

    /** The plugin named by {@code --post-renderer}, resolved first as Helm does while parsing flags. */
    private dev.charter.chart.render.PostRenderer postRenderer;

    private Release runInstall(ReleaseActions.DryRun dr, String wait, boolean replace) {
        if (chartPath.version.isEmpty() && devel) chartPath.version = ">0.0.0-0";
        String[] nc = ChartInstallSupport.nameAndChart(args, false, "");
        Path cp = chartPath.locate(ctx(), nc[1]);
        Map<String, Object> vals = valuesFlags.merge(ctx());
        Chart chart = ChartInstallSupport.load(ctx(), cp, true, "`helm dependency build`");
        ReleaseActions.InstallOptions o = new ReleaseActions.InstallOptions();
        o.releaseName = nc[0];
        o.dryRun = dr;
        o.createNamespace = createNamespace;
        o.forceReplace = forceReplace || force;
        o.forceConflicts = forceConflicts;
        o.serverSideApply = !serverSide.equals("false");
        o.disableHooks = noHooks;
        o.replace = replace;
        o.timeoutMillis = Durations.parseMillis(timeout);
        o.waitForJobs = waitForJobs;
        o.waitStrategy = wait;
        o.description = description;
        o.rollbackOnFailure = rollbackOnFailure || atomic;
        o.skipCrds = skipCrds;
        o.subNotes = subNotes;
        o.skipSchemaValidation = skipSchemaValidation;
        o.labels = new LinkedHashMap<>(labels);
        o.enableDns = enableDns;
        o.hideSecret = hideSecret;
        o.takeOwnership = takeOwnership;
        o.postRenderer = postRenderer;
        try {
            return actions().install(chart, vals, o);
        } catch (RuntimeException e) {
            ChartInstallSupport.logged(ctx(), e);
            throw e;
        }
    }

    private final class Printer {
        void print(Release rel, String format, boolean hide) {
            switch (format) {
                case "json" -> json(ctx().out(), rel.toJsonModel());
                case "yaml" -> yaml(ctx().out(), rel.toJsonModel());
                default -> printStatus(ctx().out(), rel, ctx().settings().debug(), false, hide,
                        ctx().settings().debug() ? ReleaseActions.computedValues(rel) : null);
            }
        }
    }
}

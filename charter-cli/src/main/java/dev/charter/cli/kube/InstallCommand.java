package dev.charter.cli.kube;

import dev.charter.chart.Chart;
import dev.charter.cli.ChartPathOptions;
import dev.charter.cli.CliException;
import dev.charter.cli.ValuesFlags;
import dev.charter.kube.action.ReleaseActions;
import dev.charter.kube.release.Release;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter install [NAME] CHART}: Helm v4's install. */
@Command(name = "install", description = "install a chart", customSynopsis = "charter install [NAME] [CHART] [flags]")
public final class InstallCommand extends KubeCommand {

    @Parameters(hidden = true) List<String> args = new ArrayList<>();
    @Mixin ChartPathOptions chartPath;
    @Mixin ValuesFlags valuesFlags;
    @Mixin dev.charter.cli.PostRendererFlags postRendererFlags;

    @Option(names = "--create-namespace", description = "create the release namespace if not present") boolean createNamespace;
    @Option(names = "--force-replace", description = "force resource updates by replacement") boolean forceReplace;
    @Option(names = "--force", hidden = true, description = "deprecated") boolean force;
    @Option(names = "--force-conflicts", description = "if set server-side apply will force changes against conflicts") boolean forceConflicts;
    @Option(names = "--server-side", arity = "0..1", fallbackValue = "true", paramLabel = "true|false", description = "object updates run in the server instead of the client") String serverSide = "true";
    @Option(names = "--no-hooks", description = "prevent hooks from running during install") boolean noHooks;
    @Option(names = "--replace", description = "reuse the given name, only if that name is a deleted release which remains in the history. This is unsafe in production") boolean replace;
    @Option(names = "--timeout", paramLabel = "duration", description = "time to wait for any individual Kubernetes operation (like Jobs for hooks) (default 5m0s)") String timeout = "5m0s";
    @Option(names = "--wait-for-jobs", description = "if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout") boolean waitForJobs;
    @Option(names = {"-g", "--generate-name"}, description = "generate the name (and omit the NAME parameter)") boolean generateName;
    @Option(names = "--name-template", paramLabel = "string", description = "specify template used to name the release") String nameTemplate = "";
    @Option(names = "--description", paramLabel = "string", description = "add a custom description") String description = "";
    @Option(names = "--devel", description = "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored") boolean devel;
    @Option(names = "--dependency-update", description = "update dependencies if they are missing before installing the chart") boolean dependencyUpdate;
    @Option(names = "--disable-openapi-validation", description = "if set, the installation process will not validate rendered templates against the Kubernetes OpenAPI Schema") boolean disableOpenApiValidation;
    @Option(names = "--rollback-on-failure", description = "if set, Helm will rollback (uninstall) the installation upon failure. The --wait flag will be default to \"watcher\" if --rollback-on-failure is set") boolean rollbackOnFailure;
    @Option(names = "--atomic", hidden = true, description = "deprecated") boolean atomic;
    @Option(names = "--skip-crds", description = "if set, no CRDs will be installed. By default, CRDs are installed if not already present") boolean skipCrds;
    @Option(names = "--render-subchart-notes", description = "if set, render subchart notes along with the parent") boolean subNotes;
    @Option(names = "--skip-schema-validation", description = "if set, disables JSON schema validation") boolean skipSchemaValidation;
    @Option(names = {"-l", "--labels"}, split = ",", paramLabel = "stringToString", description = "Labels that would be added to release metadata. Should be divided by comma. (default [])") Map<String, String> labels = new LinkedHashMap<>();
    @Option(names = "--enable-dns", description = "enable DNS lookups when rendering templates") boolean enableDns;
    @Option(names = "--hide-notes", description = "if set, do not show notes in install output. Does not affect presence in chart metadata") boolean hideNotes;
    @Option(names = "--hide-secret", description = "hide Kubernetes Secrets when also using the --dry-run flag") boolean hideSecret;
    @Option(names = "--take-ownership", description = "if set, install will ignore the check for helm annotations and take ownership of the existing resources") boolean takeOwnership;
    @Option(names = "--wait", arity = "0..1", fallbackValue = "watcher", paramLabel = "WaitStrategy", description = "if specified, wait until resources are ready (up to --timeout). Values: 'watcher', 'hookOnly', and 'legacy'.") String waitStrategy;
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unset", paramLabel = "string", description = "simulates the operation without persisting changes. Must be one of: \"none\" (default), \"client\", or \"server\".") String dryRun;
    @Option(names = {"-o", "--output"}, paramLabel = "format", description = "prints the output in the specified format. Allowed values: table, json, yaml (default table)") String output = "table";

    @Override
    protected int execute() {
        postRenderer = postRendererFlags.resolve(ctx());
        if (atomic) ctx().err().println("Flag --atomic has been deprecated, use --rollback-on-failure instead");
        requireMinimumArgs(args, 1);
        checkFormat(output);
        ReleaseActions.DryRun dr = ChartInstallSupport.dryRun(ctx(), dryRun);
        Release rel;
        try {
            rel = run(dr, false, args, false);
        } catch (RuntimeException e) {
            ChartInstallSupport.logged(ctx(), e);
            throw new CliException("INSTALLATION FAILED: " + e.getMessage(), e);
        }
        print(rel, output, hideNotes);
        return 0;
    }

    /** The plugin named by {@code --post-renderer}, resolved first as Helm does while parsing flags. */
    private dev.charter.chart.render.PostRenderer postRenderer;

    /** Helm's {@code runInstall}; also used by {@code upgrade --install}. */
    Release run(ReleaseActions.DryRun dr, boolean replaceForced, List<String> args, boolean fromUpgrade) {
        String wait = ChartInstallSupport.waitStrategy(ctx(), waitStrategy);
        if (chartPath.version.isEmpty() && devel) chartPath.version = ">0.0.0-0";
        String[] nc = ChartInstallSupport.nameAndChart(args, generateName, nameTemplate);
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
        o.replace = replace || replaceForced;
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
        o.postRenderer = postRenderer;
        o.takeOwnership = takeOwnership;
        return actions().install(chart, vals, o);
    }

    void print(Release rel, String format, boolean hide) {
        switch (format) {
            case "json" -> json(ctx().out(), rel.toJsonModel());
            case "yaml" -> yaml(ctx().out(), rel.toJsonModel());
            default -> printStatus(ctx().out(), rel, ctx().settings().debug(), false, hide,
                    ctx().settings().debug() ? ReleaseActions.computedValues(rel) : null);
        }
    }
}

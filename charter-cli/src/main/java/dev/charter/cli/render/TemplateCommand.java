package dev.charter.cli.render;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.GoPath;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.chart.render.BuildInfo;
import dev.charter.chart.render.Hook;
import dev.charter.chart.render.KubeVersion;
import dev.charter.chart.render.Manifest;
import dev.charter.chart.render.PostRenderer;
import dev.charter.chart.render.ManifestSorter;
import dev.charter.chart.render.RenderException;
import dev.charter.chart.render.RenderResult;
import dev.charter.chart.render.Renderer;
import dev.charter.chart.values.ChartNode;
import dev.charter.cli.BaseCommand;
import dev.charter.cli.ChartPathOptions;
import dev.charter.cli.PostRendererFlags;
import dev.charter.cli.CliException;
import dev.charter.cli.ValuesFlags;
import dev.charter.sprig.SprigFunctions;
import dev.charter.template.Template;
import dev.charter.template.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter template [NAME] CHART}: renders a chart locally, as {@code helm template}. */
@Command(name = "template", description = "locally render templates", customSynopsis = "charter template [NAME] [CHART] [flags]")
public final class TemplateCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Mixin
    ChartPathOptions chartPath;

    @Mixin
    ValuesFlags valuesFlags;

    // ---- install flags ----
    @Option(names = "--create-namespace", description = "create the release namespace if not present") boolean createNamespace;
    @Option(names = "--force-replace", description = "force resource updates by replacement") boolean forceReplace;
    @Option(names = "--force", hidden = true, description = "deprecated") boolean force;
    @Option(names = "--force-conflicts", description = "if set server-side apply will force changes against conflicts") boolean forceConflicts;
    @Option(names = "--server-side", arity = "0..1", fallbackValue = "true", paramLabel = "true|false", description = "object updates run in the server instead of the client") String serverSide = "true";
    @Option(names = "--no-hooks", description = "prevent hooks from running during install") boolean noHooks;
    @Option(names = "--replace", description = "reuse the given name, only if that name is a deleted release which remains in the history. This is unsafe in production") boolean replace;
    @Option(names = "--timeout", paramLabel = "duration", description = "time to wait for any individual Kubernetes operation (like Jobs for hooks) (default 5m0s)") String timeout;
    @Option(names = "--wait-for-jobs", description = "if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout") boolean waitForJobs;
    @Option(names = {"-g", "--generate-name"}, description = "generate the name (and omit the NAME parameter)") boolean generateName;
    @Option(names = "--name-template", paramLabel = "string", description = "specify template used to name the release") String nameTemplate = "";
    @Option(names = "--description", paramLabel = "string", description = "add a custom description") String description;
    @Option(names = "--devel", description = "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored") boolean devel;
    @Option(names = "--dependency-update", description = "update dependencies if they are missing before installing the chart") boolean dependencyUpdate;
    @Option(names = "--disable-openapi-validation", description = "if set, the installation process will not validate rendered templates against the Kubernetes OpenAPI Schema") boolean disableOpenApiValidation;
    @Option(names = "--rollback-on-failure", description = "if set, Helm will rollback (uninstall) the installation upon failure. The --wait flag will be default to \"watcher\" if --rollback-on-failure is set") boolean rollbackOnFailure;
    @Option(names = "--atomic", hidden = true, description = "deprecated") boolean atomic;
    @Option(names = "--skip-crds", description = "if set, no CRDs will be installed. By default, CRDs are installed if not already present") boolean skipCrds;
    @Option(names = "--render-subchart-notes", description = "if set, render subchart notes along with the parent") boolean subNotes;
    @Option(names = "--skip-schema-validation", description = "if set, disables JSON schema validation") boolean skipSchemaValidation;
    @Option(names = {"-l", "--labels"}, split = ",", paramLabel = "stringToString", description = "Labels that would be added to release metadata. Should be divided by comma. (default [])") Map<String, String> labels = new HashMap<>();
    @Option(names = "--enable-dns", description = "enable DNS lookups when rendering templates") boolean enableDns;
    @Option(names = "--hide-notes", description = "if set, do not show notes in install output. Does not affect presence in chart metadata") boolean hideNotes;
    @Option(names = "--take-ownership", description = "if set, install will ignore the check for helm annotations and take ownership of the existing resources") boolean takeOwnership;
    @Option(names = "--wait", arity = "0..1", fallbackValue = "watcher", paramLabel = "WaitStrategy", description = "if specified, wait until resources are ready (up to --timeout). Values: 'watcher', 'hookOnly', and 'legacy'.") String waitStrategy;

    // ---- template flags ----
    @Option(names = {"-s", "--show-only"}, paramLabel = "stringArray", description = "only show manifests rendered from the given templates") List<String> showFiles = new ArrayList<>();
    @Option(names = "--output-dir", paramLabel = "string", description = "writes the executed templates to files in output-dir instead of stdout") String outputDir = "";
    @Option(names = "--validate", hidden = true, description = "deprecated") boolean validate;
    @Option(names = "--include-crds", description = "include CRDs in the templated output") boolean includeCrds;
    @Option(names = "--skip-tests", description = "skip tests from templated output") boolean skipTests;
    @Option(names = "--is-upgrade", description = "set .Release.IsUpgrade instead of .Release.IsInstall") boolean isUpgrade;
    @Option(names = "--kube-version", paramLabel = "string", description = "Kubernetes version used for Capabilities.KubeVersion") String kubeVersion = "";
    @Option(names = {"-a", "--api-versions"}, split = ",", paramLabel = "strings", description = "Kubernetes api versions used for Capabilities.APIVersions (multiple can be specified)") List<String> apiVersions = new ArrayList<>();
    @Option(names = "--release-name", description = "use release name in the output-dir path.") boolean useReleaseName;
    @Option(names = "--dry-run", arity = "0..1", fallbackValue = "unset", paramLabel = "string", description = "simulates the operation either client-side or server-side. Must be either: \"client\", or \"server\". '--dry-run=client simulates the operation client-side only and avoids cluster connections. '--dry-run=server' simulates/validates the operation on the server, requiring cluster connectivity. (default \"client\")") String dryRun = "client";

    @Mixin
    PostRendererFlags postRendererFlags;

    @Override
    protected int run() throws Exception {
        PostRenderer postRenderer = postRendererFlags.resolve(ctx());
        requireMinimumArgs(args, 1);
        KubeVersion kv = null;
        if (!kubeVersion.isEmpty()) {
            try {
                kv = KubeVersion.parse(kubeVersion);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CliException("invalid kube version '" + kubeVersion + "': " + e.getMessage());
            }
        }
        switch (dryRun) {
            case "client", "unset", "true", "", "false", "none" -> { }
            case "server" -> throw new CliException("Kubernetes cluster unreachable: dry-run=server needs a cluster");
            default -> throw new CliException("invalid dry-run value (" + dev.charter.template.text.Strconv.quote(dryRun)
                    + "). Must be \"none\", \"server\", or \"client\"");
        }
        if (chartPath.version.isEmpty() && devel) {
            chartPath.version = ">0.0.0-0";
        }
        String[] nc = nameAndChart();
        String name = nc[0];
        String chartRef = nc[1];
        Path cp = chartPath.locate(ctx(), chartRef);

        Map<String, Object> vals = valuesFlags.merge(ctx());

        Chart chart;
        try {
            chart = ChartLoader.load(cp, cp.toString());
        } catch (ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
        String type = chart.metadata().type();
        if (!type.isEmpty() && !type.equals("application")) {
            throw new CliException(type + " charts are not installable");
        }
        if (chart.metadata().deprecated()) {
            ctx().warn("this chart is deprecated");
        }
        try {
            Renderer.checkDependencies(chart);
        } catch (RenderException e) {
            throw new CliException("an error occurred while checking for chart dependencies. You may need to run "
                    + "`helm dependency build` to fetch missing dependencies: " + e.getMessage());
        }
        Renderer.Options opts = Renderer.Options.defaults(name, ctx().settings().namespace())
                .withUpgrade(isUpgrade)
                .withCapabilities(kv, apiVersions)
                .withHelmVersion(helmVersion())
                .withSwitches(skipSchemaValidation, subNotes, enableDns);
        RenderResult rel;
        try {
            rel = Renderer.render(chart, vals, opts, null, postRenderer);
        } catch (RenderException e) {
            for (String logged : List.of("release name check failed", "chart dependencies processing failed")) {
                if (e.getMessage().startsWith(logged + ": ")) {
                    ctx().err().println("level=ERROR msg=\"" + logged + "\" error="
                            + dev.charter.template.text.Strconv.quote(e.getMessage().substring(logged.length() + 2)));
                }
            }
            if (e.partial() != null && !ctx().settings().debug()) {
                throw new CliException(e.getMessage() + "\n\nUse --debug flag to render out invalid YAML");
            }
            if (e.partial() != null) {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<String, String> f : e.partial().files().entrySet()) {
                    if (ManifestSorterAccess.trimSpace(f.getValue()).isEmpty()) {
                        continue;
                    }
                    sb.append("---\n# Source: ").append(f.getKey()).append('\n').append(f.getValue()).append('\n');
                }
                ctx().out().print(sb.toString().strip() + "\n");
            }
            throw new CliException(e.getMessage(), e);
        }
        output(rel, name);
        return 0;
    }

    private BuildInfo helmVersion() {
        return Renderer.DEFAULT_HELM_VERSION;
    }

    private String[] nameAndChart() {
        String releaseName = "release-name";
        if (args.size() > 2) {
            throw new CliException("expected at most two arguments, unexpected arguments: "
                    + String.join(", ", args.subList(2, args.size())));
        }
        if (args.size() == 2) {
            if (generateName) {
                throw new CliException("cannot set --generate-name and also specify a name");
            }
            if (!nameTemplate.isEmpty()) {
                throw new CliException("cannot set --name-template and also specify a name");
            }
            return new String[] {args.get(0), args.get(1)};
        }
        if (!nameTemplate.isEmpty()) {
            try {
                Template t = Template.named("name-template").funcs(SprigFunctions.registry()).parse(nameTemplate);
                return new String[] {t.executeToString(null), args.get(0)};
            } catch (TemplateException e) {
                throw new CliException(e.getMessage(), e);
            }
        }
        return new String[] {releaseName, args.get(0)};
    }

    private void output(RenderResult rel, String releaseName) throws IOException {
        StringBuilder manifestDoc = new StringBuilder();
        Map<String, Boolean> fileWritten = new HashMap<>();
        String newDirForManifests = outputDir;
        if (!outputDir.isEmpty() && useReleaseName) {
            newDirForManifests = outputDir + "/" + releaseName;
        }
        if (includeCrds) {
            for (ChartNode.Crd crd : rel.crds()) {
                String data = new String(crd.file().data(), StandardCharsets.UTF_8);
                if (outputDir.isEmpty()) {
                    manifestDoc.append("---\n# Source: ").append(crd.filename()).append('\n').append(data).append('\n');
                } else {
                    writeToFile(outputDir, crd.filename(), data, fileWritten.getOrDefault(crd.filename(), false));
                    fileWritten.put(crd.filename(), true);
                }
            }
        }
        for (Manifest m : rel.manifests()) {
            if (outputDir.isEmpty()) {
                manifestDoc.append("---\n# Source: ").append(m.name()).append('\n').append(m.content()).append('\n');
            } else {
                writeToFile(newDirForManifests, m.name(), m.content(), fileWritten.getOrDefault(m.name(), false));
                fileWritten.put(m.name(), true);
            }
        }
        StringBuilder manifests = new StringBuilder();
        manifests.append(ManifestSorterAccess.trimSpace(manifestDoc.toString())).append('\n');
        if (!noHooks) {
            Map<String, Boolean> hookWritten = new HashMap<>();
            for (Hook h : rel.hooks()) {
                if (skipTests && h.isTest()) {
                    continue;
                }
                if (outputDir.isEmpty()) {
                    manifests.append("---\n# Source: ").append(h.path()).append('\n').append(h.manifest()).append('\n');
                } else {
                    String newDir = useReleaseName ? outputDir + "/" + releaseName : outputDir;
                    if (Files.exists(ctx().resolve(newDir).resolve(h.path()))) {
                        hookWritten.put(h.path(), true);
                    }
                    writeToFile(newDir, h.path(), h.manifest(), hookWritten.getOrDefault(h.path(), false));
                }
            }
        }
        if (!showFiles.isEmpty()) {
            List<String> split = ManifestSorter.splitManifests(manifests.toString());
            Pattern nameRe = Pattern.compile("# Source: [^/]+/(.+)");
            List<String> toRender = new ArrayList<>();
            for (String f : showFiles) {
                boolean missing = true;
                for (String manifest : split) {
                    Matcher mm = nameRe.matcher(manifest);
                    if (!mm.find()) {
                        continue;
                    }
                    String manifestPath = mm.group(1);
                    if (!goMatch(f, manifestPath)) {
                        continue;
                    }
                    toRender.add(manifest);
                    missing = false;
                }
                if (missing) {
                    throw new CliException("could not find template " + f + " in chart");
                }
            }
            StringBuilder out = new StringBuilder();
            for (String m : toRender) {
                out.append("---\n").append(m).append('\n');
            }
            write(out.toString());
        } else {
            write(manifests.toString());
        }
    }

    private void write(String s) {
        ctx().out().write(s.getBytes(StandardCharsets.UTF_8), 0, s.getBytes(StandardCharsets.UTF_8).length);
        ctx().out().flush();
    }

    /** Go's {@code filepath.Match}; a malformed pattern matches nothing. */
    private static boolean goMatch(String pattern, String name) {
        try {
            PathMatcher pm = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("{", "\\{").replace("}", "\\}"));
            return pm.matches(Path.of(name));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void writeToFile(String dir, String name, String data, boolean append) throws IOException {
        String outfileName = dir + "/" + name;
        Path p = ctx().resolve(outfileName);
        Files.createDirectories(p.getParent());
        String content = "---\n# Source: " + name + "\n" + data + "\n";
        if (append) {
            Files.writeString(p, content, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } else {
            Files.writeString(p, content);
        }
        ctx().out().print("wrote " + outfileName + "\n");
        ctx().out().flush();
    }

    /** Small helpers shared with the sorter. */
    static final class ManifestSorterAccess {
        static String trimSpace(String s) {
            return s.strip();
        }
    }
}

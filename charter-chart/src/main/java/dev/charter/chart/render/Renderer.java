package dev.charter.chart.render;

import dev.charter.chart.Chart;
import dev.charter.chart.Dependency;
import dev.charter.chart.values.ChartNode;
import dev.charter.chart.values.Coalesce;
import dev.charter.chart.values.Dependencies;
import dev.charter.chart.values.ValuesException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Helm's install-time rendering as a library call ({@code action.Install} in client-only mode up
 * to {@code renderResources}): dependencies (alias, condition, tags, import-values), values
 * coalescing, schema validation, the template engine, NOTES and the manifest sort.
 *
 * <pre>{@code
 * RenderResult r = Renderer.render(ChartLoader.load(dir), userValues, Renderer.Options.defaults("rel", "default"));
 * r.manifests(); r.hooks(); r.notes();
 * }</pre>
 */
public final class Renderer {
    private Renderer() {}

    /** Release options and rendering switches. */
    public record Options(String releaseName, String namespace, int revision, boolean isUpgrade,
                          KubeVersion kubeVersion, List<String> apiVersions, BuildInfo helmVersion,
                          boolean skipSchemaValidation, boolean subNotes, boolean enableDns, boolean strict,
                          boolean exactApiVersions) {

        public Options(String releaseName, String namespace, int revision, boolean isUpgrade,
                       KubeVersion kubeVersion, List<String> apiVersions, BuildInfo helmVersion,
                       boolean skipSchemaValidation, boolean subNotes, boolean enableDns, boolean strict) {
            this(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, helmVersion,
                    skipSchemaValidation, subNotes, enableDns, strict, false);
        }

        public static Options defaults(String releaseName, String namespace) {
            return new Options(releaseName, namespace, 1, false, null, List.of(), DEFAULT_HELM_VERSION, false, false,
                    false, false);
        }

        public Options withUpgrade(boolean upgrade) {
            return new Options(releaseName, namespace, revision, upgrade, kubeVersion, apiVersions, helmVersion,
                    skipSchemaValidation, subNotes, enableDns, strict, exactApiVersions);
        }

        public Options withCapabilities(KubeVersion kv, List<String> apis) {
            return new Options(releaseName, namespace, revision, isUpgrade, kv, apis, helmVersion,
                    skipSchemaValidation, subNotes, enableDns, strict, false);
        }

        /** A cluster's capabilities: its version and exactly its API versions (Helm's {@code getCapabilities}). */
        public Options withServerCapabilities(KubeVersion kv, List<String> apis) {
            return new Options(releaseName, namespace, revision, isUpgrade, kv, apis, helmVersion,
                    skipSchemaValidation, subNotes, enableDns, strict, true);
        }

        public Options withRevision(int rev) {
            return new Options(releaseName, namespace, rev, isUpgrade, kubeVersion, apiVersions, helmVersion,
                    skipSchemaValidation, subNotes, enableDns, strict, exactApiVersions);
        }

        public Options withHelmVersion(BuildInfo info) {
            return new Options(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, info,
                    skipSchemaValidation, subNotes, enableDns, strict, exactApiVersions);
        }

        public Options withSwitches(boolean skipSchema, boolean subNotes, boolean enableDns) {
            return new Options(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, helmVersion,
                    skipSchema, subNotes, enableDns, strict, exactApiVersions);
        }
    }

    public static final BuildInfo DEFAULT_HELM_VERSION = new BuildInfo("v4.1.4", "", "", "", "v1.35");

    private static final String VALID_NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    private static final Pattern VALID = Pattern.compile(VALID_NAME);

    /** Helm's {@code ValidateReleaseName}; null when valid, else the error text. */
    public static String releaseNameError(String name) {
        if (name.isEmpty()) {
            return "no name provided";
        }
        if (name.length() > 53 || !VALID.matcher(name).matches()) {
            return "invalid release name, must match regex " + VALID_NAME + " and the length must not be longer than 53";
        }
        return null;
    }

    /** Helm's {@code action.CheckDependencies}: declared dependencies missing from charts/. */
    public static void checkDependencies(Chart chart) {
        List<Dependency> reqs = chart.metadata().dependencies();
        if (reqs == null || reqs.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        outer:
        for (Dependency r : reqs) {
            for (Chart d : chart.dependencies()) {
                if (d.name().equals(r.name())) {
                    continue outer;
                }
            }
            missing.add(r.name());
        }
        if (!missing.isEmpty()) {
            throw new RenderException("found in Chart.yaml, but missing in charts/ directory: " + String.join(", ", missing));
        }
    }

    /** Renders a chart for a release: the whole of Helm's client-only install up to the manifests. */
    public static RenderResult render(Chart chart, Map<String, Object> userValues, Options opts) {
        return render(chart, userValues, opts, null);
    }

    /** As {@link #render(Chart, Map, Options)}, with {@code lookup} answered by a cluster (null: empty maps). */
    public static RenderResult render(Chart chart, Map<String, Object> userValues, Options opts,
                                      HelmFunctions.Lookup lookup) {
        return render(chart, userValues, opts, lookup, null);
    }

    /**
     * As {@link #render(Chart, Map, Options, HelmFunctions.Lookup)}, with the rendered files passed
     * through {@code postRenderer} (null: none) before hooks and manifests are sorted, as Helm does.
     */
    public static RenderResult render(Chart chart, Map<String, Object> userValues, Options opts,
                                      HelmFunctions.Lookup lookup, PostRenderer postRenderer) {
        String nameErr = releaseNameError(opts.releaseName());
        if (nameErr != null) {
            throw new RenderException("release name check failed: release name \"" + opts.releaseName() + "\": " + nameErr);
        }
        Map<String, Object> vals = userValues == null ? new LinkedHashMap<>() : userValues;
        ChartNode root = ChartNode.of(chart);
        try {
            Dependencies.process(root, vals);
        } catch (ValuesException e) {
            throw new RenderException("chart dependencies processing failed: " + e.getMessage(), e);
        }
        Capabilities caps = opts.exactApiVersions()
                ? new Capabilities(opts.kubeVersion(), new VersionSet(opts.apiVersions()), opts.helmVersion())
                : Capabilities.defaults(opts.kubeVersion(), opts.apiVersions(), opts.helmVersion());
        Map<String, Object> top = toRenderValues(root, vals, opts, caps);
        try {
            return renderResources(root, top, caps, opts, lookup, postRenderer);
        } catch (RenderException e) {
            if (e.partial() != null) {
                throw e;
            }
            // Helm has created the release by now: the error comes with the (empty) rendered manifest
            throw new RenderException(e.getMessage(), e.getCause(),
                    new RenderResult(List.of(), List.of(), "", List.of(), root, top, Map.of()));
        }
    }

    /** Helm's {@code ToRenderValuesWithSchemaValidation}. */
    public static Map<String, Object> toRenderValues(ChartNode root, Map<String, Object> vals, Options opts,
                                                     Capabilities caps) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("Chart", root.metadataMap());
        top.put("Capabilities", caps);
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("Name", opts.releaseName());
        release.put("Namespace", opts.namespace());
        release.put("IsUpgrade", opts.isUpgrade());
        release.put("IsInstall", !opts.isUpgrade());
        release.put("Revision", (long) opts.revision());
        release.put("Service", "Helm");
        top.put("Release", release);
        Map<String, Object> coalesced;
        try {
            coalesced = Coalesce.coalesceValues(root, vals);
        } catch (ValuesException e) {
            throw new RenderException(e.getMessage(), e);
        }
        if (!opts.skipSchemaValidation()) {
            String err = SchemaValidator.validateAgainstSchema(root, coalesced);
            if (err != null) {
                throw new RenderException("values don't meet the specifications of the schema(s) in the following chart(s):\n"
                        + err);
            }
        }
        top.put("Values", coalesced);
        return top;
    }

    private static RenderResult renderResources(ChartNode root, Map<String, Object> top, Capabilities caps,
                                                Options opts, HelmFunctions.Lookup lookup,
                                                PostRenderer postRenderer) {
        String kv = root.metadata().kubeVersion();
        if (!kv.isEmpty() && !Dependencies.isCompatibleRange(kv, caps.kubeVersion().string())) {
            throw new RenderException("chart requires kubeVersion: " + kv + " which is incompatible with Kubernetes "
                    + caps.kubeVersion().version);
        }
        Engine engine = new Engine(new HelmFunctions.Options(opts.strict(), false, opts.enableDns(), lookup));
        Map<String, String> files = new LinkedHashMap<>(engine.render(root, top));
        StringBuilder notes = new StringBuilder();
        String rootNotes = root.name() + "/templates/NOTES.txt";
        for (String k : new ArrayList<>(files.keySet())) {
            if (k.endsWith("NOTES.txt")) {
                if (opts.subNotes() || k.equals(rootNotes)) {
                    if (!notes.isEmpty()) {
                        notes.append('\n');
                    }
                    notes.append(files.get(k));
                }
                files.remove(k);
            }
        }
        if (postRenderer != null) {
            files = postRender(files, postRenderer);
        }
        ManifestSorter.Sorted sorted = ManifestSorter.sort(files);
        return new RenderResult(sorted.manifests(), sorted.hooks(), notes.toString(), root.crdObjects(), root,
                top, files);
    }

    /** Helm's post-render step: merge into one stream, run the post-renderer, split back into files. */
    private static Map<String, String> postRender(Map<String, String> files, PostRenderer postRenderer) {
        String merged;
        try {
            merged = PostRenderStream.merge(files);
        } catch (PostRenderStream.StreamException e) {
            throw new RenderException("error merging manifests: " + e.getMessage(), e);
        }
        String postRendered;
        try {
            postRendered = postRenderer.run(merged);
        } catch (RenderException e) {
            throw new RenderException("error while running post render on files: " + e.getMessage(), e);
        }
        try {
            return new LinkedHashMap<>(PostRenderStream.split(postRendered));
        } catch (PostRenderStream.StreamException e) {
            throw new RenderException("error while parsing post rendered output: " + e.getMessage(), e);
        }
    }
}

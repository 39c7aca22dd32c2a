package dev.charter.chart;

import dev.charter.semver.Version;
import dev.charter.yaml.GoYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Chart.yaml as Helm's {@code Metadata} struct holds it. Empty strings/false/null mean "absent"
 * (Go zero values); lists are null when absent. Field order is the struct order, which is the
 * order of the OCI config JSON.
 */
public record ChartMetadata(String name, String home, List<String> sources, String version, String description,
                            List<String> keywords, List<Maintainer> maintainers, String icon, String apiVersion,
                            String condition, String tags, String appVersion, boolean deprecated,
                            SortedMap<String, String> annotations, String kubeVersion, List<Dependency> dependencies,
                            String type) {

    public static final String API_V1 = "v1";
    public static final String API_V2 = "v2";
    public static final String API_V3 = "v3";

    public ChartMetadata {
        name = nz(name);
        home = nz(home);
        version = nz(version);
        description = nz(description);
        icon = nz(icon);
        apiVersion = nz(apiVersion);
        condition = nz(condition);
        tags = nz(tags);
        appVersion = nz(appVersion);
        kubeVersion = nz(kubeVersion);
        type = nz(type);
        sources = copy(sources);
        keywords = copy(keywords);
        maintainers = copy(maintainers);
        dependencies = copy(dependencies);
        annotations = annotations == null ? null : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(l));
    }

    public ChartMetadata withVersion(String v) {
        return new ChartMetadata(name, home, sources, v, description, keywords, maintainers, icon, apiVersion, condition,
                tags, appVersion, deprecated, annotations, kubeVersion, dependencies, type);
    }

    public ChartMetadata withAppVersion(String v) {
        return new ChartMetadata(name, home, sources, version, description, keywords, maintainers, icon, apiVersion,
                condition, tags, v, deprecated, annotations, kubeVersion, dependencies, type);
    }

    public ChartMetadata withApiVersion(String v) {
        return new ChartMetadata(name, home, sources, version, description, keywords, maintainers, icon, v,
                condition, tags, appVersion, deprecated, annotations, kubeVersion, dependencies, type);
    }

    public ChartMetadata withDependencies(List<Dependency> deps) {
        return new ChartMetadata(name, home, sources, version, description, keywords, maintainers, icon, apiVersion,
                condition, tags, appVersion, deprecated, annotations, kubeVersion, deps, type);
    }

    /** The metadata as Go's {@code json.Marshal} writes it (struct order, omitempty): the OCI config blob. */
    public String toConfigJson() {
        return dev.charter.yaml.GoJsonWriter.write(MetadataJson.metadata(this));
    }

    /** Chart.yaml as Helm re-serialises it ({@code sigs.k8s.io/yaml.Marshal}): keys sorted, no comments. */
    public String toYaml() {
        return GoYaml.marshal(MetadataJson.metadata(this));
    }

    /** The JSON object model (insertion = struct order) used for both serialisations. */
    public Map<String, Object> toJsonModel() {
        return MetadataJson.metadata(this);
    }

    /**
     * Helm's {@code Metadata.Validate}: sanitises strings (whitespace to spaces, non-printables
     * dropped) and checks the required fields, throwing Helm's {@code validation: ...} errors.
     */
    public ChartMetadata validated() {
        ChartMetadata md = new ChartMetadata(Sanitize.string(name), Sanitize.string(home), Sanitize.all(sources), version,
                Sanitize.string(description), Sanitize.all(keywords), maintainers, Sanitize.string(icon), apiVersion,
                Sanitize.string(condition), Sanitize.string(tags), Sanitize.string(appVersion), deprecated, annotations,
                Sanitize.string(kubeVersion), dependencies, type);
        if (md.apiVersion.isEmpty()) {
            throw invalid("chart.metadata.apiVersion is required");
        }
        if (md.name.isEmpty()) {
            throw invalid("chart.metadata.name is required");
        }
        if (md.name.equals(".") || md.name.equals("..")) {
            throw invalid("chart.metadata.name " + GoQuote.quote(md.name) + " is not allowed");
        }
        if (!md.name.equals(GoPath.base(md.name))) {
            throw invalid("chart.metadata.name " + GoQuote.quote(md.name) + " is invalid");
        }
        if (md.version.isEmpty()) {
            throw invalid("chart.metadata.version is required");
        }
        if (!Version.isValid(md.version)) {
            throw invalid("chart.metadata.version " + GoQuote.quote(md.version) + " is invalid");
        }
        if (!(md.type.isEmpty() || md.type.equals("application") || md.type.equals("library"))) {
            throw invalid("chart.metadata.type must be application or library");
        }
        List<Maintainer> ms = null;
        if (md.maintainers != null) {
            ms = new ArrayList<>();
            for (Maintainer m : md.maintainers) {
                if (m == null) {
                    throw invalid("maintainers must not contain empty or null nodes");
                }
                ms.add(new Maintainer(Sanitize.string(m.name()), Sanitize.string(m.email()), Sanitize.string(m.url())));
            }
        }
        List<Dependency> ds = null;
        if (md.dependencies != null) {
            ds = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Dependency d : md.dependencies) {
                if (d == null) {
                    throw invalid("dependencies must not contain empty or null nodes");
                }
                Dependency s = new Dependency(Sanitize.string(d.name()), Sanitize.string(d.version()),
                        Sanitize.string(d.repository()), Sanitize.string(d.condition()), Sanitize.all(d.tags()),
                        d.enabled(), d.importValues(), d.alias());
                if (s.alias() != null && !s.alias().isEmpty() && !s.alias().matches("[a-zA-Z0-9_-]+")) {
                    throw invalid("dependency " + GoQuote.quote(s.name()) + " has disallowed characters in the alias");
                }
                String key = s.alias() != null && !s.alias().isEmpty() ? s.alias() : s.name();
                if (!seen.add(key)) {
                    throw invalid("more than one dependency with name or alias " + GoQuote.quote(key));
                }
                ds.add(s);
            }
        }
        return new ChartMetadata(md.name, md.home, md.sources, md.version, md.description, md.keywords, ms, md.icon,
                md.apiVersion, md.condition, md.tags, md.appVersion, md.deprecated, md.annotations, md.kubeVersion, ds,
                md.type);
    }

    private static ChartException invalid(String message) {
        return new ChartException("validation: " + message);
    }
}

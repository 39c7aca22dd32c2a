package dev.charter.repo;

import dev.charter.chart.ChartMetadata;
import dev.charter.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chart version of an index ({@code repo.ChartVersion}): the chart's metadata fields plus
 * {@code urls}, {@code created}, {@code digest} and {@code removed}. Kept as the decoded map so
 * every field survives a merge; typed accessors cover what Helm reads.
 */
public final class ChartVersion {

    /** Metadata fields in Go struct order, then ChartVersion's own. */
    private static final List<String> FIELDS = List.of("name", "home", "sources", "version", "description", "keywords",
            "maintainers", "icon", "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations",
            "kubeVersion", "dependencies", "type");
    private static final List<String> DEPRECATED_STRINGS = List.of("checksum", "engine", "tillerVersion", "url");

    private final Map<String, Object> fields;
    private Optional<Version> semver;

    ChartVersion(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** A new entry for a packaged chart, as {@code IndexFile.MustAdd} creates it. */
    public static ChartVersion of(ChartMetadata metadata, String url, String digest, String created) {
        Map<String, Object> m = new LinkedHashMap<>(metadata.toJsonModel());
        m.put("urls", new ArrayList<>(List.of(url)));
        m.put("created", created);
        if (digest != null && !digest.isEmpty()) {
            m.put("digest", digest);
        }
        return new ChartVersion(m);
    }

    public String name() {
        return str("name");
    }

    public String version() {
        return str("version");
    }

    public String appVersion() {
        return str("appVersion");
    }

    public String description() {
        return str("description");
    }

    public String apiVersion() {
        return str("apiVersion");
    }

    public String digest() {
        return str("digest");
    }

    public String created() {
        return str("created");
    }

    public boolean deprecated() {
        return Boolean.TRUE.equals(fields.get("deprecated"));
    }

    public List<String> keywords() {
        return strings("keywords");
    }

    public List<String> urls() {
        return strings("urls");
    }

    /** Masterminds' lenient parse of the version, cached. */
    public Optional<Version> semver() {
        if (semver == null) {
            semver = Version.tryParse(version());
        }
        return semver;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    void defaultApiVersion() {
        if (str("apiVersion").isEmpty()) {
            fields.put("apiVersion", "v1");
        }
    }

    /** The subset of Helm's {@code Metadata.Validate} that decides whether an index entry is kept. */
    String validationError() {
        if (name().isEmpty()) {
            return "validation: chart.metadata.name is required";
        }
        if (version().isEmpty()) {
            return "validation: chart.metadata.version is required";
        }
        if (semver().isEmpty()) {
            return "validation: chart.metadata.version " + dev.charter.yaml.GoJson.quote(version()) + " is invalid";
        }
        String type = str("type");
        if (!(type.isEmpty() || type.equals("application") || type.equals("library"))) {
            return "validation: chart.metadata.type must be application or library";
        }
        return null;
    }

    private String str(String key) {
        Object v = fields.get(key);
        return v == null ? "" : v.toString();
    }

    private List<String> strings(String key) {
        if (fields.get(key) instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(x == null ? "" : x.toString()));
            return out;
        }
        return List.of();
    }

    /** The JSON model Go marshals for this entry (omitempty metadata, {@code urls} always, {@code created} as time). */
    public Map<String, Object> toJsonModel() {
        Map<String, Object> o = new dev.charter.yaml.GoJsonWriter.Struct();
        for (String key : FIELDS) {
            Object v = fields.get(key);
            if (v == null || Boolean.FALSE.equals(v) || (v instanceof String s && s.isEmpty())
                    || (v instanceof List<?> l && l.isEmpty()) || (v instanceof Map<?, ?> mm && mm.isEmpty())) {
                continue;
            }
            o.put(key, v);
        }
        Object urls = fields.get("urls");
        o.put("urls", urls);
        o.put("created", GoTimes.normalize(fields.get("created")));
        if (Boolean.TRUE.equals(fields.get("removed"))) {
            o.put("removed", true);
        }
        if (!digest().isEmpty()) {
            o.put("digest", digest());
        }
        for (String key : DEPRECATED_STRINGS) {
            if (!str(key).isEmpty()) {
                o.put(key, str(key));
            }
        }
        return o;
    }
}

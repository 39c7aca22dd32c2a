package dev.charter.kube.release;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.yaml.GoJsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code release/v1.Release}. The chart is kept as the JSON object model Helm stores
 * ({@link ReleaseCharts} builds it from a loaded chart), so releases written by Helm round-trip
 * without loss; {@code config} is the user-supplied values.
 */
public final class Release {
    public String name = "";
    public Info info = new Info();
    /** The stored chart ({@code metadata}, {@code lock}, {@code templates}, {@code values}, {@code schema}, {@code files}); null if absent. */
    public Map<String, Object> chart;
    public Map<String, Object> config;
    public String manifest = "";
    public List<Hook> hooks = new ArrayList<>();
    public int version;
    public String namespace = "";
    /** Custom labels (storage metadata, not in the JSON). */
    public Map<String, String> labels = new LinkedHashMap<>();
    /** "ssa", "csa" or "" (client-side apply, defaulted). */
    public String applyMethod = "";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Go's {@code json.Marshal} of the release. */
    public String toJson() {
        return GoJsonWriter.write(toJsonModel());
    }

    public Map<String, Object> toJsonModel() {
        Map<String, Object> o = new GoJsonWriter.Struct();
        if (!name.isEmpty()) o.put("name", name);
        if (info != null) o.put("info", info.toJson());
        if (chart != null) o.put("chart", chart);
        if (config != null && !config.isEmpty()) o.put("config", config);
        if (!manifest.isEmpty()) o.put("manifest", manifest);
        if (!hooks.isEmpty()) {
            List<Object> hs = new ArrayList<>();
            for (Hook h : hooks) hs.add(h.toJson());
            o.put("hooks", hs);
        }
        if (version != 0) o.put("version", version);
        if (!namespace.isEmpty()) o.put("namespace", namespace);
        if (!applyMethod.isEmpty()) o.put("apply_method", applyMethod);
        return o;
    }

    @SuppressWarnings("unchecked")
    public static Release fromJson(byte[] json) {
        Object tree;
        try {
            tree = structs(MAPPER.readValue(json, Object.class));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!(tree instanceof Map<?, ?> m0)) {
            throw new IllegalArgumentException("json: cannot unmarshal into Go value of type v1.Release");
        }
        Map<String, Object> m = (Map<String, Object>) m0;
        Release r = new Release();
        r.name = Info.str(m.get("name"));
        r.info = Info.fromJson((Map<String, Object>) m.get("info"));
        r.chart = (Map<String, Object>) m.get("chart");
        r.config = (Map<String, Object>) m.get("config");
        r.manifest = Info.str(m.get("manifest"));
        if (m.get("hooks") instanceof List<?> hl) {
            for (Object h : hl) if (h instanceof Map<?, ?> hm) r.hooks.add(Hook.fromJson((Map<String, Object>) hm));
        }
        r.version = m.get("version") instanceof Number n ? n.intValue() : 0;
        r.namespace = Info.str(m.get("namespace"));
        r.applyMethod = Info.str(m.get("apply_method"));
        return r;
    }

    public static Release fromJson(String json) {
        return fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parsed JSON objects keep their order: Go wrote structs in field order and maps sorted. */
    @SuppressWarnings("unchecked")
    static Object structs(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> s = new GoJsonWriter.Struct();
            for (Map.Entry<?, ?> e : m.entrySet()) s.put((String) e.getKey(), structs(e.getValue()));
            return s;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(structs(x));
            return out;
        }
        return v;
    }

    /** A deep copy (through JSON), with the labels copied. */
    public Release copy() {
        Release r = fromJson(toJson());
        r.labels = new LinkedHashMap<>(labels);
        if (info != null && info.resources != null) r.info.resources = info.resources;
        return r;
    }

    // ---- chart accessors (nil-safe like Helm's formatChartName) ----

    @SuppressWarnings("unchecked")
    public Map<String, Object> chartMetadata() {
        return chart == null ? null : (Map<String, Object>) chart.get("metadata");
    }

    public String chartName() {
        Map<String, Object> md = chartMetadata();
        return md == null ? "" : Info.str(md.get("name"));
    }

    public String chartVersion() {
        Map<String, Object> md = chartMetadata();
        return md == null ? "" : Info.str(md.get("version"));
    }

    public String appVersion() {
        Map<String, Object> md = chartMetadata();
        return md == null ? "" : Info.str(md.get("appVersion"));
    }

    /** Helm's {@code formatChartName}: NAME-VERSION, or MISSING. */
    public String formatChartName() {
        return chartMetadata() == null ? "MISSING" : chartName() + "-" + chartVersion();
    }

    public String formatAppVersion() {
        return chartMetadata() == null ? "MISSING" : appVersion();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> chartValues() {
        return chart == null ? null : (Map<String, Object>) chart.get("values");
    }

    public void setStatus(String status, String description) {
        info.status = status;
        info.description = description;
    }
}

package dev.charter.kube.release;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartFile;
import dev.charter.chart.ChartLock;
import dev.charter.chart.Dependency;
import dev.charter.yaml.GoJsonWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The JSON model of a chart as Helm stores it inside a release ({@code chart/v2.Chart}). */
public final class ReleaseCharts {

    private ReleaseCharts() {
    }

    public static Map<String, Object> toJsonModel(Chart c) {
        Map<String, Object> o = new GoJsonWriter.Struct();
        o.put("metadata", c.metadata().toJsonModel());
        o.put("lock", lock(c.lock()));
        o.put("templates", files(c.templates()));
        o.put("values", c.values());
        o.put("schema", c.schema() == null ? null : Base64.getEncoder().encodeToString(c.schema()));
        o.put("schemamodtime", time(c.schemaModTime(), true));
        o.put("files", files(c.files()));
        if (c.modTime() != null && !c.modTime().equals(Instant.EPOCH)) {
            o.put("modtime", time(c.modTime(), true));
        }
        return o;
    }

    /**
     * The chart as Helm stores it after {@code ProcessDependencies}: the root's values and its
     * dependency list (enabled flags, rewritten import-values) as processing left them.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toJsonModel(Chart c, dev.charter.chart.values.ChartNode node) {
        Map<String, Object> o = toJsonModel(c);
        if (node == null || c.metadata().dependencies() == null || c.metadata().dependencies().isEmpty()) return o;
        Map<String, Object> md = (Map<String, Object>) o.get("metadata");
        List<Object> deps = new ArrayList<>();
        for (dev.charter.chart.values.ChartNode.Req d : node.deps()) {
            if (d == null) {
                deps.add(null);
                continue;
            }
            Map<String, Object> m = new GoJsonWriter.Struct();
            m.put("name", d.name == null ? "" : d.name);
            if (d.version != null && !d.version.isEmpty()) m.put("version", d.version);
            m.put("repository", d.repository == null ? "" : d.repository);
            if (d.condition != null && !d.condition.isEmpty()) m.put("condition", d.condition);
            if (d.tags != null && !d.tags.isEmpty()) m.put("tags", d.tags);
            if (d.enabled) m.put("enabled", true);
            if (d.importValues != null && !d.importValues.isEmpty()) m.put("import-values", d.importValues);
            if (d.alias != null && !d.alias.isEmpty()) m.put("alias", d.alias);
            deps.add(m);
        }
        if (md != null && md.containsKey("dependencies")) md.put("dependencies", deps);
        o.put("values", node.values());
        return o;
    }

    private static Object lock(ChartLock l) {
        if (l == null) return null;
        Map<String, Object> o = new GoJsonWriter.Struct();
        o.put("generated", l.generatedText() == null ? "0001-01-01T00:00:00Z" : l.generatedText());
        o.put("digest", l.digest() == null ? "" : l.digest());
        if (l.dependencies() == null) {
            o.put("dependencies", null);
        } else {
            List<Object> deps = new ArrayList<>();
            for (Dependency d : l.dependencies()) deps.add(d == null ? null : dependency(d));
            o.put("dependencies", deps);
        }
        return o;
    }

    private static Map<String, Object> dependency(Dependency d) {
        Map<String, Object> o = new GoJsonWriter.Struct();
        o.put("name", d.name() == null ? "" : d.name());
        if (d.version() != null && !d.version().isEmpty()) o.put("version", d.version());
        o.put("repository", d.repository() == null ? "" : d.repository());
        if (d.condition() != null && !d.condition().isEmpty()) o.put("condition", d.condition());
        if (d.tags() != null && !d.tags().isEmpty()) o.put("tags", d.tags());
        if (d.enabled()) o.put("enabled", true);
        if (d.importValues() != null && !d.importValues().isEmpty()) o.put("import-values", d.importValues());
        if (d.alias() != null && !d.alias().isEmpty()) o.put("alias", d.alias());
        return o;
    }

    private static List<Object> files(List<ChartFile> fs) {
        if (fs.isEmpty()) return null; // a nil slice in Go
        List<Object> out = new ArrayList<>();
        for (ChartFile f : fs) {
            Map<String, Object> o = new GoJsonWriter.Struct();
            o.put("name", f.name());
            o.put("data", Base64.getEncoder().encodeToString(f.data()));
            if (f.modTime() != null && !f.modTime().equals(Instant.EPOCH)) o.put("modtime", time(f.modTime(), true));
            out.add(o);
        }
        return out;
    }

    private static String time(Instant t, boolean local) {
        if (t == null) return "0001-01-01T00:00:00Z";
        return new GoTime(t.atZone(local ? ZoneId.systemDefault() : ZoneId.of("UTC")).toOffsetDateTime()).rfc3339Nano();
    }
}

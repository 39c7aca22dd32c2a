package dev.charter.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON object model of Helm's Metadata/Dependency/Maintainer structs (struct order, omitempty). */
final class MetadataJson {

    private MetadataJson() {
    }

    static Map<String, Object> metadata(ChartMetadata m) {
        Map<String, Object> o = new dev.charter.yaml.GoJsonWriter.Struct();
        str(o, "name", m.name());
        str(o, "home", m.home());
        list(o, "sources", m.sources());
        str(o, "version", m.version());
        str(o, "description", m.description());
        list(o, "keywords", m.keywords());
        if (m.maintainers() != null && !m.maintainers().isEmpty()) {
            List<Object> ms = new ArrayList<>();
            for (Maintainer x : m.maintainers()) {
                if (x == null) {
                    ms.add(null);
                    continue;
                }
                Map<String, Object> mo = new dev.charter.yaml.GoJsonWriter.Struct();
                str(mo, "name", x.name());
                str(mo, "email", x.email());
                str(mo, "url", x.url());
                ms.add(mo);
            }
            o.put("maintainers", ms);
        }
        str(o, "icon", m.icon());
        str(o, "apiVersion", m.apiVersion());
        str(o, "condition", m.condition());
        str(o, "tags", m.tags());
        str(o, "appVersion", m.appVersion());
        if (m.deprecated()) {
            o.put("deprecated", true);
        }
        if (m.annotations() != null && !m.annotations().isEmpty()) {
            o.put("annotations", new LinkedHashMap<>(m.annotations()));
        }
        str(o, "kubeVersion", m.kubeVersion());
        if (m.dependencies() != null && !m.dependencies().isEmpty()) {
            List<Object> ds = new ArrayList<>();
            for (Dependency d : m.dependencies()) {
                ds.add(d == null ? null : dependency(d));
            }
            o.put("dependencies", ds);
        }
        str(o, "type", m.type());
        return o;
    }

    static Map<String, Object> dependency(Dependency d) {
        Map<String, Object> o = new dev.charter.yaml.GoJsonWriter.Struct();
        o.put("name", d.name() == null ? "" : d.name());
        str(o, "version", d.version());
        o.put("repository", d.repository() == null ? "" : d.repository());
        str(o, "condition", d.condition());
        list(o, "tags", d.tags());
        if (d.enabled()) {
            o.put("enabled", true);
        }
        if (d.importValues() != null && !d.importValues().isEmpty()) {
            o.put("import-values", d.importValues());
        }
        str(o, "alias", d.alias());
        return o;
    }

    private static void str(Map<String, Object> o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static void list(Map<String, Object> o, String key, List<String> value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }
}

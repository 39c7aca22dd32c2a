package dev.charter.chart.loader;

import dev.charter.chart.ChartException;
import dev.charter.chart.ChartLock;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.Dependency;
import dev.charter.chart.Maintainer;
import dev.charter.yaml.GoFloat;
import dev.charter.yaml.YamlReader;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes parsed YAML into Helm's structs the way {@code sigs.k8s.io/yaml.Unmarshal} does: YAML
 * scalars aimed at string fields are stringified (floats with 32-bit {@code %g}, so
 * {@code 1.10} becomes {@code "1.1"}), unknown keys are dropped, keys match case-insensitively
 * like encoding/json, and type mismatches produce encoding/json's error text.
 */
final class StructDecoder {

    private final String struct;

    private StructDecoder(String struct) {
        this.struct = struct;
    }

    /** Fills {@code base} (may be null) with Chart.yaml or requirements.yaml content. */
    static ChartMetadata metadata(Object doc, ChartMetadata base) {
        StructDecoder d = new StructDecoder("Metadata");
        Map<String, Object> m = d.object(doc, "v2.Metadata");
        ChartMetadata b = base != null ? base : new ChartMetadata(null, null, null, null, null, null, null, null, null,
                null, null, null, false, null, null, null, null);
        if (m == null) {
            return b;
        }
        return new ChartMetadata(
                d.str(m, "name", b.name()), d.str(m, "home", b.home()), d.strList(m, "sources", b.sources()),
                d.str(m, "version", b.version()), d.str(m, "description", b.description()),
                d.strList(m, "keywords", b.keywords()), d.maintainers(m, b.maintainers()), d.str(m, "icon", b.icon()),
                d.str(m, "apiVersion", b.apiVersion()), d.str(m, "condition", b.condition()), d.str(m, "tags", b.tags()),
                d.str(m, "appVersion", b.appVersion()), d.bool(m, "deprecated", b.deprecated()),
                d.annotations(m, b.annotations()), d.str(m, "kubeVersion", b.kubeVersion()),
                d.dependencies(m, "dependencies", b.dependencies()), d.str(m, "type", b.type()));
    }

    static ChartLock lock(Object doc) {
        StructDecoder d = new StructDecoder("Lock");
        Map<String, Object> m = d.object(doc, "v2.Lock");
        if (m == null) {
            return new ChartLock(null, null, "", null);
        }
        String generated = null;
        Instant instant = null;
        if (find(m, "generated") != null) {
            Object g = find(m, "generated").getValue();
            if (g != null) {
                String text = d.scalarString(g, "generated", "time.Time");
                try {
                    OffsetDateTime t = OffsetDateTime.parse(text);
                    instant = t.toInstant();
                    generated = dev.charter.sprig.GoTime.parsed(t).rfc3339Nano();
                } catch (DateTimeParseException e) {
                    throw new ChartException("parsing time " + dev.charter.chart.GoQuote.quote(text)
                            + " as \"2006-01-02T15:04:05Z07:00\": cannot parse " + dev.charter.chart.GoQuote.quote(text)
                            + " as \"2006\"");
                }
            }
        }
        return new ChartLock(instant, generated, d.str(m, "digest", ""), d.dependencies(m, "dependencies", null));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object doc, String goType) {
        if (doc == null) {
            return null;
        }
        if (!(doc instanceof Map)) {
            throw mismatch(jsonKind(doc), null, goType, true);
        }
        return (Map<String, Object>) doc;
    }

    private static Map.Entry<String, Object> find(Map<String, Object> m, String key) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equals(key)) {
                return e;
            }
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        return null;
    }

    private String str(Map<String, Object> m, String key, String dflt) {
        Map.Entry<String, Object> e = find(m, key);
        if (e == null) {
            return dflt;
        }
        if (e.getValue() == null) {
            return dflt; // JSON null leaves the field untouched
        }
        return scalarString(e.getValue(), key, "string");
    }

    private String scalarString(Object v, String field, String goType) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double dd) {
            return GoFloat.format32(dd);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        throw mismatch(jsonKind(v), field, goType, false);
    }

    private boolean bool(Map<String, Object> m, String key, boolean dflt) {
        Map.Entry<String, Object> e = find(m, key);
        if (e == null || e.getValue() == null) {
            return dflt;
        }
        if (e.getValue() instanceof Boolean b) {
            return b;
        }
        throw mismatch(jsonKind(e.getValue()), key, "bool", false);
    }

    private List<String> strList(Map<String, Object> m, String key, List<String> dflt) {
        Map.Entry<String, Object> e = find(m, key);
        if (e == null || e.getValue() == null) {
            return e == null ? dflt : null;
        }
        if (!(e.getValue() instanceof List<?> l)) {
            throw mismatch(jsonKind(e.getValue()), key, "[]string", false);
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            out.add(o == null ? "" : scalarString(o, key, "string"));
        }
        return out;
    }

    private java.util.SortedMap<String, String> annotations(Map<String, Object> m, java.util.SortedMap<String, String> dflt) {
        Map.Entry<String, Object> e = find(m, "annotations");
        if (e == null || e.getValue() == null) {
            return e == null ? dflt : null;
        }
        if (!(e.getValue() instanceof Map<?, ?> a)) {
            throw mismatch(jsonKind(e.getValue()), "annotations", "map[string]string", false);
        }
        TreeMap<String, String> out = new TreeMap<>(dflt == null ? Map.of() : dflt);
        a.forEach((k, v) -> out.put((String) k, v == null ? "" : scalarString(v, "annotations", "string")));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Maintainer> maintainers(Map<String, Object> m, List<Maintainer> dflt) {
        Map.Entry<String, Object> e = find(m, "maintainers");
        if (e == null || e.getValue() == null) {
            return e == null ? dflt : null;
        }
        if (!(e.getValue() instanceof List<?> l)) {
            throw mismatch(jsonKind(e.getValue()), "maintainers", "[]*v2.Maintainer", false);
        }
        List<Maintainer> out = new ArrayList<>();
        for (Object o : l) {
            if (o == null) {
                out.add(null);
                continue;
            }
            if (!(o instanceof Map)) {
                throw mismatch(jsonKind(o), "maintainers", "v2.Maintainer", false);
            }
            Map<String, Object> mm = (Map<String, Object>) o;
            out.add(new Maintainer(str(mm, "name", ""), str(mm, "email", ""), str(mm, "url", "")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Dependency> dependencies(Map<String, Object> m, String key, List<Dependency> dflt) {
        Map.Entry<String, Object> e = find(m, key);
        if (e == null || e.getValue() == null) {
            return e == null ? dflt : null;
        }
        if (!(e.getValue() instanceof List<?> l)) {
            throw mismatch(jsonKind(e.getValue()), key, "[]*v2.Dependency", false);
        }
        List<Dependency> out = new ArrayList<>();
        for (Object o : l) {
            if (o == null) {
                out.add(null);
                continue;
            }
            if (!(o instanceof Map)) {
                throw mismatch(jsonKind(o), key, "v2.Dependency", false);
            }
            Map<String, Object> dm = (Map<String, Object>) o;
            Map.Entry<String, Object> iv = find(dm, "import-values");
            List<Object> importValues = null;
            if (iv != null && iv.getValue() != null) {
                if (!(iv.getValue() instanceof List<?> ivl)) {
                    throw mismatch(jsonKind(iv.getValue()), "import-values", "[]interface {}", false);
                }
                importValues = (List<Object>) YamlReader.toJsonModel(ivl);
            }
            out.add(new Dependency(str(dm, "name", ""), str(dm, "version", ""), str(dm, "repository", ""),
                    str(dm, "condition", ""), strList(dm, "tags", null), bool(dm, "enabled", false), importValues,
                    str(dm, "alias", "")));
        }
        return out;
    }

    private static String jsonKind(Object v) {
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return "number";
    }

    private ChartException mismatch(String kind, String field, String goType, boolean whole) {
        String where = whole ? "Go value of type " + goType : "Go struct field " + struct + "." + field + " of type " + goType;
        return new ChartException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + kind
                + " into " + where);
    }
}

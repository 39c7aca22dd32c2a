package dev.charter.chart.values;

import dev.charter.template.fmt.GoFmt;
import dev.charter.template.value.GoTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helm's {@code common.Values} helpers over plain Java maps (Helm's JSON model). */
public final class Values {
    private Values() {}

    /** Go's {@code v.(map[string]interface{})} check. */
    public static boolean isTable(Object v) {
        return v instanceof Map;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asTable(Object v) {
        return (Map<String, Object>) v;
    }

    /** copystructure.Copy: deep copy of maps and lists. */
    @SuppressWarnings("unchecked")
    public static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(deepCopy(x));
            }
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> copyTable(Map<String, Object> m) {
        return m == null ? new LinkedHashMap<>() : (Map<String, Object>) deepCopy(m);
    }

    /** Helm's {@code Values.Table}: the nested table at a dotted path, or null (ErrNoTable). */
    public static Map<String, Object> table(Map<String, Object> v, String name) {
        Map<String, Object> t = v;
        for (String n : name.split("\\.", -1)) {
            Object x = t.get(n);
            if (!(x instanceof Map)) {
                return null;
            }
            t = asTable(x);
        }
        return t;
    }

    /** Marker for "no value" in {@link #pathValue}. */
    public static final Object NO_VALUE = new Object();

    /** Helm's {@code Values.PathValue}: a non-table value at a dotted path, or {@link #NO_VALUE}. */
    public static Object pathValue(Map<String, Object> v, String path) {
        String[] parts = path.split("\\.", -1);
        if (parts.length == 1) {
            if (v.containsKey(parts[0]) && !isTable(v.get(parts[0]))) {
                return v.get(parts[0]);
            }
            return NO_VALUE;
        }
        String key = parts[parts.length - 1];
        Map<String, Object> t = table(v, String.join(".", java.util.Arrays.copyOf(parts, parts.length - 1)));
        if (t == null) {
            return NO_VALUE;
        }
        if (t.containsKey(key) && !isTable(t.get(key))) {
            return t.get(key);
        }
        return NO_VALUE;
    }

    /** Helm's loader {@code MergeMaps}: b over a, recursing into maps present in both. */
    public static Map<String, Object> mergeMaps(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, Object> e : b.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map && out.get(e.getKey()) instanceof Map) {
                out.put(e.getKey(), mergeMaps(asTable(out.get(e.getKey())), asTable(v)));
                continue;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Go's {@code %T} of a values node. */
    public static String goType(Object v) {
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        return GoTypes.typeName(v);
    }

    /** Go's {@code %v}. */
    public static String goString(Object v) {
        return GoFmt.format(v, 'v');
    }

    /** Go's {@code %t} of a value that is not necessarily a bool. */
    public static String goBoolVerb(Object v) {
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v == null) {
            return "%!t(<nil>)";
        }
        return "%!t(" + goType(v) + "=" + goString(v) + ")";
    }
}

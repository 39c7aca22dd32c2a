package dev.charter.chart.values;

import static dev.charter.chart.values.Values.asTable;
import static dev.charter.chart.values.Values.isTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Helm's {@code pkg/chart/common/util/coalesce.go}: chart defaults, user values, globals. */
public final class Coalesce {
    private Coalesce() {}

    /** Where Helm's {@code log.Printf} warnings go; ignored by default. */
    private static final Consumer<String> NOWHERE = s -> { };

    private static String concatPrefix(String a, String b) {
        return a.isEmpty() ? b : a + "." + b;
    }

    /** Helm's {@code CoalesceValues}: user values over chart defaults; null deletes. */
    public static Map<String, Object> coalesceValues(ChartNode chart, Map<String, Object> vals) {
        return coalesce(NOWHERE, chart, Values.copyTable(vals), "", false);
    }

    /** Helm's {@code MergeValues}: like coalesce, but nulls are kept. */
    public static Map<String, Object> mergeValues(ChartNode chart, Map<String, Object> vals) {
        return coalesce(NOWHERE, chart, Values.copyTable(vals), "", true);
    }

    private static Map<String, Object> coalesce(Consumer<String> printf, ChartNode ch, Map<String, Object> dest,
                                                String prefix, boolean merge) {
        coalesceValues(printf, ch, dest, prefix, merge);
        return coalesceDeps(printf, ch, dest, prefix, merge);
    }

    private static Map<String, Object> coalesceDeps(Consumer<String> printf, ChartNode ch, Map<String, Object> dest,
                                                    String prefix, boolean merge) {
        for (ChartNode sub : ch.children()) {
            if (!dest.containsKey(sub.name())) {
                dest.put(sub.name(), new LinkedHashMap<String, Object>());
            } else if (!isTable(dest.get(sub.name()))) {
                throw new ValuesException("type mismatch on " + sub.name() + ": " + Values.goBoolVerb(dest.get(sub.name())));
            }
            Map<String, Object> dvmap = asTable(dest.get(sub.name()));
            String subPrefix = concatPrefix(prefix, ch.name());
            coalesceGlobals(printf, dvmap, dest, subPrefix);
            dest.put(sub.name(), coalesce(printf, sub, dvmap, subPrefix, merge));
        }
        return dest;
    }

    private static void coalesceGlobals(Consumer<String> printf, Map<String, Object> dest, Map<String, Object> src,
                                        String prefix) {
        Map<String, Object> dg;
        Map<String, Object> sg;
        if (!dest.containsKey("global")) {
            dg = new LinkedHashMap<>();
        } else if (dest.get("global") instanceof Map) {
            dg = asTable(dest.get("global"));
        } else {
            printf.accept("warning: skipping globals because destination global is not a table.");
            return;
        }
        if (!src.containsKey("global")) {
            sg = new LinkedHashMap<>();
        } else if (src.get("global") instanceof Map) {
            sg = asTable(src.get("global"));
        } else {
            printf.accept("warning: skipping globals because source global is not a table.");
            return;
        }
        for (Map.Entry<String, Object> e : sg.entrySet()) {
            String key = e.getKey();
            Object val = e.getValue();
            if (isTable(val)) {
                Map<String, Object> vv = new LinkedHashMap<>(asTable(val));
                if (!dg.containsKey(key)) {
                    dg.put(key, vv);
                } else if (!(dg.get(key) instanceof Map)) {
                    printf.accept("Conflict: cannot merge map onto non-map for \"" + key + "\". Skipping.");
                } else {
                    coalesceTablesFullKey(printf, vv, asTable(dg.get(key)), concatPrefix(prefix, key), true);
                    dg.put(key, vv);
                }
            } else if (dg.containsKey(key) && isTable(dg.get(key))) {
                printf.accept("key " + key + " is table. Skipping");
            } else {
                dg.put(key, val);
            }
        }
        dest.put("global", dg);
    }

    private static void coalesceValues(Consumer<String> printf, ChartNode c, Map<String, Object> v, String prefix,
                                       boolean merge) {
        String subPrefix = concatPrefix(prefix, c.name());
        Map<String, Object> vc = Values.copyTable(c.values());
        for (Map.Entry<String, Object> e : vc.entrySet()) {
            String key = e.getKey();
            Object val = e.getValue();
            if (v.containsKey(key)) {
                Object value = v.get(key);
                if (value == null && !merge) {
                    v.remove(key);
                } else if (value instanceof Map) {
                    if (!(val instanceof Map)) {
                        if (val != null) {
                            printf.accept("warning: skipped value for " + subPrefix + "." + key + ": Not a table.");
                        }
                    } else {
                        boolean m = childChartMergeTrue(c, key, merge);
                        coalesceTablesFullKey(printf, asTable(value), asTable(val), concatPrefix(subPrefix, key), m);
                    }
                }
            } else {
                v.put(key, val);
            }
        }
    }

    private static boolean childChartMergeTrue(ChartNode c, String key, boolean merge) {
        for (ChartNode sub : c.children()) {
            if (sub.name().equals(key)) {
                return true;
            }
        }
        return merge;
    }

    /** Helm's {@code CoalesceTables}: dst wins, src fills; nulls in dst delete. */
    public static Map<String, Object> coalesceTables(Map<String, Object> dst, Map<String, Object> src) {
        return coalesceTablesFullKey(NOWHERE, dst, src, "", false);
    }

    /** Helm's {@code MergeTables}. */
    public static Map<String, Object> mergeTables(Map<String, Object> dst, Map<String, Object> src) {
        return coalesceTablesFullKey(NOWHERE, dst, src, "", true);
    }

    private static Map<String, Object> coalesceTablesFullKey(Consumer<String> printf, Map<String, Object> dst,
                                                             Map<String, Object> src, String prefix, boolean merge) {
        if (src == null) {
            return dst;
        }
        if (dst == null) {
            return src;
        }
        Set<String> srcOriginalNonNil = new HashSet<>();
        for (Map.Entry<String, Object> e : src.entrySet()) {
            if (e.getValue() != null) {
                srcOriginalNonNil.add(e.getKey());
            }
        }
        for (Map.Entry<String, Object> e : dst.entrySet()) {
            if (e.getValue() == null) {
                src.put(e.getKey(), null);
            }
        }
        for (Map.Entry<String, Object> e : new ArrayList<>(src.entrySet())) {
            String key = e.getKey();
            Object val = e.getValue();
            String fullkey = concatPrefix(prefix, key);
            boolean ok = dst.containsKey(key);
            Object dv = dst.get(key);
            if (ok && !merge && dv == null && srcOriginalNonNil.contains(key)) {
                dst.remove(key);
            } else if (!ok) {
                dst.put(key, val);
            } else if (isTable(val)) {
                if (isTable(dv)) {
                    coalesceTablesFullKey(printf, asTable(dv), asTable(val), fullkey, merge);
                } else {
                    printf.accept("warning: cannot overwrite table with non table for " + fullkey);
                }
            } else if (isTable(dv) && val != null) {
                printf.accept("warning: destination for " + fullkey + " is a table. Ignoring non-table value");
            }
        }
        return dst;
    }

    static List<Object> list(Object o) {
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) o;
        return l;
    }
}

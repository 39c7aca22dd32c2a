package dev.charter.chart.values;

import static dev.charter.chart.values.Values.asTable;
import static dev.charter.chart.values.Values.isTable;

import dev.charter.sprig.semver.Constraints;
import dev.charter.sprig.semver.SemverVersion;
import dev.charter.template.fmt.GoFmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helm's {@code pkg/chart/v2/util/dependencies.go}: alias, condition, tags and import-values. */
public final class Dependencies {
    private Dependencies() {}

    /** Helm's {@code ProcessDependencies}. */
    public static void process(ChartNode c, Map<String, Object> v) {
        processEnabled(c, v, "");
        processImportValuesRec(c, true);
    }

    /** Helm's {@code IsCompatibleRange}. */
    public static boolean isCompatibleRange(String constraint, String version) {
        SemverVersion sv;
        try {
            sv = SemverVersion.parse(version);
        } catch (RuntimeException e) {
            return false;
        }
        Constraints cs;
        try {
            cs = Constraints.parse(constraint);
        } catch (RuntimeException e) {
            return false;
        }
        return cs.check(sv);
    }

    private static void processConditions(List<ChartNode.Req> reqs, Map<String, Object> cvals, String cpath) {
        if (reqs == null) {
            return;
        }
        for (ChartNode.Req r : reqs) {
            for (String c : r.condition.strip().split(",", -1)) {
                if (!c.isEmpty()) {
                    Object vv = Values.pathValue(cvals, cpath + c);
                    if (vv != Values.NO_VALUE && vv instanceof Boolean b) {
                        r.enabled = b;
                        break;
                    }
                }
            }
        }
    }

    private static void processTags(List<ChartNode.Req> reqs, Map<String, Object> cvals) {
        if (reqs == null) {
            return;
        }
        Map<String, Object> vt = Values.table(cvals, "tags");
        if (vt == null) {
            return;
        }
        for (ChartNode.Req r : reqs) {
            boolean hasTrue = false;
            boolean hasFalse = false;
            if (r.tags != null) {
                for (String k : r.tags) {
                    if (vt.get(k) instanceof Boolean b) {
                        if (b) {
                            hasTrue = true;
                        } else {
                            hasFalse = true;
                        }
                    }
                }
            }
            if (!hasTrue && hasFalse) {
                r.enabled = false;
            } else if (hasTrue || !hasFalse) {
                r.enabled = true;
            }
        }
    }

    private static ChartNode aliasDependency(List<ChartNode> charts, ChartNode.Req dep) {
        for (ChartNode c : charts) {
            if (!c.name().equals(dep.name)) {
                continue;
            }
            if (!isCompatibleRange(dep.version, c.metadata().version())) {
                continue;
            }
            ChartNode out = c.copy();
            if (!dep.alias.isEmpty()) {
                out.setName(dep.alias);
            }
            return out;
        }
        return null;
    }

    private static void processEnabled(ChartNode c, Map<String, Object> v, String path) {
        if (c.deps() == null) {
            return;
        }
        List<ChartNode> chartDependencies = new ArrayList<>();
        loop:
        for (ChartNode existing : c.children()) {
            for (ChartNode.Req req : c.deps()) {
                if (req != null && existing.name().equals(req.name)
                        && isCompatibleRange(req.version, existing.metadata().version())) {
                    continue loop;
                }
            }
            chartDependencies.add(existing);
        }
        for (ChartNode.Req req : c.deps()) {
            if (req == null) {
                continue;
            }
            ChartNode cd = aliasDependency(c.children(), req);
            if (cd != null) {
                chartDependencies.add(cd);
            }
            if (!req.alias.isEmpty()) {
                req.name = req.alias;
            }
        }
        c.setChildren(chartDependencies);
        for (ChartNode.Req lr : c.deps()) {
            if (lr != null) {
                lr.enabled = true;
            }
        }
        Map<String, Object> cvals = Coalesce.coalesceValues(c, v);
        processTags(c.deps(), cvals);
        processConditions(c.deps(), cvals, path);
        Set<String> rm = new HashSet<>();
        for (ChartNode.Req r : c.deps()) {
            if (r != null && !r.enabled) {
                rm.add(r.name);
            }
        }
        List<ChartNode> cd = new ArrayList<>();
        for (ChartNode n : c.children()) {
            if (!rm.contains(n.name())) {
                cd.add(n);
            }
        }
        List<ChartNode.Req> cdMetadata = new ArrayList<>();
        for (ChartNode.Req n : c.deps()) {
            if (n == null || !rm.contains(n.name)) {
                cdMetadata.add(n);
            }
        }
        for (ChartNode t : cd) {
            processEnabled(t, cvals, path + t.name() + ".");
        }
        c.setDeps(cdMetadata.isEmpty() ? null : cdMetadata);
        c.setChildren(cd);
    }

    private static Map<String, Object> pathToMap(String path, Map<String, Object> data) {
        if (path.equals(".")) {
            return data;
        }
        String[] parts = path.split("\\.", -1);
        Map<String, Object> cur = data;
        for (int i = parts.length - 1; i >= 0; i--) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(parts[i], cur);
            cur = m;
        }
        return cur;
    }

    private static void processImportValues(ChartNode c, boolean merge) {
        if (c.deps() == null) {
            return;
        }
        Map<String, Object> cvals = merge ? Coalesce.mergeValues(c, null) : Coalesce.coalesceValues(c, null);
        Map<String, Object> b = new LinkedHashMap<>();
        for (ChartNode.Req r : c.deps()) {
            if (r == null) {
                continue;
            }
            List<Object> outiv = null;
            if (r.importValues != null) {
                for (Object riv : r.importValues) {
                    if (riv instanceof Map<?, ?> iv) {
                        String child = GoFmt.format(iv.get("child"), 'v');
                        String parent = GoFmt.format(iv.get("parent"), 'v');
                        if (iv.get("child") == null) {
                            child = "<nil>";
                        }
                        if (iv.get("parent") == null) {
                            parent = "<nil>";
                        }
                        Map<String, Object> o = new StringMapOut();
                        o.put("child", child);
                        o.put("parent", parent);
                        if (outiv == null) {
                            outiv = new ArrayList<>();
                        }
                        outiv.add(o);
                        Map<String, Object> vv = Values.table(cvals, r.name + "." + child);
                        if (vv == null) {
                            continue;
                        }
                        Map<String, Object> src = pathToMap(parent, vv);
                        b = merge ? Coalesce.mergeTables(b, src) : Coalesce.coalesceTables(b, src);
                    } else if (riv instanceof String iv) {
                        String child = "exports." + iv;
                        Map<String, Object> o = new StringMapOut();
                        o.put("child", child);
                        o.put("parent", ".");
                        if (outiv == null) {
                            outiv = new ArrayList<>();
                        }
                        outiv.add(o);
                        Map<String, Object> vm = Values.table(cvals, r.name + "." + child);
                        if (vm == null) {
                            continue;
                        }
                        b = merge ? Coalesce.mergeTables(b, vm) : Coalesce.coalesceTables(b, vm);
                    }
                }
            }
            r.importValues = outiv;
        }
        if (merge) {
            c.setValues(Coalesce.mergeTables(Values.copyTable(cvals), b));
        } else {
            c.setValues(Coalesce.coalesceTables(trimNil(cvals), b));
        }
    }

    private static Map<String, Object> trimNil(Map<String, Object> vals) {
        Map<String, Object> copy = Values.copyTable(vals);
        for (String key : new ArrayList<>(copy.keySet())) {
            Object val = copy.get(key);
            if (val == null) {
                copy.remove(key);
            } else if (isTable(val)) {
                copy.put(key, trimNil(asTable(val)));
            }
        }
        return copy;
    }

    private static void processImportValuesRec(ChartNode c, boolean merge) {
        for (ChartNode d : c.children()) {
            processImportValuesRec(d, merge);
        }
        processImportValues(c, merge);
    }

    /** Go's {@code map[string]string}. */
    @dev.charter.template.value.GoTypeName("map[string]string")
    static final class StringMapOut extends LinkedHashMap<String, Object> {
    }
}

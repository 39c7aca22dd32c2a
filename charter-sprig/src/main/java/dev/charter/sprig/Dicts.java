package dev.charter.sprig;

import dev.charter.template.value.GoTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sprig's dict functions (dict.go) with mergo v1.0.1 map-merge semantics. */
final class Dicts {
    private Dicts() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> m(Object o) {
        return (Map<String, Object>) o;
    }

    static Object get(Map<String, Object> d, String key) {
        if (d != null && d.containsKey(key)) {
            return d.get(key);
        }
        return "";
    }

    static Map<String, Object> set(Map<String, Object> d, String key, Object value) {
        if (d == null) {
            throw new SprigException("assignment to entry in nil map");
        }
        d.put(key, value);
        return d;
    }

    static Map<String, Object> unset(Map<String, Object> d, String key) {
        if (d != null) {
            d.remove(key);
        }
        return d;
    }

    static boolean hasKey(Map<String, Object> d, String key) {
        return d != null && d.containsKey(key);
    }

    static List<Object> pluck(String key, List<Object> dicts) {
        List<Object> res = new ArrayList<>();
        for (Object o : dicts) {
            Map<String, Object> d = m(o);
            if (d != null && d.containsKey(key)) {
                res.add(d.get(key));
            }
        }
        return res;
    }

    static GoSlice keys(List<Object> dicts) {
        List<String> k = new ArrayList<>();
        for (Object o : dicts) {
            if (o != null) {
                k.addAll(m(o).keySet());
            }
        }
        return GoSlice.strings(k);
    }

    static Map<String, Object> pick(Map<String, Object> dict, List<Object> keys) {
        Map<String, Object> res = new LinkedHashMap<>();
        for (Object k : keys) {
            if (dict != null && dict.containsKey((String) k)) {
                res.put((String) k, dict.get(k));
            }
        }
        return res;
    }

    static Map<String, Object> omit(Map<String, Object> dict, List<Object> keys) {
        Set<Object> omit = new HashSet<>(keys);
        Map<String, Object> res = new LinkedHashMap<>();
        if (dict != null) {
            for (Map.Entry<String, Object> e : dict.entrySet()) {
                if (!omit.contains(e.getKey())) {
                    res.put(e.getKey(), e.getValue());
                }
            }
        }
        return res;
    }

    static Map<String, Object> dict(List<Object> v) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < v.size(); i += 2) {
            String key = Go.strval(v.get(i));
            d.put(key, i + 1 >= v.size() ? "" : v.get(i + 1));
        }
        return d;
    }

    static List<Object> values(Map<String, Object> dict) {
        return dict == null ? new ArrayList<>() : new ArrayList<>(dict.values());
    }

    static Object merge(Map<String, Object> dst, List<Object> srcs, boolean overwrite) {
        for (Object src : srcs) {
            if (src == null) {
                continue; // typed nil map: nothing to merge
            }
            if (dst == null) {
                dst = new LinkedHashMap<>();
            }
            mergeMap(dst, m(src), overwrite);
        }
        return dst;
    }

    private static boolean isEmptyValue(Object v) {
        return Go.empty(v);
    }

    private static void mergeMap(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {

        for (Map.Entry<String, Object> e : new ArrayList<>(src.entrySet())) {
            String key = e.getKey();
            Object srcEl = e.getValue();
            boolean dstHas = dst.containsKey(key);
            Object dstEl = dst.get(key);
            if (srcEl == null || srcEl instanceof GoSlice gs && gs.isNil()) {
                if (overwrite) {
                    dst.put(key, srcEl);
                }
                continue;
            }
            if (srcEl instanceof Map<?, ?> srcMap) {
                if (dstHas && dstEl instanceof Map<?, ?> dstMap) {
                    mergeMap(m(dstMap), m(srcMap), overwrite);
                }
            } else if (Go.isList(srcEl)) {
                Object dstSlice;
                if (!dstHas || dstEl == null) {
                    dstSlice = new ArrayList<>();
                } else {
                    dstSlice = dstEl;
                }
                if (overwrite || dst.isEmpty()) {
                    dstSlice = srcEl;
                }
                dst.put(key, dstSlice);
            }
            if (dstHas && !isEmptyValue(dstEl)) {
                if (Go.isList(srcEl)) {
                    continue;
                }
                if (srcEl instanceof Map && dstEl instanceof Map) {
                    continue;
                }
            }
            if (overwrite || !dstHas || isEmptyValue(dstEl)) {
                dst.put(key, srcEl);
            }
        }
    }

    static Object deepCopyChecked(Object v) {
        if (v == null) {
            throw new SprigException("reflect: call of reflect.Value.Type on zero Value");
        }
        return deepCopy(v);
    }

    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> mp) {
            Map<String, Object> out = mp instanceof GoMap gm ? new GoMap(gm.goType()) : new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : mp.entrySet()) {
                out.put((String) e.getKey(), deepCopy(e.getValue()));
            }
            return out;
        }
        if (v instanceof GoSlice gs) {
            if (gs.isNil()) {
                return gs;
            }
            List<Object> out = new ArrayList<>();
            for (Object o : gs) {
                out.add(deepCopy(o));
            }
            return GoSlice.of(gs.goType(), out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(deepCopy(o));
            }
            return out;
        }
        return v;
    }

    static Object dig(List<Object> ps) {
        if (ps.size() < 3) {
            throw new SprigException("dig needs at least three arguments");
        }
        Object d = ps.get(ps.size() - 1);
        Map<String, Object> dict = assertMap(d);
        Object def = ps.get(ps.size() - 2);
        List<String> ks = new ArrayList<>();
        for (int i = 0; i < ps.size() - 2; i++) {
            Object k = ps.get(i);
            if (!(k instanceof String s)) {
                throw new SprigException("interface conversion: interface {} is " + Go.typeName(k) + ", not string");
            }
            ks.add(s);
        }
        for (int i = 0; ; i++) {
            String k = ks.get(i);
            if (!dict.containsKey(k)) {
                return def;
            }
            Object step = dict.get(k);
            if (i == ks.size() - 1) {
                return step;
            }
            dict = assertMap(step);
        }
    }

    private static Map<String, Object> assertMap(Object d) {
        String t = d == null ? "nil" : GoTypes.typeName(d);
        if (!(d instanceof Map) || !t.equals("map[string]interface {}")) {
            throw new SprigException("interface conversion: interface {} is " + t + ", not map[string]interface {}");
        }
        return m(d);
    }
}

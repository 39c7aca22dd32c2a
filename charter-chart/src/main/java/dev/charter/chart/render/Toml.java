package dev.charter.chart.render;

import dev.charter.template.fmt.FloatFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** BurntSushi/toml as Helm's toToml/fromToml use it (the common subset). */
final class Toml {
    private Toml() {}

    static String encode(Object v) {
        Object m = HelmFunctions.jsonModel(v);
        if (!(m instanceof Map<?, ?> map)) {
            return "toml: top-level values must be Go maps or structs";
        }
        StringBuilder sb = new StringBuilder();
        try {
            table(sb, map, new ArrayList<>(), 0);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return sb.toString();
    }

    private static boolean isTable(Object v) {
        return v instanceof Map;
    }

    private static boolean isArrayOfTables(Object v) {
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            return false;
        }
        for (Object x : l) {
            if (!(x instanceof Map)) {
                return false;
            }
        }
        return true;
    }

    private static void table(StringBuilder sb, Map<?, ?> m, List<String> path, int depth) {
        Map<String, Object> sorted = new TreeMap<>();
        m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
        String indent = "  ".repeat(depth);
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            Object x = e.getValue();
            if (x == null || isTable(x) || isArrayOfTables(x)) {
                continue;
            }
            sb.append(indent).append(key(e.getKey())).append(" = ").append(value(x)).append('\n');
        }
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            Object x = e.getValue();
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            String subIndent = "  ".repeat(depth);
            if (isTable(x)) {
                sb.append('\n').append(subIndent).append('[').append(joinKeys(sub)).append("]\n");
                table(sb, (Map<?, ?>) x, sub, depth + 1);
            } else if (isArrayOfTables(x)) {
                for (Object t : (List<?>) x) {
                    sb.append('\n').append(subIndent).append("[[").append(joinKeys(sub)).append("]]\n");
                    table(sb, (Map<?, ?>) t, sub, depth + 1);
                }
            }
        }
    }

    private static String joinKeys(List<String> keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(key(k));
        }
        return b.toString();
    }

    private static String key(String k) {
        if (!k.isEmpty() && k.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-')) {
            return k;
        }
        return quote(k);
    }

    private static String value(Object v) {
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            String s = FloatFormat.format(d, 'f', -1, 64);
            if (Math.abs(d) >= 1e16 || (Math.abs(d) < 1e-4 && d != 0)) {
                s = FloatFormat.format(d, 'e', -1, 64);
            }
            return s.contains(".") || s.contains("e") ? s : s + ".0";
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                if (l.get(i) == null) {
                    throw new IllegalArgumentException("toml: cannot encode array with nil element");
                }
                b.append(value(l.get(i)));
            }
            return b.append(']').toString();
        }
        return quote(String.valueOf(v));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A small TOML reader: tables, arrays of tables, strings, numbers, booleans, arrays. */
    static Map<String, Object> decode(String text) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> cur = root;
        int lineNo = 0;
        try {
            for (String raw : text.split("\n", -1)) {
                lineNo++;
                String line = stripComment(raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("[[") && line.endsWith("]]")) {
                    List<String> path = splitKey(line.substring(2, line.length() - 2).strip());
                    Map<String, Object> parent = walk(root, path.subList(0, path.size() - 1));
                    String last = path.get(path.size() - 1);
                    @SuppressWarnings("unchecked")
                    List<Object> arr = (List<Object>) parent.computeIfAbsent(last, k -> new ArrayList<>());
                    Map<String, Object> t = new LinkedHashMap<>();
                    arr.add(t);
                    cur = t;
                } else if (line.startsWith("[") && line.endsWith("]")) {
                    cur = walk(root, splitKey(line.substring(1, line.length() - 1).strip()));
                } else {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("expected key separator '='");
                    }
                    List<String> path = splitKey(line.substring(0, eq).strip());
                    Map<String, Object> t = walk(cur, path.subList(0, path.size() - 1));
                    int[] pos = {0};
                    String rest = line.substring(eq + 1).strip();
                    t.put(path.get(path.size() - 1), parseValue(rest, pos));
                }
            }
        } catch (RuntimeException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Error", "toml: line " + lineNo + ": " + e.getMessage());
            return m;
        }
        return root;
    }

    private static String stripComment(String s) {
        boolean inStr = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                inStr = !inStr;
            } else if (c == '#' && !inStr) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private static List<String> splitKey(String k) {
        List<String> out = new ArrayList<>();
        for (String p : k.split("\\.")) {
            p = p.strip();
            if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
                p = p.substring(1, p.length() - 1);
            }
            out.add(p);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> walk(Map<String, Object> m, List<String> path) {
        Map<String, Object> cur = m;
        for (String p : path) {
            Object x = cur.get(p);
            if (x instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) instanceof Map) {
                cur = (Map<String, Object>) l.get(l.size() - 1);
            } else if (x instanceof Map) {
                cur = (Map<String, Object>) x;
            } else {
                Map<String, Object> n = new LinkedHashMap<>();
                cur.put(p, n);
                cur = n;
            }
        }
        return cur;
    }

    private static Object parseValue(String s, int[] pos) {
        s = s.substring(pos[0]).strip();
        pos[0] = 0;
        if (s.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            int i = 1;
            for (; i < s.length() && s.charAt(i) != '"'; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    char n = s.charAt(++i);
                    switch (n) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case '"' -> b.append('"');
                        case '\\' -> b.append('\\');
                        default -> b.append('\\').append(n);
                    }
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
        if (s.startsWith("'")) {
            int end = s.indexOf('\'', 1);
            return s.substring(1, end < 0 ? s.length() : end);
        }
        if (s.startsWith("[")) {
            List<Object> out = new ArrayList<>();
            String body = s.substring(1, s.lastIndexOf(']')).strip();
            if (!body.isEmpty()) {
                for (String part : body.split(",")) {
                    if (!part.isBlank()) {
                        out.add(parseValue(part.strip(), new int[] {0}));
                    }
                }
            }
            return out;
        }
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        String n = s.replace("_", "");
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(n);
            } catch (NumberFormatException e2) {
                throw new IllegalArgumentException("expected value but found " + s);
            }
        }
    }
}

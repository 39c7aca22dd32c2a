package dev.charter.chart.render;

import dev.charter.yaml.GoFloat;
import dev.charter.yaml.GoYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helm's toYamlPretty (go-yaml v3 encoder, indent 2): like toYaml but with sequences indented
 * under their keys. Scalars are written by {@link GoYaml}.
 */
final class PrettyYaml {
    private PrettyYaml() {}

    static String marshal(Object v) {
        StringBuilder sb = new StringBuilder();
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            mapping(sb, m, 0);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sequence(sb, l, 0);
        } else {
            sb.append(scalar(v, 0)).append('\n');
        }
        String s = sb.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static void mapping(StringBuilder sb, Map<?, ?> m, int indent) {
        Map<String, Object> sorted = new TreeMap<>();
        m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                sb.append(" ".repeat(indent));
            }
            first = false;
            sb.append(scalar(e.getKey(), indent)).append(':');
            Object x = e.getValue();
            if (x instanceof Map<?, ?> xm && !xm.isEmpty()) {
                sb.append('\n').append(" ".repeat(indent + 2));
                mapping(sb, xm, indent + 2);
            } else if (x instanceof List<?> xl && !xl.isEmpty()) {
                sb.append('\n').append(" ".repeat(indent + 2));
                sequence(sb, xl, indent + 2);
            } else {
                sb.append(' ').append(scalar(x, indent)).append('\n');
            }
        }
    }

    private static void sequence(StringBuilder sb, List<?> l, int indent) {
        boolean first = true;
        for (Object x : l) {
            if (!first) {
                sb.append(" ".repeat(indent));
            }
            first = false;
            sb.append("- ");
            if (x instanceof Map<?, ?> xm && !xm.isEmpty()) {
                mapping(sb, xm, indent + 2);
            } else if (x instanceof List<?> xl && !xl.isEmpty()) {
                sequence(sb, xl, indent + 2);
            } else {
                sb.append(scalar(x, indent)).append('\n');
            }
        }
    }

    private static String scalar(Object v, int indent) {
        String s;
        if (v instanceof Double || v instanceof Float) {
            // go-yaml v3 writes float64 with strconv 'g' (1e+06), not through JSON like toYaml
            double d = ((Number) v).doubleValue();
            s = Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : GoFloat.format64(d);
        } else {
            s = GoYaml.marshalUnfolded(v);
        }
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (lines.size() == 1) {
            return s;
        }
        StringBuilder b = new StringBuilder(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            b.append('\n');
            if (!lines.get(i).isEmpty()) {
                b.append(" ".repeat(indent)).append(lines.get(i));
            }
        }
        return b.toString();
    }
}

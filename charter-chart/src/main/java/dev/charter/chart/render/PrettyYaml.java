package dev.charter.chart.render;

import dev.charter.yaml.GoFloat;
import dev.charter.yaml.GoYaml;
import java.nio.charset.StandardCharsets;
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
            Object x = e.getValue();
            if (!simpleKey(e.getKey())) {
                // the emitter's check_simple_key: multi-line or over 128 bytes → "? key" / ": value"
                sb.append("? ").append(scalar(e.getKey(), indent)).append('\n')
                        .append(" ".repeat(indent)).append(':');
                if (x instanceof Map<?, ?> xm && !xm.isEmpty()) {
                    sb.append(' ');
                    mapping(sb, xm, indent + 2);
                } else if (x instanceof List<?> xl && !xl.isEmpty()) {
                    sb.append(' ');
                    sequence(sb, xl, indent + 2);
                } else {
                    sb.append(' ').append(scalar(x, indent)).append('\n');
                }
                continue;
            }
            sb.append(scalar(e.getKey(), indent)).append(':');
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

    /** go-yaml's check_simple_key for a plain string key: one line and at most 128 UTF-8 bytes. */
    private static boolean simpleKey(String k) {
        if (k.getBytes(StandardCharsets.UTF_8).length > 128) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /**
     * A scalar as go-yaml v3 writes it. v3 differs from v2 (whose rules {@link GoYaml} implements) in
     * one place that matters here: a tab no longer forbids the literal block style, so a multi-line
     * string with tabs stays {@code |} instead of becoming double-quoted. The tabs are analysed as a
     * printable placeholder and put back.
     */
    private static String literal(Object v) {
        if (v instanceof String str && str.indexOf('\t') >= 0 && str.indexOf('\n') >= 0
                && str.indexOf(TAB_STAND_IN) < 0) {
            String s = GoYaml.marshalUnfolded(str.replace('\t', TAB_STAND_IN));
            if (s.startsWith("|")) {
                return s.replace(TAB_STAND_IN, '\t');
            }
        }
        return GoYaml.marshalUnfolded(v);
    }

    /** A private-use character: printable to go-yaml, not a space, no indicator. */
    private static final char TAB_STAND_IN = '\uE000';

    private static String scalar(Object v, int indent) {
        String s;
        if (v instanceof Double || v instanceof Float) {
            // go-yaml v3 writes float64 with strconv 'g' (1e+06), not through JSON like toYaml
            double d = ((Number) v).doubleValue();
            s = Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : GoFloat.format64(d);
        } else {
            s = literal(v);
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

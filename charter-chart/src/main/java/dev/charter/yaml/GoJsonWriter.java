package dev.charter.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON exactly as Go's {@code json.Marshal} writes it: Go structs keep their field order
 * ({@link Struct}), every other map is written with sorted keys, strings HTML-escaped, no
 * trailing newline.
 */
public final class GoJsonWriter {

    /** A JSON object standing for a Go struct: keys stay in insertion (field) order. */
    public static final class Struct extends LinkedHashMap<String, Object> {
    }

    private GoJsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        append(b, value);
        return b.toString();
    }

    private static void append(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            GoJson.appendString(b, s);
        } else if (v instanceof Boolean bool) {
            b.append(bool);
        } else if (v instanceof Double || v instanceof Float) {
            b.append(floatText(((Number) v).doubleValue()));
        } else if (v instanceof BigDecimal bd) {
            b.append(floatText(bd.doubleValue()));
        } else if (v instanceof Number n) {
            b.append(n instanceof BigInteger bi ? bi.toString() : Long.toString(n.longValue()));
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            m.forEach((k, val) -> entries.add(Map.entry(String.valueOf(k), val == null ? NULL : val)));
            if (!(m instanceof Struct)) {
                entries.sort((x, y) -> compareBytes(x.getKey(), y.getKey()));
            }
            b.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                GoJson.appendString(b, entries.get(i).getKey());
                b.append(':');
                Object val = entries.get(i).getValue();
                append(b, val == NULL ? null : val);
            }
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            int i = 0;
            for (Object o : c) {
                if (i++ > 0) {
                    b.append(',');
                }
                append(b, o);
            }
            b.append(']');
        } else {
            GoJson.appendString(b, v.toString());
        }
    }

    private static final Object NULL = new Object();

    /** Go orders map keys by their UTF-8 bytes. */
    public static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** encoding/json's float64 format: %f for 1e-6 <= |x| < 1e21, else %e with a short exponent. */
    static String floatText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + GoFloat.format64(d));
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        double abs = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (abs >= 1e-6 && abs < 1e21) {
            String s = shortest.toPlainString();
            return s;
        }
        String g = GoFloat.format64(d); // already %e form for these magnitudes
        int e = g.indexOf('e');
        String mant = g.substring(0, e);
        String exp = g.substring(e + 1);
        char sign = exp.charAt(0);
        String digits = exp.substring(1).replaceFirst("^0(?=\\d)", "");
        return mant + "e" + (sign == '-' ? "-" : "+") + digits;
    }
}

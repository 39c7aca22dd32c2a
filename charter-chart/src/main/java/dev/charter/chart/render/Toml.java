package dev.charter.chart.render;

import dev.charter.sprig.GoTime;
import dev.charter.template.fmt.FloatFormat;
import dev.charter.template.value.GoInt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's toToml: BurntSushi/toml v1.6.0's {@code Encoder} with its default two-space indent. The
 * walk mirrors encode.go: in every table the keys without sub-tables come first (sorted), then the
 * tables and arrays of tables (sorted); top-level tables are preceded by a blank line, nested
 * headers are indented by depth; arrays holding anything but tables are written inline, maps
 * inside them as inline tables. {@link TomlDecoder} is the other direction.
 */
final class Toml {
    private Toml() {}

    /** TOML's value kinds as encode.go's tomlTypeOfGo classifies them. */
    private enum Kind { NONE, SCALAR, ARRAY, HASH, ARRAY_HASH }

    /** A Go error inside the encoder (encPanic); toToml returns its text. */
    private static final class EncodeError extends RuntimeException {
        EncodeError(String message) {
            super(message, null, false, false);
        }
    }

    static String encode(Object v) {
        Object m = model(v);
        StringBuilder sb = new StringBuilder();
        try {
            if (m instanceof Map<?, ?> map) {
                mapBody(sb, map, new ArrayList<>(), false);
            } else if (m instanceof List<?> l) {
                if (kind(l) == Kind.ARRAY_HASH) {
                    throw new EncodeError("toml: top-level values must be Go maps or structs");
                }
                // writeKeyValue with an empty key writes the bare element, without a newline
                element(sb, l);
            } else if (m != null) {
                element(sb, m);
            }
        } catch (EncodeError e) {
            return e.getMessage();
        }
        return sb.toString();
    }

    /** The value as Go's reflection would see Helm's data: maps, slices, int64, float64, time.Time. */
    private static Object model(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double || v instanceof Float
                || v instanceof GoTime || v instanceof BigInteger || v instanceof GoInt) {
            return v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), model(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(model(x));
            }
            return out;
        }
        if (v instanceof Object[] arr) {
            return model(List.of(arr));
        }
        if (v instanceof byte[] b) {
            // []byte is a slice of uint8 to reflection: an array of integers
            List<Object> out = new ArrayList<>(b.length);
            for (byte x : b) {
                out.add((long) (x & 0xff));
            }
            return out;
        }
        Object j = HelmFunctions.jsonModel(v);
        return j == v ? String.valueOf(v) : model(j);
    }

    private static Kind kind(Object v) {
        if (v == null) {
            return Kind.NONE;
        }
        if (v instanceof Map) {
            return Kind.HASH;
        }
        if (v instanceof List<?> l) {
            return isTableArray(l) ? Kind.ARRAY_HASH : Kind.ARRAY;
        }
        return Kind.SCALAR;
    }

    /** encode.go's isTableArray: every element a table; a nil element anywhere is an error. */
    private static boolean isTableArray(List<?> l) {
        if (l.isEmpty()) {
            return false;
        }
        boolean all = true;
        for (Object x : l) {
            Kind k = kind(x);
            if (k == Kind.NONE) {
                throw new EncodeError("toml: cannot encode array with nil element");
            }
            all &= k == Kind.HASH;
        }
        return all;
    }

    private static boolean isTable(Object v) {
        Kind k = kind(v);
        return k == Kind.HASH || k == Kind.ARRAY_HASH;
    }

    /** eMap: direct keys first, then sub-tables; both sorted by Go string order (UTF-8 bytes). */
    private static void mapBody(StringBuilder sb, Map<?, ?> m, List<String> key, boolean inline) {
        List<String> direct = new ArrayList<>();
        List<String> sub = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            (isTable(e.getValue()) ? sub : direct).add(String.valueOf(e.getKey()));
        }
        direct.sort(Toml::goCompare);
        sub.sort(Toml::goCompare);
        if (inline) {
            sb.append('{');
        }
        writeKeys(sb, m, key, direct, inline, !sub.isEmpty());
        writeKeys(sb, m, key, sub, inline, false);
        if (inline) {
            sb.append('}');
        }
    }

    private static void writeKeys(StringBuilder sb, Map<?, ?> m, List<String> key, List<String> keys, boolean inline,
            boolean trailingComma) {
        for (int i = 0; i < keys.size(); i++) {
            Object val = m.get(keys.get(i));
            if (val == null) {
                continue;
            }
            if (inline) {
                sb.append(bareOrQuoted(keys.get(i))).append(" = ");
                element(sb, val);
                // Go's condition: a nil last value still leaves the comma of the one before
                if (trailingComma || i != keys.size() - 1) {
                    sb.append(", ");
                }
            } else {
                List<String> k = new ArrayList<>(key);
                k.add(keys.get(i));
                encodeKey(sb, k, val);
            }
        }
    }

    private static void encodeKey(StringBuilder sb, List<String> key, Object val) {
        switch (kind(val)) {
            case HASH -> {
                if (key.size() == 1) {
                    newline(sb);
                }
                sb.append(indent(key)).append('[').append(keyString(key)).append(']');
                newline(sb);
                mapBody(sb, (Map<?, ?>) val, key, false);
            }
            case ARRAY_HASH -> {
                for (Object t : (List<?>) val) {
                    newline(sb);
                    sb.append(indent(key)).append("[[").append(keyString(key)).append("]]");
                    newline(sb);
                    mapBody(sb, (Map<?, ?>) t, key, false);
                }
            }
            case NONE -> { }
            default -> {
                sb.append(indent(key)).append(bareOrQuoted(key.get(key.size() - 1))).append(" = ");
                element(sb, val);
                newline(sb);
            }
        }
    }

    /** Go's enc.newline(): nothing before the first byte of output. */
    private static void newline(StringBuilder sb) {
        if (!sb.isEmpty()) {
            sb.append('\n');
        }
    }

    private static String indent(List<String> key) {
        return "  ".repeat(key.size() - 1);
    }

    private static void element(StringBuilder sb, Object v) {
        if (v instanceof String s) {
            sb.append('"').append(escape(s)).append('"');
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Long || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof GoInt g) {
            sb.append(g.unsigned() ? Long.toUnsignedString(g.bits()) : Long.toString(g.bits()));
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                sb.append(Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan");
            } else if (Double.isInfinite(d)) {
                sb.append(d < 0 ? "-inf" : "inf");
            } else {
                String s = FloatFormat.format(d, 'g', -1, v instanceof Float ? 32 : 64);
                sb.append(s.indexOf('e') >= 0 || s.indexOf('.') >= 0 ? s : s + ".0");
            }
        } else if (v instanceof GoTime t) {
            sb.append(TomlDecoder.formatTime(t));
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                element(sb, l.get(i));
                if (i != l.size() - 1) {
                    sb.append(", ");
                }
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            mapBody(sb, m, List.of(), true);
        } else if (v == null) {
            // a nil interface inside an inline array: Go's reflection fails on it
            throw new EncodeError("toml: cannot encode array with nil element");
        } else {
            sb.append('"').append(escape(String.valueOf(v))).append('"');
        }
    }

    /** Key.String(): dotted, each part bare when it only has A-Za-z0-9_- characters. */
    private static String keyString(List<String> key) {
        StringBuilder b = new StringBuilder();
        for (String k : key) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(bareOrQuoted(k));
        }
        return b.toString();
    }

    static String bareOrQuoted(String k) {
        if (k.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return '"' + escape(k) + '"';
            }
        }
        return k;
    }

    /** dblQuotedReplacer: C0 controls and DEL as lower-case {@code \\u00XX} except the short escapes. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Go's string order: by UTF-8 bytes, which for UTF-16 differs only around surrogates. */
    private static int goCompare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(i);
            if (x != y) {
                return Integer.compare(x, y);
            }
            if (x > 0xffff) {
                i++;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    static Map<String, Object> decode(String text) {
        return TomlDecoder.decode(text);
    }
}

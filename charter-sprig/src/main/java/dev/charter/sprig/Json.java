package dev.charter.sprig;

import dev.charter.sprig.semver.SemverVersion;
import dev.charter.template.Func;
import dev.charter.template.fmt.FloatFormat;
import dev.charter.template.value.Complex;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoTypes;
import dev.charter.template.value.HostObjects;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go's encoding/json as Sprig and Helm use it: Marshal, MarshalIndent, Encoder without HTML escaping, Unmarshal. */
public final class Json {
    private Json() {}

    /** json.Marshal; {@code html} selects Go's default HTML escaping. */
    public static String marshal(Object v, boolean html, String indent) {
        StringBuilder sb = new StringBuilder();
        encode(sb, v, html, indent, 0);
        return sb.toString();
    }

    private static void newline(StringBuilder sb, String indent, int depth) {
        sb.append('\n');
        sb.append(indent.repeat(depth));
    }

    private static void encode(StringBuilder sb, Object v, boolean html, String indent, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s, html);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof GoInt g) {
            sb.append(g);
        } else if (Go.isInt(v)) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            floatJson(sb, ((Number) v).doubleValue(), v instanceof Float ? 32 : 64);
        } else if (v instanceof GoTime t) {
            sb.append('"').append(t.marshalJson()).append('"');
        } else if (v instanceof SemverVersion sv) {
            string(sb, sv.goString(), html);
        } else if (v instanceof byte[] b) {
            sb.append('"').append(Base64.getEncoder().encodeToString(b)).append('"');
        } else if (v instanceof GoSlice gs && gs.isNil()) {
            sb.append("null");
        } else if (Go.isList(v)) {
            List<Object> l = Go.elements(v);
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (indent != null) {
                    newline(sb, indent, depth + 1);
                }
                encode(sb, l.get(i), html, indent, depth + 1);
            }
            if (indent != null) {
                newline(sb, indent, depth);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) {
                keys.add(String.valueOf(k));
            }
            keys.sort(Lists::compareBytes);
            sb.append('{');
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                if (indent != null) {
                    newline(sb, indent, depth + 1);
                }
                string(sb, k, html);
                sb.append(indent != null ? ": " : ":");
                encode(sb, m.get(k), html, indent, depth + 1);
            }
            if (indent != null) {
                newline(sb, indent, depth);
            }
            sb.append('}');
        } else if (v instanceof Complex) {
            throw new SprigException("json: unsupported type: complex128");
        } else if (v instanceof Func f) {
            throw new SprigException("json: unsupported type: " + f.goType().name());
        } else {
            List<HostObjects.FieldValue> fields = HostObjects.fields(v);
            if (fields.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (HostObjects.FieldValue f : fields) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                if (indent != null) {
                    newline(sb, indent, depth + 1);
                }
                string(sb, f.name(), html);
                sb.append(indent != null ? ": " : ":");
                encode(sb, f.value(), html, indent, depth + 1);
            }
            if (indent != null) {
                newline(sb, indent, depth);
            }
            sb.append('}');
        }
    }

    private static void floatJson(StringBuilder sb, double f, int bits) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new SprigException("json: unsupported value: " + FloatFormat.format(f, 'g', -1, bits));
        }
        double abs = Math.abs(f);
        char fmt = 'f';
        if (abs != 0) {
            if (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && ((float) abs < 1e-6f || (float) abs >= 1e21f)) {
                fmt = 'e';
            }
        }
        String s = FloatFormat.format(f, fmt, -1, bits);
        if (fmt == 'e') {
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.substring(n - 1);
            }
        }
        sb.append(s);
    }

    private static final String HEX = "0123456789abcdef";

    static void string(StringBuilder sb, String s, boolean html) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || html && (c == '<' || c == '>' || c == '&') || c == 0x2028 || c == 0x2029) {
                        sb.append("\\u00").append(HEX.charAt(c >> 4 & 0xF)).append(HEX.charAt(c & 0xF));
                        if (c >= 0x2028) {
                            sb.setLength(sb.length() - 6);
                            sb.append("\\u").append(Integer.toHexString(c));
                        }
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        } else {
                            sb.append("\\ufffd");
                        }
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ---- decoding ----

    /** json.Unmarshal into interface{}. */
    /**
     * What Go's {@code json.NewDecoder(r).Decode(&v)} says about {@code data} — it reads one value and
     * ignores what follows — or null when that value is well-formed: {@code EOF} for nothing,
     * {@code unexpected EOF} for a cut-off value, the scanner's {@code invalid character …} otherwise.
     */
    public static String decoderError(byte[] data) {
        Parser p = new Parser(data);
        p.skipWs();
        if (p.pos >= data.length) {
            return "EOF";
        }
        try {
            p.value();
            return null;
        } catch (SprigException e) {
            return e.getMessage().equals("unexpected end of JSON input") ? "unexpected EOF" : e.getMessage();
        }
    }

    public static Object unmarshal(String text) {
        Parser p = new Parser(Go.utf8(text));
        p.checkValid();
        p.pos = 0;
        p.skipWs();
        return p.value();
    }

    /** Helm's fromJson: json.Unmarshal into map[string]interface{}, errors stored under "Error". */
    public static Map<String, Object> unmarshalMap(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            Parser p = new Parser(Go.utf8(text));
            p.checkValid();
            p.pos = 0;
            p.skipWs();
            byte c = p.b[p.pos];
            if (c == '{') {
                Object v = p.value();
                m.putAll(Dicts.m(v));
            } else if (c != 'n') {
                String kind = switch (c) {
                    case '[' -> "array";
                    case '"' -> "string";
                    case 't', 'f' -> "bool";
                    default -> "number";
                };
                m.put("Error", "json: cannot unmarshal " + kind + " into Go value of type map[string]interface {}");
            }
        } catch (SprigException e) {
            m.put("Error", e.getMessage());
        }
        return m;
    }

    private static final class Parser {
        final byte[] b;
        int pos;

        Parser(byte[] b) {
            this.b = b;
        }

        static String quoteChar(int c) {
            if (c == '\'') {
                return "'\\''";
            }
            if (c == '"') {
                return "'\"'";
            }
            String q = dev.charter.template.text.Strconv.quote(new String(Character.toChars(c)));
            return "'" + q.substring(1, q.length() - 1) + "'";
        }

        SprigException err(String ctx) {
            if (pos >= b.length) {
                return new SprigException("unexpected end of JSON input");
            }
            // Go's scanner reports the byte, taken as a rune: 0xC3 of "é" prints as 'Ã'
            int c = b[pos] & 0xFF;
            return new SprigException("invalid character " + quoteChar(c) + " " + ctx);
        }

        void skipWs() {
            while (pos < b.length && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) {
                pos++;
            }
        }

        void checkValid() {
            skipWs();
            value();
            skipWs();
            if (pos < b.length) {
                throw err("after top-level value");
            }
        }

        Object value() {
            if (pos >= b.length) {
                throw err("");
            }
            byte c = b[pos];
            switch (c) {
                case '{': {
                    pos++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    skipWs();
                    if (pos < b.length && b[pos] == '}') {
                        pos++;
                        return m;
                    }
                    while (true) {
                        skipWs();
                        if (pos >= b.length || b[pos] != '"') {
                            throw err("looking for beginning of object key string");
                        }
                        String k = string();
                        skipWs();
                        if (pos >= b.length || b[pos] != ':') {
                            throw err("after object key");
                        }
                        pos++;
                        skipWs();
                        Object v = value();
                        m.put(k, v);
                        skipWs();
                        if (pos < b.length && b[pos] == ',') {
                            pos++;
                            continue;
                        }
                        if (pos < b.length && b[pos] == '}') {
                            pos++;
                            return m;
                        }
                        throw err("after object key:value pair");
                    }
                }
                case '[': {
                    pos++;
                    List<Object> l = new ArrayList<>();
                    skipWs();
                    if (pos < b.length && b[pos] == ']') {
                        pos++;
                        return l;
                    }
                    while (true) {
                        skipWs();
                        l.add(value());
                        skipWs();
                        if (pos < b.length && b[pos] == ',') {
                            pos++;
                            continue;
                        }
                        if (pos < b.length && b[pos] == ']') {
                            pos++;
                            return l;
                        }
                        throw err("after array element");
                    }
                }
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw err("looking for beginning of value");
            }
        }

        void literal(String lit) {
            for (int i = 0; i < lit.length(); i++) {
                if (pos >= b.length || b[pos] != lit.charAt(i)) {
                    if (i == 0) {
                        throw err("looking for beginning of value");
                    }
                    throw err("in literal " + lit + " (expecting " + quoteChar(lit.charAt(i)) + ")");
                }
                pos++;
            }
        }

        Object number() {
            int start = pos;
            if (b[pos] == '-') {
                pos++;
                if (pos >= b.length || b[pos] < '0' || b[pos] > '9') {
                    throw err("in numeric literal");
                }
            }
            if (b[pos] == '0') {
                pos++;
            } else {
                while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                    pos++;
                }
            }
            if (pos < b.length && b[pos] == '.') {
                pos++;
                if (pos >= b.length || b[pos] < '0' || b[pos] > '9') {
                    throw err("after decimal point in numeric literal");
                }
                while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                    pos++;
                }
            }
            if (pos < b.length && (b[pos] == 'e' || b[pos] == 'E')) {
                pos++;
                if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
                    pos++;
                }
                if (pos >= b.length || b[pos] < '0' || b[pos] > '9') {
                    throw err("in exponent of numeric literal");
                }
                while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                    pos++;
                }
            }
            String s = Go.str(b, start, pos);
            double d = Double.parseDouble(s);
            if (Double.isInfinite(d)) {
                throw new SprigException("json: cannot unmarshal number " + s + " into Go value of type float64");
            }
            return d;
        }

        String string() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            int runStart = pos;
            while (true) {
                if (pos >= b.length) {
                    throw err("");
                }
                int c = b[pos] & 0xFF;
                if (c == '"') {
                    sb.append(Go.str(b, runStart, pos));
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw err("in string literal");
                }
                if (c == '\\') {
                    sb.append(Go.str(b, runStart, pos));
                    pos++;
                    if (pos >= b.length) {
                        throw err("");
                    }
                    int e = b[pos];
                    switch (e) {
                        case '"', '\\', '/' -> sb.append((char) e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            int r = hex4();
                            if (Character.isHighSurrogate((char) r) && pos + 6 < b.length + 0 && b[pos + 1] == '\\' && b[pos + 2] == 'u') {
                                int save = pos;
                                pos += 2;
                                int r2 = hex4();
                                if (Character.isLowSurrogate((char) r2)) {
                                    sb.append((char) r).append((char) r2);
                                } else {
                                    sb.append('\ufffd');
                                    pos = save;
                                }
                            } else if (Character.isSurrogate((char) r)) {
                                sb.append('\ufffd');
                            } else {
                                sb.append((char) r);
                            }
                        }
                        default -> throw err("in string escape code");
                    }
                    pos++;
                    runStart = pos;
                    continue;
                }
                pos++;
            }
        }

        int hex4() {
            int r = 0;
            for (int i = 0; i < 4; i++) {
                pos++;
                if (pos >= b.length) {
                    throw err("");
                }
                int d = Character.digit(b[pos], 16);
                if (d < 0) {
                    throw err("in \\u hexadecimal character escape");
                }
                r = r * 16 + d;
            }
            return r;
        }
    }

    static String typeNameOf(Object v) {
        return GoTypes.typeName(v);
    }
}

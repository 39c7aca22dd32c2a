package dev.charter.sprig;

import dev.charter.template.fmt.GoFmt;
import dev.charter.template.text.Strconv;
import dev.charter.template.value.Complex;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoTypes;
import dev.charter.template.value.HostObjects;
import dev.charter.template.value.Kind;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Go runtime semantics Sprig relies on: reflection kinds, emptiness, DeepEqual, fmt and cast. */
final class Go {
    private Go() {}

    // ---- reflection ----

    /** reflect.Kind.String() of a value's dynamic type ({@code invalid} for nil). */
    static String kindName(Object v) {
        return GoTypes.kind(v).goName();
    }

    static String typeName(Object v) {
        return GoTypes.typeName(v);
    }

    /** Kind of a non-nil value for Sprig's {@code reflect.TypeOf(x).Kind()}; nil panics as in Go. */
    static String kindOrPanic(Object v) {
        if (v == null) {
            throw SprigException.nilPointer();
        }
        return kindName(v);
    }

    static boolean isList(Object v) {
        return v instanceof List || (v != null && v.getClass().isArray());
    }

    /** The elements of a Go slice or array value. */
    static List<Object> elements(Object v) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        int n = Array.getLength(v);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Array.get(v, i));
        }
        return out;
    }

    static int length(Object v) {
        if (v instanceof List<?> l) {
            return l.size();
        }
        return Array.getLength(v);
    }

    /** Sprig's {@code empty}. */
    static boolean empty(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Long l) {
            return l == 0;
        }
        if (v instanceof Integer i) {
            return i == 0;
        }
        if (v instanceof Short s) {
            return s == 0;
        }
        if (v instanceof Byte b) {
            return b == 0;
        }
        if (v instanceof GoInt g) {
            return g.bits() == 0;
        }
        if (v instanceof Double d) {
            return d == 0;
        }
        if (v instanceof Float f) {
            return f == 0;
        }
        if (v instanceof Complex c) {
            return c.re() == 0 && c.im() == 0;
        }
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (isList(v)) {
            return length(v) == 0;
        }
        return false; // struct, pointer (non-nil)
    }

    /** reflect.DeepEqual over template values. */
    static boolean deepEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!typeName(a).equals(typeName(b))) {
            return false;
        }
        if ((a instanceof GoSlice sa && sa.isNil()) != (b instanceof GoSlice sb && sb.isNil())) {
            return false;
        }
        if (isList(a) && isList(b)) {
            List<Object> x = elements(a);
            List<Object> y = elements(b);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (isInt(a) && isInt(b)) {
            return intBits(a) == intBits(b);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof GoInt;
    }

    static long intBits(Object v) {
        if (v instanceof GoInt g) {
            return g.bits();
        }
        return ((Number) v).longValue();
    }

    // ---- fmt ----

    static String sprint(Object v) {
        return GoFmt.format(v, 'v');
    }

    /** Sprig's strval. */
    static String strval(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof Throwable t) {
            return t.getMessage();
        }
        if (v instanceof GoStringer s) {
            return s.goString();
        }
        return sprint(v);
    }

    static String quote(String s) {
        return Strconv.quote(s);
    }

    // ---- bytes ----

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String str(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Go's {@code s[from:to]} with Go's panic text. */
    static String slice(String s, int from, int to) {
        byte[] b = utf8(s);
        if (to < 0 || to > b.length) {
            throw SprigException.sliceBounds("[:" + to + "] with length " + b.length);
        }
        if (from < 0 || from > to) {
            throw SprigException.sliceBounds("[" + from + ":" + to + "]");
        }
        return str(b, from, to);
    }

    // ---- spf13/cast v1.7.0 ----

    /** Go's int64(f) on amd64: out-of-range and NaN give MinInt64. */
    static long f2i(double f) {
        if (Double.isNaN(f) || f >= 9.223372036854775807E18 || f < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    private static String trimZeroDecimal(String s) {
        boolean foundZero = false;
        for (int i = s.length(); i > 0; i--) {
            char c = s.charAt(i - 1);
            if (c == '.') {
                if (foundZero) {
                    return s.substring(0, i - 1);
                }
            } else if (c == '0') {
                foundZero = true;
            } else {
                return s;
            }
        }
        return s;
    }

    /** cast.ToInt64 (errors become 0). */
    static long toInt64(Object v) {
        if (isInt(v)) {
            return intBits(v);
        }
        if (v instanceof Double d) {
            return f2i(d);
        }
        if (v instanceof Float f) {
            return f2i(f);
        }
        if (v instanceof String s) {
            Strconv.IntResult r = Strconv.parseInt(trimZeroDecimal(s));
            return r.ok() ? r.value() : 0;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return 0;
    }

    /** cast.ToFloat64 (errors become 0). */
    static double toFloat64(Object v) {
        if (v instanceof GoInt g) {
            return g.unsigned() ? unsignedToDouble(g.bits()) : (double) g.bits();
        }
        if (isInt(v)) {
            return (double) intBits(v);
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f;
        }
        if (v instanceof String s) {
            Double d = Strconv.parseFloat(s);
            return d == null ? 0 : d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return 0;
    }

    static double unsignedToDouble(long bits) {
        double d = (double) (bits >>> 1) * 2.0;
        return d + (bits & 1);
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int r) {
        if (r <= 0xFF) {
            return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
        }
        return Character.getType(r) == Character.SPACE_SEPARATOR || r == 0x2028 || r == 0x2029;
    }

    static <T> Iterator<T> iter(List<T> l) {
        return l.iterator();
    }

    static List<Object> hostFields(Object v) {
        List<Object> out = new ArrayList<>();
        for (HostObjects.FieldValue f : HostObjects.fields(v)) {
            out.add(f);
        }
        return out;
    }
}

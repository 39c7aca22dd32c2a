package dev.charter.template.fmt;

import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoTypes;
import dev.charter.template.value.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Go's internal/fmtsort key order, used both for printing maps and for {@code range} over maps:
 * strings by bytes (which for UTF-8 is code point order), numbers numerically, false before true.
 */
public final class MapOrder {
    private MapOrder() {}

    public static <K, V> List<Map.Entry<K, V>> sorted(Map<K, V> m) {
        List<Map.Entry<K, V>> entries = new ArrayList<>(m.entrySet());
        entries.sort(Comparator.comparing(Map.Entry::getKey, MapOrder::compareKeys));
        return entries;
    }

    public static int compareKeys(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return compareStrings(x, y);
        }
        Kind ka = GoTypes.kind(a);
        Kind kb = GoTypes.kind(b);
        if (ka != kb) {
            return Integer.compare(ka.ordinal(), kb.ordinal());
        }
        if (ka.isSignedInt()) {
            return Long.compare(asLong(a), asLong(b));
        }
        if (ka.isUnsignedInt()) {
            return Long.compareUnsigned(asLong(a), asLong(b));
        }
        if (ka.isFloat()) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(!Double.isNaN(x), !Double.isNaN(y));
            }
            return Double.compare(x, y) == 0 ? 0 : (x < y ? -1 : 1);
        }
        if (ka == Kind.BOOL) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
        return 0;
    }

    private static long asLong(Object o) {
        return o instanceof GoInt g ? g.bits() : ((Number) o).longValue();
    }

    /** Byte-wise UTF-8 order equals code point order. */
    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

package dev.charter.yaml;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * go-yaml v2's implicit resolution of plain scalars (YAML 1.1 flavoured: {@code yes/no/on/off}
 * booleans, octal {@code 0755}, base-60 floats, timestamps). Used both to read plain scalars and
 * to decide whether a string must be quoted when written.
 */
public final class GoYamlResolver {

    private GoYamlResolver() {
    }

    /** Marker for the merge key {@code <<}. */
    public static final Object MERGE = new Object();
    /** Marker for a timestamp-looking plain scalar (kept as its text by Helm's JSON round trip). */
    public record Timestamp(String text) {
    }

    private static final Object NULL = new Object();
    private static final Map<String, Object> MAP = buildMap();
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.[0-9]+)?(?:Z|[+-]([0-9]{2}):([0-9]{2})))"
                    + "|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.[0-9]+)?))?");

    private static Map<String, Object> buildMap() {
        Map<String, Object> m = new java.util.HashMap<>();
        for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            m.put(s, Boolean.TRUE);
        }
        for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            m.put(s, Boolean.FALSE);
        }
        for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
            m.put(s, NULL);
        }
        for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
            m.put(s, Double.NaN);
        }
        for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            m.put(s, Double.POSITIVE_INFINITY);
        }
        for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            m.put(s, Double.NEGATIVE_INFINITY);
        }
        m.put("<<", MERGE);
        return Map.copyOf(m);
    }

    /**
     * Resolves a plain scalar: {@code null}, Boolean, Long/BigInteger, Double, {@link Timestamp},
     * {@link #MERGE} or the String itself.
     */
    public static Object resolve(String in) {
        char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
        if (hint == 0) {
            return in;
        }
        Object mapped = MAP.get(in);
        if (mapped != null) {
            return mapped == NULL ? null : mapped;
        }
        switch (hint) {
            case '.' -> {
                if (FLOAT.matcher(in).matches()) {
                    return parseFloat(in);
                }
            }
            case 'D', 'S' -> {
                if (hint == 'D' && isTimestamp(in)) {
                    return new Timestamp(in);
                }
                String plain = in.replace("_", "");
                Object i = parseGoInt(plain);
                if (i != null) {
                    return i;
                }
                if (FLOAT.matcher(plain).matches()) {
                    Object f = parseFloat(plain);
                    if (f != null) {
                        return f;
                    }
                }
            }
            default -> {
            }
        }
        return in;
    }

    /**
     * go-yaml's {@code parseTimestamp}: one of its layouts, and a real date and time as Go's
     * {@code time.Parse} checks them ({@code 2001-02-30} and hour 24 stay strings).
     */
    static boolean isTimestamp(String in) {
        java.util.regex.Matcher m = TIMESTAMP.matcher(in);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        int t = m.group(4) != null ? 4 : m.group(9) != null ? 9 : -1;
        if (t > 0 && (Integer.parseInt(m.group(t)) > 23 || Integer.parseInt(m.group(t + 1)) > 59
                || Integer.parseInt(m.group(t + 2)) > 59)) {
            return false;
        }
        // time.Parse's zone offset ranges: hours up to 24, minutes up to 60
        return m.group(7) == null || (Integer.parseInt(m.group(7)) <= 24 && Integer.parseInt(m.group(8)) <= 60);
    }

    /** True when a string written plain would read back as something other than the same string. */
    public static boolean needsQuoting(String s) {
        return !(resolve(s) instanceof String) || BASE60.matcher(s).matches();
    }

    private static char hint(char c) {
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        return switch (c) {
            case '+', '-' -> 'S';
            case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<' -> 'M';
            case '.' -> '.';
            default -> 0;
        };
    }

    private static Object parseFloat(String s) {
        double d = Double.parseDouble(s);
        return Double.isInfinite(d) ? null : d; // strconv.ParseFloat reports a range error
    }

    /** {@code strconv.ParseInt(s, 0, 64)} then {@code ParseUint}: sign, 0x/0o/0b prefixes, leading-0 octal. */
    private static Object parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        String body = s;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        int radix = 10;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int i = 0; i < body.length(); i++) {
            if (Character.digit(body.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(body, radix);
        if (negative) {
            v = v.negate();
        }
        if (v.bitLength() < 64) {
            return v.longValue();
        }
        if (!negative && v.bitLength() <= 64) {
            return v; // fits uint64
        }
        return null;
    }
}

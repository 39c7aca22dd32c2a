package dev.charter.yaml;

import java.math.BigDecimal;

/** Go's {@code strconv.FormatFloat(f, 'g', -1, bits)}: shortest round-trip digits, %e for large/small exponents. */
public final class GoFloat {

    private GoFloat() {
    }

    public static String format64(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        // Java keeps "4.9E-324" for the smallest subnormal; the shortest round-trip digit is 5
        return formatShortest(Math.abs(f) == Double.MIN_VALUE ? (f < 0 ? "-5E-324" : "5E-324") : Double.toString(f), f);
    }

    public static String format32(double f) {
        float x = (float) f;
        if (Float.isNaN(x)) {
            return "NaN";
        }
        if (Float.isInfinite(x)) {
            return x > 0 ? "+Inf" : "-Inf";
        }
        return formatShortest(Math.abs(x) == Float.MIN_VALUE ? (x < 0 ? "-1E-45" : "1E-45") : Float.toString(x), x);
    }

    /** Java's toString (JDK 19+) yields the shortest decimal that round-trips, as Go's does; only the layout differs. */
    private static String formatShortest(String javaRepr, double value) {
        boolean negative = javaRepr.startsWith("-");
        if (value == 0) {
            return negative ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(negative ? javaRepr.substring(1) : javaRepr).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
        StringBuilder b = new StringBuilder(negative ? "-" : "");
        // Go: with shortest precision %g switches to %e when exp < -4 || exp >= 6
        int eprec = 6;
        if (exp < -4 || exp >= eprec) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                b.append('0');
            }
            b.append(ae);
            return b.toString();
        }
        if (exp < 0) {
            b.append("0.").append("0".repeat(-exp - 1)).append(digits);
        } else if (digits.length() <= exp + 1) {
            b.append(digits).append("0".repeat(exp + 1 - digits.length()));
        } else {
            b.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return b.toString();
    }
}

package dev.charter.sprig;

import dev.charter.template.fmt.FloatFormat;
import dev.charter.template.value.GoInt;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.BinaryOperator;

/** Sprig's numeric functions (numeric.go) with spf13/cast and shopspring/decimal semantics. */
final class Numeric {
    private Numeric() {}

    static GoInt i64(long v) {
        return GoInt.int64(v);
    }

    static long divide(long a, long b) {
        if (b == 0) {
            throw new SprigException("runtime error: integer divide by zero");
        }
        return a / b;
    }

    static long mod(long a, long b) {
        if (b == 0) {
            throw new SprigException("runtime error: integer divide by zero");
        }
        return a % b;
    }

    static long max(Object a, List<Object> rest) {
        long aa = Go.toInt64(a);
        for (Object b : rest) {
            aa = Math.max(aa, Go.toInt64(b));
        }
        return aa;
    }

    static long min(Object a, List<Object> rest) {
        long aa = Go.toInt64(a);
        for (Object b : rest) {
            aa = Math.min(aa, Go.toInt64(b));
        }
        return aa;
    }

    static double goMax(double x, double y) {
        if (Double.isInfinite(x) && x > 0 || Double.isInfinite(y) && y > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        return Math.max(x, y);
    }

    static double goMin(double x, double y) {
        if (Double.isInfinite(x) && x < 0 || Double.isInfinite(y) && y < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        return Math.min(x, y);
    }

    static double maxf(Object a, List<Object> rest) {
        double aa = Go.toFloat64(a);
        for (Object b : rest) {
            aa = goMax(aa, Go.toFloat64(b));
        }
        return aa;
    }

    static double minf(Object a, List<Object> rest) {
        double aa = Go.toFloat64(a);
        for (Object b : rest) {
            aa = goMin(aa, Go.toFloat64(b));
        }
        return aa;
    }

    static double round(Object a, long p, List<Object> rOpt) {
        double roundOn = 0.5;
        if (!rOpt.isEmpty()) {
            roundOn = (Double) rOpt.get(0);
        }
        double val = Go.toFloat64(a);
        double pow = Math.pow(10, (double) p);
        double digit = pow * val;
        double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
        if (Double.isInfinite(digit)) {
            frac = 0;
        }
        double r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
        return r / pow;
    }

    static long toDecimal(Object v) {
        String s = Go.sprint(v);
        String t = s;
        boolean neg = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return 0;
        }
        java.math.BigInteger x = java.math.BigInteger.ZERO;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '7') {
                return 0;
            }
            x = x.shiftLeft(3).add(java.math.BigInteger.valueOf(c - '0'));
        }
        if (neg) {
            x = x.negate();
        }
        if (x.bitLength() > 63) {
            return 0;
        }
        return x.longValue();
    }

    private static BigDecimal dec(double f) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new SprigException("Cannot create a Decimal from " + FloatFormat.format(f, 'g', -1, 64));
        }
        return new BigDecimal(Double.toString(f));
    }

    static double decimalOp(Object a, List<Object> b, BinaryOperator<BigDecimal> f) {
        BigDecimal prt = dec(Go.toFloat64(a));
        for (Object x : b) {
            prt = f.apply(prt, dec(Go.toFloat64(x)));
        }
        return Double.parseDouble(prt.toString());
    }

    static BigDecimal div(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw new SprigException("decimal division by 0");
        }
        return a.divide(b, 16, RoundingMode.HALF_UP);
    }

    static long randInt(long min, long max) {
        long n = max - min;
        if (n <= 0) {
            throw new SprigException("invalid argument to Intn");
        }
        return Strings.RANDOM.nextLong(n) + min;
    }

    static String atoiString(String s) {
        return s;
    }

    /** strconv.Atoi; errors give 0. */
    static long atoi(String s) {
        String t = s;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return 0;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}

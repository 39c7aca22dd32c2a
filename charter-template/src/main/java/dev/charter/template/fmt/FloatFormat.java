package dev.charter.template.fmt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.AppendFloat}: formats 'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X' with a precision
 * or, for precision -1, the shortest digits that round-trip. Shortest digits come from
 * {@link Double#toString}, which since JDK 19 yields the shortest uniquely identifying decimal (as
 * Go's Ryu does); fixed precisions round the exact binary value half-to-even, as Go's decimal does.
 */
public final class FloatFormat {
    private FloatFormat() {}

    /** Decimal digits (no trailing zeros) and the decimal point position, like Go's decimalSlice. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }
    }

    public static String format(double v, char fmt, int prec, int bitSize) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = (Double.doubleToRawLongBits(v) < 0);
        if (bitSize == 32) {
            neg = Float.floatToRawIntBits((float) v) < 0;
        }
        if (fmt == 'b') {
            return fmtB(v, neg, bitSize);
        }
        if (fmt == 'x' || fmt == 'X') {
            return fmtX(v, neg, prec, fmt, bitSize);
        }
        double a = Math.abs(v);
        boolean shortest = prec < 0;
        Digits digs;
        if (shortest) {
            digs = shortestDigits(a, bitSize);
            switch (fmt) {
                case 'e', 'E' -> prec = Math.max(digs.nd() - 1, 0);
                case 'f' -> prec = Math.max(digs.nd() - digs.dp(), 0);
                case 'g', 'G' -> prec = digs.nd();
                default -> { }
            }
        } else if (fmt == 'f') {
            digs = fixedPoint(a, prec);
        } else {
            int n = prec;
            if (fmt == 'e' || fmt == 'E') {
                n = prec + 1;
            } else if (fmt == 'g' || fmt == 'G') {
                if (prec == 0) {
                    prec = 1;
                }
                n = prec;
            } else {
                n = 1;
            }
            digs = significant(a, n);
        }
        return formatDigits(shortest, neg, digs, prec, fmt);
    }

    private static Digits shortestDigits(double a, int bitSize) {
        if (a == 0) {
            return new Digits("", 0);
        }
        String s = bitSize == 32 ? Float.toString((float) a) : Double.toString(a);
        int e = s.indexOf('E');
        int exp = 0;
        String mant = s;
        if (e >= 0) {
            exp = Integer.parseInt(s.substring(e + 1));
            mant = s.substring(0, e);
        }
        int dot = mant.indexOf('.');
        String intPart = dot < 0 ? mant : mant.substring(0, dot);
        String frac = dot < 0 ? "" : mant.substring(dot + 1);
        String all = intPart + frac;
        int dp = intPart.length() + exp;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
            dp--;
        }
        all = trimZeros(all.substring(lead));
        if (all.length() == 2) {
            // Java always prints two significant digits; Go's shortest may need only one.
            int d = all.charAt(0) - '0' + (all.charAt(1) >= '5' ? 1 : 0);
            String one = d == 10 ? "1" : Integer.toString(d);
            int dp1 = d == 10 ? dp + 1 : dp;
            String lit = "0." + one + "E" + dp1;
            boolean same = bitSize == 32 ? Float.parseFloat(lit) == (float) a : Double.parseDouble(lit) == a;
            if (same) {
                return new Digits(one, dp1);
            }
        }
        return new Digits(all, dp);
    }

    private static Digits significant(double a, int n) {
        if (a == 0) {
            return new Digits("", 0);
        }
        BigDecimal bd = new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN));
        return fromBig(bd);
    }

    private static Digits fixedPoint(double a, int prec) {
        BigDecimal bd = new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN);
        if (bd.signum() == 0) {
            return new Digits("", 0);
        }
        return fromBig(bd);
    }

    private static Digits fromBig(BigDecimal bd) {
        String u = bd.unscaledValue().toString();
        int dp = u.length() - bd.scale();
        return new Digits(trimZeros(u), dp);
    }

    private static String trimZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String formatDigits(boolean shortest, boolean neg, Digits digs, int prec, char fmt) {
        switch (fmt) {
            case 'e', 'E':
                return fmtE(neg, digs, prec, fmt);
            case 'f':
                return fmtF(neg, digs, prec);
            case 'g', 'G': {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > digs.nd()) {
                        prec = digs.nd();
                    }
                    return fmtE(neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
                }
                if (prec > digs.dp()) {
                    prec = digs.nd();
                }
                return fmtF(neg, digs, Math.max(prec - digs.dp(), 0));
            }
            default:
                return "%" + fmt;
        }
    }

    private static String fmtE(boolean neg, Digits d, int prec, char fmt) {
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append(d.nd() != 0 ? d.d().charAt(0) : '0');
        if (prec > 0) {
            sb.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                sb.append(d.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(fmt);
        int exp = d.dp() - 1;
        if (d.nd() == 0) {
            exp = 0;
        }
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0').append(exp);
        } else {
            sb.append(exp);
        }
        return sb.toString();
    }

    private static String fmtF(boolean neg, Digits d, int prec) {
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            sb.append(d.d(), 0, m);
            for (; m < d.dp(); m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp() + i - 1;
                sb.append(j >= 0 && j < d.nd() ? d.d().charAt(j) : '0');
            }
        }
        return sb.toString();
    }

    private static long[] mantExp(double v, int bitSize) {
        int mantbits = bitSize == 32 ? 23 : 52;
        int expbits = bitSize == 32 ? 8 : 11;
        int bias = bitSize == 32 ? -127 : -1023;
        long bits = bitSize == 32 ? (Float.floatToRawIntBits((float) v) & 0xFFFFFFFFL) : Double.doubleToRawLongBits(v);
        int exp = (int) (bits >>> mantbits) & ((1 << expbits) - 1);
        long mant = bits & ((1L << mantbits) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << mantbits;
        }
        exp += bias;
        return new long[] {mant, exp, mantbits};
    }

    private static String fmtB(double v, boolean neg, int bitSize) {
        long[] me = mantExp(v, bitSize);
        long exp = me[1] - me[2];
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append(me[0]).append('p');
        if (exp >= 0) {
            sb.append('+');
        }
        sb.append(exp);
        return sb.toString();
    }

    private static String fmtX(double v, boolean neg, int prec, char fmt, int bitSize) {
        long[] me = mantExp(v, bitSize);
        long mant = me[0];
        int exp = (int) me[1];
        int mantbits = (int) me[2];
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - mantbits;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > (1L << 59)) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            sb.append('.');
            while (mant != 0) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            sb.append('.');
            for (int i = 0; i < prec; i++) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        sb.append(fmt == 'X' ? 'P' : 'p');
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0');
        }
        sb.append(exp);
        return sb.toString();
    }
}

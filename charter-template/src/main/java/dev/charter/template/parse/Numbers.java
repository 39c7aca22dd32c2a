package dev.charter.template.parse;

import dev.charter.template.text.Strconv;

/** Go's parse.newNumber: every way a numeric literal can be read (int, uint, float, complex). */
final class Numbers {
    private Numbers() {}

    static final class NumberError extends Exception {
        NumberError(String msg) {
            super(msg, null, false, false);
        }
    }

    static Node.NumberNode newNumber(int pos, Source src, String text, ItemType typ) throws NumberError {
        if (typ == ItemType.CHAR_CONSTANT) {
            int[] cps = text.codePoints().toArray();
            Strconv.CharResult r;
            try {
                r = Strconv.unquoteChar(cps, 1, cps[0]);
            } catch (Strconv.SyntaxError e) {
                throw new NumberError(e.getMessage());
            }
            if (!(r.next() == cps.length - 1 && cps[cps.length - 1] == '\'')) {
                throw new NumberError("malformed character constant: " + text);
            }
            long v = r.value();
            return new Node.NumberNode(pos, src, text, true, true, true, false, v, v, v, 0, 0);
        }
        if (typ == ItemType.COMPLEX) {
            int k = -1;
            for (int i = text.length() - 2; i > 0; i--) {
                char c = text.charAt(i);
                char prev = text.charAt(i - 1);
                if ((c == '+' || c == '-') && prev != 'e' && prev != 'E' && prev != 'p' && prev != 'P') {
                    k = i;
                    break;
                }
            }
            Double re = k > 0 ? Strconv.parseFloat(text.substring(0, k)) : null;
            Double im = k > 0 ? Strconv.parseFloat(text.substring(k, text.length() - 1)) : null;
            if (re == null || im == null) {
                throw new NumberError("expected integer");
            }
            return simplifyComplex(pos, src, text, re, im);
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) == 'i') {
            Double f = Strconv.parseFloat(text.substring(0, text.length() - 1));
            if (f != null) {
                return simplifyComplex(pos, src, text, 0, f);
            }
        }
        boolean isInt = false;
        boolean isUint = false;
        boolean isFloat = false;
        long i64 = 0;
        long u64 = 0;
        double f64 = 0;
        Strconv.IntResult u = Strconv.parseUint(text);
        if (u.ok()) {
            isUint = true;
            u64 = u.value();
        }
        Strconv.IntResult i = Strconv.parseInt(text);
        if (i.ok()) {
            isInt = true;
            i64 = i.value();
            if (i64 == 0) {
                isUint = true;
                u64 = u.value();
            }
        }
        if (isInt) {
            isFloat = true;
            f64 = i64;
        } else if (isUint) {
            isFloat = true;
            f64 = unsignedToDouble(u64);
        } else {
            Double f = Strconv.parseFloat(text);
            if (f != null) {
                if (!containsAny(text, ".eEpP")) {
                    throw new NumberError("integer overflow: " + Strconv.quote(text));
                }
                isFloat = true;
                f64 = f;
                if (!isInt && isExactInt64(f)) {
                    isInt = true;
                    i64 = (long) f.doubleValue();
                }
                if (!isUint && isExactUint64(f)) {
                    isUint = true;
                    u64 = toUint64(f);
                }
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw new NumberError("illegal number syntax: " + Strconv.quote(text));
        }
        return new Node.NumberNode(pos, src, text, isInt, isUint, isFloat, false, i64, u64, f64, 0, 0);
    }

    private static Node.NumberNode simplifyComplex(int pos, Source src, String text, double re, double im) {
        boolean isFloat = im == 0;
        boolean isInt = false;
        boolean isUint = false;
        long i64 = 0;
        long u64 = 0;
        double f64 = 0;
        if (isFloat) {
            f64 = re;
            isInt = isExactInt64(re);
            if (isInt) {
                i64 = (long) re;
            }
            isUint = isExactUint64(re);
            if (isUint) {
                u64 = toUint64(re);
            }
        }
        return new Node.NumberNode(pos, src, text, isInt, isUint, isFloat, true, i64, u64, f64, re, im);
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Go's float64(int64(f)) == f, with Go's amd64 conversion of out-of-range values. */
    private static boolean isExactInt64(double f) {
        if (Double.isNaN(f) || f >= 9.223372036854775807E18 || f < -9.223372036854775808E18) {
            return false;
        }
        return (double) (long) f == f;
    }

    private static boolean isExactUint64(double f) {
        if (Double.isNaN(f) || f < 0 || f >= 1.8446744073709552E19) {
            return false;
        }
        return Math.floor(f) == f;
    }

    private static long toUint64(double f) {
        if (f < 9.223372036854775807E18) {
            return (long) f;
        }
        return new java.math.BigDecimal(f).toBigInteger().longValue();
    }

    private static double unsignedToDouble(long u) {
        if (u >= 0) {
            return u;
        }
        return new java.math.BigInteger(Long.toUnsignedString(u)).doubleValue();
    }
}

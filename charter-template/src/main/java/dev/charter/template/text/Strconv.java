package dev.charter.template.text;

import java.math.BigInteger;

/**
 * The parts of Go's {@code strconv} that templates depend on: quoting (for {@code %q} and error
 * messages), unquoting of string and character literals, and integer/float parsing with Go's
 * literal syntax (base prefixes, underscores, hex floats).
 */
public final class Strconv {
    private static final String LOWER_HEX = "0123456789abcdef";

    private Strconv() {}

    /** Go's strconv.ErrSyntax. */
    public static final class SyntaxError extends Exception {
        public SyntaxError() {
            super("invalid syntax", null, false, false);
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r < 0x20) {
            return false;
        }
        if (r < 0x7F) {
            return true;
        }
        if (r < 0xA1) {
            return false;
        }
        if (r > Utf8.MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF)) {
            return false;
        }
        switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    public static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    public static String quoteToAscii(String s) {
        return quoteWith(s, '"', true);
    }

    public static String quoteRune(int r, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        sb.append('\'');
        if (!Utf8.validRune(r)) {
            r = Utf8.RUNE_ERROR;
        }
        appendEscapedRune(sb, r, '\'', asciiOnly);
        sb.append('\'');
        return sb.toString();
    }

    private static String quoteWith(String s, char quote, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r >= 0xD800 && r <= 0xDFFF) {
                // A lone surrogate has no UTF-8 form; Go would see an invalid byte here.
                sb.append("\\ufffd");
                continue;
            }
            appendEscapedRune(sb, r, quote, asciiOnly);
        }
        sb.append(quote);
        return sb.toString();
    }

    private static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            sb.append('\\').appendCodePoint(r);
            return;
        }
        if (asciiOnly) {
            if (r < 0x80 && isPrint(r)) {
                sb.append((char) r);
                return;
            }
        } else if (isPrint(r)) {
            sb.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 11 -> sb.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7F) {
                    sb.append("\\x").append(LOWER_HEX.charAt(r >> 4)).append(LOWER_HEX.charAt(r & 0xF));
                } else if (r < 0x10000) {
                    sb.append("\\u");
                    for (int s = 12; s >= 0; s -= 4) {
                        sb.append(LOWER_HEX.charAt((r >> s) & 0xF));
                    }
                } else {
                    sb.append("\\U");
                    for (int s = 28; s >= 0; s -= 4) {
                        sb.append(LOWER_HEX.charAt((r >> s) & 0xF));
                    }
                }
            }
        }
    }

    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r >= 0x80) {
                if (r == 0xFEFF || (r >= 0xD800 && r <= 0xDFFF)) {
                    return false;
                }
                continue;
            }
            if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Result of {@link #unquoteChar}: the rune, whether it must be encoded as a raw byte, and the rest. */
    public record CharResult(int value, boolean multibyte, int next) {}

    /** Go's strconv.UnquoteChar over a code point sequence; {@code from} indexes into {@code s}. */
    public static CharResult unquoteChar(int[] s, int from, int quote) throws SyntaxError {
        if (from >= s.length) {
            throw new SyntaxError();
        }
        int c = s[from];
        if (c == quote && (quote == '\'' || quote == '"')) {
            throw new SyntaxError();
        }
        if (c >= 0x80) {
            return new CharResult(c, true, from + 1);
        }
        if (c != '\\') {
            return new CharResult(c, false, from + 1);
        }
        if (from + 1 >= s.length) {
            throw new SyntaxError();
        }
        int e = s[from + 1];
        int i = from + 2;
        switch (e) {
            case 'a': return new CharResult(7, false, i);
            case 'b': return new CharResult('\b', false, i);
            case 'f': return new CharResult('\f', false, i);
            case 'n': return new CharResult('\n', false, i);
            case 'r': return new CharResult('\r', false, i);
            case 't': return new CharResult('\t', false, i);
            case 'v': return new CharResult(11, false, i);
            case 'x': case 'u': case 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (s.length - i < n) {
                    throw new SyntaxError();
                }
                long v = 0;
                for (int j = 0; j < n; j++) {
                    int d = Character.digit(s[i + j], 16);
                    if (d < 0 || s[i + j] > 0x7F) {
                        throw new SyntaxError();
                    }
                    v = (v << 4) | d;
                }
                i += n;
                if (e == 'x') {
                    return new CharResult((int) v, false, i);
                }
                if (!Utf8.validRune(v)) {
                    throw new SyntaxError();
                }
                return new CharResult((int) v, true, i);
            }
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = e - '0';
                if (s.length - i < 2) {
                    throw new SyntaxError();
                }
                for (int j = 0; j < 2; j++) {
                    int d = s[i + j] - '0';
                    if (d < 0 || d > 7) {
                        throw new SyntaxError();
                    }
                    v = (v << 3) | d;
                }
                i += 2;
                if (v > 255) {
                    throw new SyntaxError();
                }
                return new CharResult(v, false, i);
            }
            case '\\': return new CharResult('\\', false, i);
            case '\'': case '"':
                if (e != quote) {
                    throw new SyntaxError();
                }
                return new CharResult(e, false, i);
            default:
                throw new SyntaxError();
        }
    }

    /**
     * Go's strconv.Unquote for "..." and `...` literals. Escapes that denote raw bytes ({@code \xff},
     * octal) above 0x7F cannot be held by a Java string; they become the Latin-1 character of that
     * value, a documented difference from Go.
     */
    public static String unquote(String in) throws SyntaxError {
        int n = in.length();
        if (n < 2) {
            throw new SyntaxError();
        }
        char q = in.charAt(0);
        if (q != in.charAt(n - 1)) {
            throw new SyntaxError();
        }
        String body = in.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw new SyntaxError();
            }
            return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        }
        if (q != '"' && q != '\'') {
            throw new SyntaxError();
        }
        if (body.indexOf('\n') >= 0) {
            throw new SyntaxError();
        }
        if (body.indexOf('\\') < 0 && body.indexOf(q) < 0) {
            if (q == '"') {
                return body;
            }
            if (body.codePointCount(0, body.length()) == 1) {
                return body;
            }
        }
        int[] cps = body.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < cps.length) {
            CharResult r = unquoteChar(cps, i, q);
            i = r.next();
            sb.appendCodePoint(r.value());
            if (q == '\'') {
                break;
            }
        }
        if (q == '\'' && i != cps.length) {
            throw new SyntaxError();
        }
        return sb.toString();
    }

    // ---- numbers ----

    /** Outcome of Go's ParseInt/ParseUint: value, or failure. */
    public record IntResult(boolean ok, long value) {}

    private static String stripForBase0(String s, int[] baseOut) throws SyntaxError {
        // Returns digits without prefix; validates underscores like Go's underscoreOK.
        String t = s;
        int base = 10;
        String digits = t;
        if (t.length() >= 2 && t.charAt(0) == '0') {
            char c = Character.toLowerCase(t.charAt(1));
            if (c == 'x') {
                base = 16;
                digits = t.substring(2);
            } else if (c == 'o') {
                base = 8;
                digits = t.substring(2);
            } else if (c == 'b') {
                base = 2;
                digits = t.substring(2);
            } else {
                base = 8;
                digits = t.substring(1);
            }
        }
        if (t.indexOf('_') >= 0 && !underscoreOk(t)) {
            throw new SyntaxError();
        }
        baseOut[0] = base;
        return digits.replace("_", "");
    }

    /** Go's underscoreOK: underscores only between digits or after a base prefix. */
    public static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char c = Character.toLowerCase(s.charAt(1));
            if (c == 'b' || c == 'o' || c == 'x') {
                hex = c == 'x';
                i = 2;
                saw = '0';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (hex && Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    private static BigInteger parseMagnitude(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int[] base = new int[1];
        String digits;
        try {
            digits = stripForBase0(s, base);
        } catch (SyntaxError e) {
            return null;
        }
        if (digits.isEmpty()) {
            // "0" alone is handled as base 8 with empty digits.
            if (s.replace("_", "").equals("0")) {
                return BigInteger.ZERO;
            }
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), base[0]) < 0 || digits.charAt(i) > 0x7F) {
                return null;
            }
        }
        return new BigInteger(digits, base[0]);
    }

    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Go's strconv.ParseUint(s, 0, 64). */
    public static IntResult parseUint(String s) {
        BigInteger v = parseMagnitude(s);
        if (v == null || v.compareTo(MAX_U64) > 0) {
            return new IntResult(false, 0);
        }
        return new IntResult(true, v.longValue());
    }

    /** Go's strconv.ParseInt(s, 0, 64). */
    public static IntResult parseInt(String s) {
        if (s.isEmpty()) {
            return new IntResult(false, 0);
        }
        boolean neg = false;
        String t = s;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        BigInteger v = parseMagnitude(t);
        if (v == null) {
            return new IntResult(false, 0);
        }
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            return new IntResult(false, 0);
        }
        return new IntResult(true, v.longValue());
    }

    /** Go's strconv.ParseFloat(s, 64); returns null on any error (syntax or range). */
    public static Double parseFloat(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String t = s;
        String sign = "";
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            sign = t.substring(0, 1);
            t = t.substring(1);
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return sign.equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (t.indexOf('_') >= 0) {
            if (!underscoreOk(t)) {
                return null;
            }
            t = t.replace("_", "");
        }
        double v;
        if (lower.startsWith("0x")) {
            String m = t.substring(2);
            int p = Math.max(m.indexOf('p'), m.indexOf('P'));
            if (p < 0) {
                return null;
            }
            String mant = m.substring(0, p);
            String exp = m.substring(p + 1);
            if (mant.isEmpty() || mant.equals(".") || !mant.matches("[0-9a-fA-F]*\\.?[0-9a-fA-F]*")
                    || !exp.matches("[+-]?[0-9]+")) {
                return null;
            }
            try {
                v = Double.parseDouble("0x" + mant + "p" + exp);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            if (!t.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                return null;
            }
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (Double.isInfinite(v)) {
            return null; // ErrRange
        }
        return sign.equals("-") ? -v : v;
    }
}

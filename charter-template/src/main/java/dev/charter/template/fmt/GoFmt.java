package dev.charter.template.fmt;

import dev.charter.template.text.Strconv;
import dev.charter.template.text.Utf8;
import dev.charter.template.value.Complex;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoTypes;
import dev.charter.template.value.HostObjects;
import dev.charter.template.value.Kind;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf} over plain Java values (null is Go's
 * nil interface). The structure follows Go's printer: {@code printArg} for top-level operands,
 * {@code printValue} for values reached through maps, slices and structs, flags that persist across
 * the elements of a composite, and the {@code %!verb(type=value)} error forms.
 */
public final class GoFmt {
    private static final String LDIGITS = "0123456789abcdefx";
    private static final String UDIGITS = "0123456789ABCDEFX";

    private final StringBuilder buf = new StringBuilder();

    // fmt flags (Go's fmtFlags plus wid/prec)
    private boolean widPresent;
    private boolean precPresent;
    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private int wid;
    private int prec;

    // printer state
    private Object arg;
    private Object value;
    private boolean valueValid;
    private boolean erroring;
    private boolean reordered;
    private boolean goodArgNum;

    private GoFmt() {}

    public static String sprint(List<?> args) {
        GoFmt p = new GoFmt();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            boolean isString = a != null && GoTypes.kind(a) == Kind.STRING;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.printArg(a, 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    public static String sprintln(List<?> args) {
        GoFmt p = new GoFmt();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.printArg(args.get(i), 'v');
        }
        p.buf.append('\n');
        return p.buf.toString();
    }

    public static String sprintf(String format, List<?> args) {
        GoFmt p = new GoFmt();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    /** Formats one value with a verb and no flags, e.g. {@code %v} or {@code %s}. */
    public static String format(Object v, char verb) {
        GoFmt p = new GoFmt();
        p.printArg(v, verb);
        return p.buf.toString();
    }

    private void clearFlags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = prec = 0;
    }

    // ---- Printf ----

    private static boolean tooLarge(int x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    /** Go's parsenum: returns {num, isnum(0/1), newi}. */
    private static int[] parseNum(String s, int start, int end) {
        if (start >= end) {
            return new int[] {0, 0, end};
        }
        int num = 0;
        boolean isnum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (tooLarge(num)) {
                return new int[] {0, 0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            isnum = true;
        }
        return new int[] {num, isnum ? 1 : 0, i};
    }

    /** Go's argNumber: returns {argNum, i, found(0/1)}. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0};
        }
        reordered = true;
        // parseArgNumber
        String f = format.substring(i);
        int index = 0;
        int w = 1;
        boolean ok = false;
        if (f.length() >= 3) {
            for (int j = 1; j < f.length(); j++) {
                if (f.charAt(j) == ']') {
                    int[] pn = parseNum(f, 1, j);
                    if (pn[1] == 0 || pn[2] != j) {
                        index = 0;
                        w = j + 1;
                        ok = false;
                    } else {
                        index = pn[0] - 1;
                        w = j + 1;
                        ok = true;
                    }
                    break;
                }
            }
        }
        if (ok && 0 <= index && index < numArgs) {
            return new int[] {index, i + w, 1};
        }
        goodArgNum = false;
        return new int[] {argNum, i + w, ok ? 1 : 0};
    }

    /** Go's intFromArg: returns {num, isInt(0/1), newArgNum}. */
    private static int[] intFromArg(List<?> a, int argNum) {
        int num = 0;
        boolean isInt = false;
        int newArgNum = argNum;
        if (argNum < a.size()) {
            Object v = a.get(argNum);
            Kind k = GoTypes.kind(v);
            if (k.isSignedInt()) {
                long n = v instanceof GoInt g ? g.bits() : ((Number) v).longValue();
                if (n == (int) n) {
                    num = (int) n;
                    isInt = true;
                }
            } else if (k.isUnsignedInt()) {
                long n = ((GoInt) v).bits();
                if (n >= 0 && n == (int) n) {
                    num = (int) n;
                    isInt = true;
                }
            }
            newArgNum = argNum + 1;
            if (tooLarge(num)) {
                num = 0;
                isInt = false;
            }
        }
        return new int[] {num, isInt ? 1 : 0, newArgNum};
    }

    private void doPrintf(String format, List<?> a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        formatLoop:
        for (int i = 0; i < end; ) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = true;
                    case '+' -> plus = true;
                    case '-' -> minus = true;
                    case ' ' -> space = true;
                    default -> {
                        if ('a' <= c && c <= 'z' && argNum < a.size()) {
                            if (c == 'v') {
                                sharpV = sharp;
                                sharp = false;
                                plusV = plus;
                                plus = false;
                            }
                            printArg(a.get(argNum), c);
                            argNum++;
                            i++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                    }
                }
            }

            int[] an = argNumber(argNum, format, i, a.size());
            argNum = an[0];
            i = an[1];
            afterIndex = an[2] == 1;

            if (i < end && format.charAt(i) == '*') {
                i++;
                int[] r = intFromArg(a, argNum);
                wid = r[0];
                widPresent = r[1] == 1;
                argNum = r[2];
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                int[] pn = parseNum(format, i, end);
                wid = pn[0];
                widPresent = pn[1] == 1;
                i = pn[2];
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }

            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                an = argNumber(argNum, format, i, a.size());
                argNum = an[0];
                i = an[1];
                afterIndex = an[2] == 1;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    int[] r = intFromArg(a, argNum);
                    prec = r[0];
                    precPresent = r[1] == 1;
                    argNum = r[2];
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] pn = parseNum(format, i, end);
                    prec = pn[0];
                    precPresent = pn[1] == 1;
                    i = pn[2];
                    if (!precPresent) {
                        prec = 0;
                        precPresent = true;
                    }
                }
            }

            if (!afterIndex) {
                an = argNumber(argNum, format, i, a.size());
                argNum = an[0];
                i = an[1];
            }

            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }

            int verb = format.codePointAt(i);
            i += Character.charCount(verb);

            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                badArgNum(verb);
            } else if (argNum >= a.size()) {
                missingArg(verb);
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(a.get(argNum), verb);
                argNum++;
            }
        }

        if (!reordered && argNum < a.size()) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                Object x = a.get(k);
                if (x == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoTypes.typeName(x)).append('=');
                    printArg(x, 'v');
                }
            }
            buf.append(')');
        }
    }

    private void badArgNum(int verb) {
        buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    }

    private void missingArg(int verb) {
        buf.append("%!").appendCodePoint(verb).append("(MISSING)");
    }

    private void badVerb(int verb) {
        erroring = true;
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg != null) {
            buf.append(GoTypes.typeName(arg)).append('=');
            printArg(arg, 'v');
        } else if (valueValid) {
            buf.append(GoTypes.typeName(value)).append('=');
            printValue(value, 'v', 0);
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
        erroring = false;
    }

    // ---- padding ----

    private void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char pad = zero && !minus ? '0' : ' ';
        buf.repeat(pad, n);
    }

    private void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - Utf8.runeCount(s);
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    // ---- printArg / printValue ----

    private void printArg(Object a, int verb) {
        arg = a;
        value = null;
        valueValid = false;
        if (a == null) {
            if (verb == 'T' || verb == 'v') {
                pad("<nil>");
            } else {
                badVerb(verb);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoTypes.typeName(a));
            return;
        }
        if (verb == 'p') {
            fmtPointer(a, 'p');
            return;
        }
        if (a instanceof Boolean b) {
            fmtBool(b, verb);
        } else if (a instanceof Double d) {
            fmtFloat(d, 64, verb);
        } else if (a instanceof Float f) {
            fmtFloat(f, 32, verb);
        } else if (a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte) {
            fmtInteger(((Number) a).longValue(), true, verb);
        } else if (a instanceof GoInt g) {
            fmtInteger(g.bits(), !g.unsigned(), verb);
        } else if (a instanceof String s) {
            fmtString(s, verb);
        } else if (a instanceof Complex c) {
            fmtComplex(c, verb);
        } else if (a instanceof byte[] bytes) {
            fmtBytes(bytes, verb, "[]byte");
        } else if (!handleMethods(verb)) {
            printValue(a, verb, 0);
        }
    }

    private boolean handleMethods(int verb) {
        if (erroring) {
            return false;
        }
        if (sharpV) {
            return false;
        }
        if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
            if (arg instanceof GoStringer s) {
                fmtString(s.goString(), verb);
                return true;
            }
        }
        return false;
    }

    /** Prints an element of interface type: nil prints as {@code <nil>}. */
    private void printIface(Object elem, int verb, int depth) {
        arg = elem;
        if (elem != null && handleMethods(verb)) {
            return;
        }
        arg = null;
        if (elem == null) {
            if (sharpV) {
                buf.append("interface {}(nil)");
            } else {
                buf.append("<nil>");
            }
            return;
        }
        printValue(elem, verb, depth + 1);
    }

    private void printValue(Object v, int verb, int depth) {
        if (depth > 0 && v != null) {
            arg = v;
            if (handleMethods(verb)) {
                return;
            }
        }
        arg = null;
        value = v;
        valueValid = v != null;
        if (v == null) {
            if (depth == 0) {
                buf.append("<invalid reflect.Value>");
            } else if (verb == 'v') {
                buf.append("<nil>");
            } else {
                badVerb(verb);
            }
            return;
        }
        Kind k = GoTypes.kind(v);
        switch (k) {
            case BOOL -> fmtBool((Boolean) v, verb);
            case INT -> fmtInteger(((Number) v).longValue(), true, verb);
            case INT8, INT16, INT32, INT64 -> fmtInteger(((GoInt) v).bits(), true, verb);
            case UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> fmtInteger(((GoInt) v).bits(), false, verb);
            case FLOAT32 -> fmtFloat(((Number) v).doubleValue(), 32, verb);
            case FLOAT64 -> fmtFloat(((Number) v).doubleValue(), 64, verb);
            case COMPLEX128 -> fmtComplex((Complex) v, verb);
            case STRING -> fmtString((String) v, verb);
            case MAP -> printMap((Map<?, ?>) v, verb, depth);
            case SLICE -> printSlice(v, verb, depth);
            case FUNC -> fmtPointer(v, verb);
            case POINTER -> {
                // Go prints &{...} for a pointer to a struct only at the top level, an address below it.
                if (depth == 0) {
                    buf.append('&');
                    printStruct(v, verb, depth);
                } else {
                    fmtPointer(v, verb);
                }
            }
            default -> printStruct(v, verb, depth);
        }
    }

    private void printMap(Map<?, ?> m, int verb, int depth) {
        if (sharpV) {
            buf.append(GoTypes.typeName(m)).append('{');
        } else {
            buf.append("map[");
        }
        int i = 0;
        for (Map.Entry<?, ?> e : MapOrder.sorted(m)) {
            if (i++ > 0) {
                if (sharpV) {
                    buf.append(", ");
                } else {
                    buf.append(' ');
                }
            }
            printValue(e.getKey(), verb, depth + 1);
            buf.append(':');
            printIface(e.getValue(), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printSlice(Object v, int verb, int depth) {
        if (v instanceof byte[] bytes && (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
            fmtBytes(bytes, verb, GoTypes.typeName(v));
            return;
        }
        boolean iface = v instanceof List || v instanceof Object[] && !(v instanceof String[]);
        int n = v instanceof List<?> l ? l.size() : Array.getLength(v);
        if (sharpV) {
            buf.append(GoTypes.typeName(v)).append('{');
        } else {
            buf.append('[');
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                if (sharpV) {
                    buf.append(", ");
                } else {
                    buf.append(' ');
                }
            }
            Object e = v instanceof List<?> l ? l.get(i) : Array.get(v, i);
            if (iface) {
                printIface(e, verb, depth + 1);
            } else {
                printValue(e, verb, depth + 1);
            }
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printStruct(Object v, int verb, int depth) {
        if (sharpV) {
            String name = GoTypes.typeName(v);
            buf.append(name.startsWith("*") ? name.substring(1) : name);
        }
        buf.append('{');
        int i = 0;
        for (HostObjects.FieldValue f : HostObjects.fields(v)) {
            if (i++ > 0) {
                if (sharpV) {
                    buf.append(", ");
                } else {
                    buf.append(' ');
                }
            }
            if (plusV || sharpV) {
                buf.append(f.name()).append(':');
            }
            if (f.iface()) {
                printIface(f.value(), verb, depth + 1);
            } else {
                printValue(f.value(), verb, depth + 1);
            }
        }
        buf.append('}');
    }

    private void fmtPointer(Object v, int verb) {
        Kind k = GoTypes.kind(v);
        if (k != Kind.MAP && k != Kind.SLICE && k != Kind.FUNC && k != Kind.POINTER) {
            badVerb(verb);
            return;
        }
        long u = 0xc000000000L + (System.identityHashCode(v) & 0xFFFFFFFL) * 8;
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    buf.append('(').append(GoTypes.typeName(v)).append(")(");
                    fmt0x64(u, true);
                    buf.append(')');
                } else {
                    fmt0x64(u, !sharp);
                }
            }
            case 'p' -> fmt0x64(u, !sharp);
            case 'b', 'o', 'd', 'x', 'X' -> fmtInteger(u, false, verb);
            default -> badVerb(verb);
        }
    }

    private void fmt0x64(long v, boolean leading0x) {
        boolean s = sharp;
        sharp = leading0x;
        fmtIntegerBase(v, 16, false, 'v', LDIGITS);
        sharp = s;
    }

    // ---- basic formatters ----

    private void fmtBool(boolean b, int verb) {
        if (verb == 't' || verb == 'v') {
            pad(b ? "true" : "false");
        } else {
            badVerb(verb);
        }
    }

    private void fmtInteger(long v, boolean signed, int verb) {
        switch (verb) {
            case 'v' -> {
                if (sharpV && !signed) {
                    fmt0x64(v, true);
                } else {
                    fmtIntegerBase(v, 10, signed, verb, LDIGITS);
                }
            }
            case 'd' -> fmtIntegerBase(v, 10, signed, verb, LDIGITS);
            case 'b' -> fmtIntegerBase(v, 2, signed, verb, LDIGITS);
            case 'o', 'O' -> fmtIntegerBase(v, 8, signed, verb, LDIGITS);
            case 'x' -> fmtIntegerBase(v, 16, signed, verb, LDIGITS);
            case 'X' -> fmtIntegerBase(v, 16, signed, verb, UDIGITS);
            case 'c' -> fmtC(v);
            case 'q' -> fmtQc(v);
            case 'U' -> fmtUnicode(v);
            default -> badVerb(verb);
        }
    }

    private void fmtIntegerBase(long u, int base, boolean signed, int verb, String digits) {
        boolean negative = signed && u < 0;
        if (negative) {
            u = -u;
        }
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        StringBuilder d = new StringBuilder();
        switch (base) {
            case 10 -> d.append(Long.toUnsignedString(u));
            case 16 -> {
                String s = Long.toHexString(u);
                for (int i = 0; i < s.length(); i++) {
                    d.append(digits.charAt(Character.digit(s.charAt(i), 16)));
                }
            }
            case 8 -> d.append(Long.toOctalString(u));
            case 2 -> d.append(Long.toBinaryString(u));
            default -> throw new IllegalStateException();
        }
        while (d.length() < precision) {
            d.insert(0, '0');
        }
        if (sharp) {
            switch (base) {
                case 2 -> d.insert(0, "0b");
                case 8 -> {
                    if (d.charAt(0) != '0') {
                        d.insert(0, '0');
                    }
                }
                case 16 -> d.insert(0, "0" + digits.charAt(16));
                default -> { }
            }
        }
        if (verb == 'O') {
            d.insert(0, "0o");
        }
        if (negative) {
            d.insert(0, '-');
        } else if (plus) {
            d.insert(0, '+');
        } else if (space) {
            d.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(d.toString());
        zero = oldZero;
    }

    private static int runeOf(long c) {
        if (c < 0 || c > Utf8.MAX_RUNE) {
            return Utf8.RUNE_ERROR;
        }
        return (int) c;
    }

    private void fmtC(long c) {
        int r = runeOf(c);
        StringBuilder sb = new StringBuilder();
        Utf8.appendRune(sb, r);
        pad(sb.toString());
    }

    private void fmtQc(long c) {
        int r = runeOf(c);
        pad(Strconv.quoteRune(r, plus));
    }

    private void fmtUnicode(long u) {
        String hex = Long.toHexString(u).toUpperCase(java.util.Locale.ROOT);
        int precision = 4;
        if (precPresent && prec > 4) {
            precision = prec;
        }
        StringBuilder sb = new StringBuilder("U+");
        for (int i = hex.length(); i < precision; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (sharp && u >= 0 && u <= Utf8.MAX_RUNE && Strconv.isPrint((int) u)) {
            sb.append(" '").appendCodePoint((int) u).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb.toString());
        zero = oldZero;
    }

    private void fmtFloat(double v, int size, int verb) {
        switch (verb) {
            case 'v' -> fmtFloatF(v, size, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmtFloatF(v, size, (char) verb, -1);
            case 'f', 'e', 'E' -> fmtFloatF(v, size, (char) verb, 6);
            case 'F' -> fmtFloatF(v, size, 'f', 6);
            default -> badVerb(verb);
        }
    }

    private void fmtFloatF(double v, int size, char verb, int precision) {
        if (precPresent) {
            precision = prec;
        }
        String num = FloatFormat.format(v, verb, precision, size);
        if (num.charAt(0) == '-' || num.charAt(0) == '+') {
            // keep as is
        } else {
            num = "+" + num;
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num = " " + num.substring(1);
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num = num.substring(1);
            }
            pad(num);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            int digits = 0;
            if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
                digits = precision;
                if (digits == -1) {
                    digits = 6;
                }
            }
            String tail = "";
            StringBuilder n = new StringBuilder(num);
            boolean hasDecimalPoint = false;
            boolean sawNonzeroDigit = false;
            for (int i = 1; i < n.length(); i++) {
                char c = n.charAt(i);
                if (c == '.') {
                    hasDecimalPoint = true;
                } else if (c == 'p' || c == 'P') {
                    tail = n.substring(i);
                    n.setLength(i);
                    break;
                } else if ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
                    tail = n.substring(i);
                    n.setLength(i);
                    break;
                } else {
                    if (c != '0') {
                        sawNonzeroDigit = true;
                    }
                    if (sawNonzeroDigit) {
                        digits--;
                    }
                }
            }
            if (!hasDecimalPoint) {
                if (n.length() == 2 && n.charAt(1) == '0') {
                    digits--;
                }
                n.append('.');
            }
            while (digits > 0) {
                n.append('0');
                digits--;
            }
            n.append(tail);
            num = n.toString();
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        pad(num.substring(1));
    }

    private void fmtComplex(Complex c, int verb) {
        switch (verb) {
            case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
                boolean oldPlus = plus;
                buf.append('(');
                fmtFloat(c.re(), 64, verb);
                plus = true;
                fmtFloat(c.im(), 64, verb);
                buf.append("i)");
                plus = oldPlus;
            }
            default -> badVerb(verb);
        }
    }

    private void fmtString(String s, int verb) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSbx(Utf8.bytes(s), LDIGITS);
            case 'X' -> fmtSbx(Utf8.bytes(s), UDIGITS);
            case 'q' -> fmtQ(s);
            default -> badVerb(verb);
        }
    }

    private void fmtBytes(byte[] v, int verb, String typeString) {
        switch (verb) {
            case 'v', 'd' -> {
                if (sharpV) {
                    buf.append(typeString).append('{');
                    for (int i = 0; i < v.length; i++) {
                        if (i > 0) {
                            buf.append(", ");
                        }
                        fmt0x64(v[i] & 0xFF, true);
                    }
                    buf.append('}');
                } else {
                    buf.append('[');
                    for (int i = 0; i < v.length; i++) {
                        if (i > 0) {
                            buf.append(' ');
                        }
                        fmtIntegerBase(v[i] & 0xFF, 10, false, verb, LDIGITS);
                    }
                    buf.append(']');
                }
            }
            case 's' -> fmtS(new String(v, java.nio.charset.StandardCharsets.UTF_8));
            case 'x' -> fmtSbx(v, LDIGITS);
            case 'X' -> fmtSbx(v, UDIGITS);
            case 'q' -> fmtQ(new String(v, java.nio.charset.StandardCharsets.UTF_8));
            default -> {
                buf.append('[');
                for (int i = 0; i < v.length; i++) {
                    if (i > 0) {
                        buf.append(' ');
                    }
                    fmtInteger(v[i] & 0xFF, false, verb);
                }
                buf.append(']');
            }
        }
    }

    private String truncate(String s) {
        if (precPresent) {
            int n = prec;
            int i = 0;
            while (i < s.length()) {
                n--;
                if (n < 0) {
                    return s.substring(0, i);
                }
                i += Character.charCount(s.codePointAt(i));
            }
        }
        return s;
    }

    private void fmtS(String s) {
        pad(truncate(s));
    }

    private void fmtSbx(byte[] b, String digits) {
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[i] & 0xFF;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void fmtQ(String s) {
        s = truncate(s);
        if (sharp && Strconv.canBackquote(s)) {
            pad("`" + s + "`");
            return;
        }
        if (plus) {
            pad(Strconv.quoteToAscii(s));
        } else {
            pad(Strconv.quote(s));
        }
    }
}

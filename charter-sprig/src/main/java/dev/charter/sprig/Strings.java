package dev.charter.sprig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Sprig's string functions (strings.go, goutils and xstrings behaviour). */
final class Strings {
    private Strings() {}

    static final SecureRandom RANDOM = new SecureRandom();

    // ---- encodings ----

    static String b64enc(String s) {
        return Base64.getEncoder().encodeToString(Go.utf8(s));
    }

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Go's {@code base64.StdEncoding.DecodeString} (quantum by quantum, as {@code decodeQuantum}); errors as their text. */
    static String b64dec(String s) {
        byte[] src = Go.utf8(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (si < src.length) {
            int[] dbuf = new int[4];
            int dlen = 4;
            String error = null;
            quantum:
            for (int j = 0; j < 4; j++) {
                if (si == src.length) {
                    if (j == 0) {
                        return Go.str(out.toByteArray());
                    }
                    return corrupt64(si - j); // padding is required
                }
                int in = src[si] & 0xff;
                si++;
                int v = in < 128 ? B64.indexOf(in) : -1;
                if (v >= 0) {
                    dbuf[j] = v;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    j--;
                    continue;
                }
                if (in != '=') {
                    return corrupt64(si - 1);
                }
                switch (j) {
                    case 0, 1 -> {
                        return corrupt64(si - 1);
                    }
                    case 2 -> {
                        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                            si++;
                        }
                        if (si == src.length) {
                            return corrupt64(src.length);
                        }
                        if (src[si] != '=') {
                            return corrupt64(si - 1);
                        }
                        si++;
                    }
                    default -> {
                    }
                }
                while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
                    si++;
                }
                if (si < src.length) {
                    error = corrupt64(si); // trailing garbage
                }
                dlen = j;
                break quantum;
            }
            int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
            for (int k = 0; k < dlen - 1; k++) {
                out.write((val >> (16 - 8 * k)) & 0xff);
            }
            if (error != null) {
                return error;
            }
        }
        return Go.str(out.toByteArray());
    }

    private static String corrupt64(long at) {
        return "illegal base64 data at input byte " + at;
    }

    static String b32enc(String s) {
        byte[] in = Go.utf8(s);
        String alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < in.length; i += 5) {
            long buf = 0;
            int n = Math.min(5, in.length - i);
            for (int k = 0; k < 5; k++) {
                buf = (buf << 8) | (k < n ? (in[i + k] & 0xFF) : 0);
            }
            int chars = switch (n) {
                case 1 -> 2;
                case 2 -> 4;
                case 3 -> 5;
                case 4 -> 7;
                default -> 8;
            };
            for (int k = 0; k < 8; k++) {
                sb.append(k < chars ? alpha.charAt((int) ((buf >> (35 - 5 * k)) & 31)) : '=');
            }
        }
        return sb.toString();
    }

    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Go's {@code base32.StdEncoding.DecodeString}: newlines stripped first, then 8-character quanta. */
    static String b32dec(String s) {
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        for (byte b : Go.utf8(s)) {
            if (b != '\r' && b != '\n') {
                stripped.write(b);
            }
        }
        byte[] src = stripped.toByteArray();
        int olen = src.length;
        int p = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean end = false;
        while (p < olen && !end) {
            int[] dbuf = new int[8];
            int dlen = 8;
            for (int j = 0; j < 8; ) {
                int remaining = olen - p;
                if (remaining == 0) {
                    return corrupt32(olen - j); // missing padding
                }
                int in = src[p] & 0xff;
                p++;
                remaining--;
                if (in == '=' && j >= 2 && remaining < 8) {
                    if (remaining + j < 8 - 1) {
                        return corrupt32(olen); // not enough padding
                    }
                    for (int k = 0; k < 8 - 1 - j; k++) {
                        if (remaining > k && src[p + k] != '=') {
                            return corrupt32(olen - remaining + k - 1);
                        }
                    }
                    dlen = j;
                    end = true;
                    if (dlen == 1 || dlen == 3 || dlen == 6) {
                        return corrupt32(olen - remaining - 1);
                    }
                    break;
                }
                int v = in < 128 ? B32.indexOf(in) : -1;
                if (v < 0) {
                    return corrupt32(olen - remaining - 1);
                }
                dbuf[j] = v;
                j++;
            }
            long buf = 0;
            for (int k = 0; k < 8; k++) {
                buf = buf << 5 | dbuf[k];
            }
            int nbytes = switch (dlen) {
                case 2 -> 1;
                case 4 -> 2;
                case 5 -> 3;
                case 7 -> 4;
                default -> 5;
            };
            for (int k = 0; k < nbytes; k++) {
                out.write((int) ((buf >> (32 - 8 * k)) & 0xff));
            }
        }
        return Go.str(out.toByteArray());
    }

    private static String corrupt32(long at) {
        return "illegal base32 data at input byte " + at;
    }

    // ---- goutils ----

    static String abbrev(long width, String s) {
        if (width < 4) {
            return s;
        }
        return abbreviateFull(s, 0, (int) width);
    }

    static String abbrevboth(long left, long right, String s) {
        if (right < 4 || left > 0 && right < 7) {
            return s;
        }
        return abbreviateFull(s, (int) left, (int) right);
    }

    private static String abbreviateFull(String str, int offset, int maxWidth) {
        if (str.isEmpty()) {
            return "";
        }
        if (maxWidth < 4) {
            return "";
        }
        byte[] b = Go.utf8(str);
        int len = b.length;
        if (len <= maxWidth) {
            return str;
        }
        if (offset > len) {
            offset = len;
        }
        if (len - offset < maxWidth - 3) {
            offset = len - (maxWidth - 3);
        }
        if (offset <= 4) {
            return Go.str(b, 0, maxWidth - 3) + "...";
        }
        if (maxWidth < 7) {
            return "";
        }
        if (offset + maxWidth - 3 < len) {
            return "..." + abbreviateFull(Go.str(b, offset, len), 0, maxWidth - 3);
        }
        return "..." + Go.str(b, len - (maxWidth - 3), len);
    }

    /** goutils works on bytes, turning each byte into the rune of the same value. */
    private static String latin1Rune(int b) {
        return new String(Character.toChars(b & 0xFF));
    }

    static String nospace(String str) {
        if (str.isEmpty()) {
            return str;
        }
        byte[] b = Go.utf8(str);
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (byte x : b) {
            int ch = x & 0xFF;
            if (!Go.isSpace(ch)) {
                sb.append(latin1Rune(ch));
                count++;
            }
        }
        if (count == b.length) {
            return str;
        }
        return sb.toString();
    }

    static String initials(String str) {
        if (str.isEmpty()) {
            return str;
        }
        byte[] b = Go.utf8(str);
        StringBuilder sb = new StringBuilder();
        boolean lastWasGap = true;
        for (byte x : b) {
            int ch = x & 0xFF;
            if (Go.isSpace(ch)) {
                lastWasGap = true;
            } else if (lastWasGap) {
                sb.append(latin1Rune(ch));
                lastWasGap = false;
            }
        }
        return sb.toString();
    }

    static String untitle(String str) {
        if (str.isEmpty()) {
            return str;
        }
        StringBuilder sb = new StringBuilder();
        boolean next = true;
        for (int i = 0; i < str.length(); ) {
            int r = str.codePointAt(i);
            i += Character.charCount(r);
            if (Go.isSpace(r)) {
                next = true;
                sb.appendCodePoint(r);
            } else if (next) {
                sb.appendCodePoint(Unicode.toLower(r));
                next = false;
            } else {
                sb.appendCodePoint(r);
            }
        }
        return sb.toString();
    }

    static String swapcase(String str) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < str.length(); ) {
            int r = str.codePointAt(i);
            i += Character.charCount(r);
            if (Character.isUpperCase(r) && Character.getType(r) == Character.UPPERCASE_LETTER) {
                sb.appendCodePoint(Unicode.toLower(r));
            } else if (Character.getType(r) == Character.TITLECASE_LETTER) {
                sb.appendCodePoint(Unicode.toLower(r));
            } else if (Character.getType(r) == Character.LOWERCASE_LETTER) {
                sb.appendCodePoint(Unicode.toUpper(r));
            } else {
                sb.appendCodePoint(r);
            }
        }
        return sb.toString();
    }

    static String wrap(long l, String s) {
        return wrapCustom(s, l, "", false);
    }

    static String wrapWith(long l, String sep, String str) {
        return wrapCustom(str, l, sep, true);
    }

    private static String wrapCustom(String s, long wrapLengthL, String newLine, boolean wrapLongWords) {
        if (s.isEmpty()) {
            return "";
        }
        if (newLine.isEmpty()) {
            newLine = "\n";
        }
        int wrapLength = (int) Math.max(1, Math.min(wrapLengthL, Integer.MAX_VALUE / 2));
        byte[] str = Go.utf8(s);
        int inputLineLength = str.length;
        int offset = 0;
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] nl = Go.utf8(newLine);
        while (inputLineLength - offset > wrapLength) {
            if (str[offset] == ' ') {
                offset++;
                continue;
            }
            int end = wrapLength + offset + 1;
            int spaceToWrapAt = lastIndexOfSpace(str, offset, end) + offset;
            if (spaceToWrapAt >= offset) {
                buf.write(str, offset, spaceToWrapAt - offset);
                buf.writeBytes(nl);
                offset = spaceToWrapAt + 1;
            } else if (wrapLongWords) {
                int e = wrapLength + offset;
                buf.write(str, offset, e - offset);
                buf.writeBytes(nl);
                offset += wrapLength;
            } else {
                int e = wrapLength + offset;
                int index = -1;
                for (int k = e; k < str.length; k++) {
                    if (str[k] == ' ') {
                        index = k - e;
                        break;
                    }
                }
                if (index == -1) {
                    buf.write(str, offset, str.length - offset);
                    offset = inputLineLength;
                } else {
                    spaceToWrapAt = index + e;
                    buf.write(str, offset, spaceToWrapAt - offset);
                    buf.writeBytes(nl);
                    offset = spaceToWrapAt + 1;
                }
            }
        }
        buf.write(str, offset, str.length - offset);
        out.append(Go.str(buf.toByteArray()));
        return out.toString();
    }

    private static int lastIndexOfSpace(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == ' ') {
                return i - from;
            }
        }
        return -1;
    }

    static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String NUM = "0123456789";

    static String random(long count, String chars) {
        if (count <= 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < count; i++) {
            sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return sb.toString();
    }

    static String randAscii(long count) {
        if (count <= 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < count; i++) {
            sb.append((char) (32 + RANDOM.nextInt(95)));
        }
        return sb.toString();
    }

    // ---- xstrings ----

    static String shuffle(String str) {
        int[] runes = str.codePoints().toArray();
        for (int i = runes.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            int t = runes[i];
            runes[i] = runes[j];
            runes[j] = t;
        }
        return new String(runes, 0, runes.length);
    }

    private static boolean isConnector(int r) {
        return r == '-' || r == '_' || Go.isSpace(r);
    }

    static String camelcase(String str) {
        if (str.isEmpty()) {
            return "";
        }
        StringBuilder buf = new StringBuilder();
        int[] rs = str.codePoints().toArray();
        int i = 0;
        int r0 = 0;
        int r1;
        boolean got = false;
        while (i < rs.length) {
            r0 = rs[i++];
            got = true;
            if (!isConnector(r0)) {
                r0 = Unicode.toUpper(r0);
                break;
            }
            buf.appendCodePoint(r0);
        }
        if (i >= rs.length) {
            if (got) {
                buf.appendCodePoint(r0);
            }
            return buf.toString();
        }
        while (i < rs.length) {
            r1 = r0;
            r0 = rs[i++];
            if (isConnector(r0) && isConnector(r1)) {
                buf.appendCodePoint(r1);
                continue;
            }
            if (isConnector(r1)) {
                r0 = Unicode.toUpper(r0);
            } else {
                buf.appendCodePoint(r1);
            }
        }
        buf.appendCodePoint(r0);
        return buf.toString();
    }

    private enum WT { INVALID, NUMBER, UPPER, ALPHA, CONNECTOR, PUNCT, OTHER }

    private record Word(WT wt, String word, String remaining) {}

    private static boolean isAlphabet(int r) {
        return Character.isLetter(r);
    }

    private static boolean isPunct(int r) {
        return Unicode.isPunct(r);
    }

    private static boolean isNumber(int r) {
        int t = Character.getType(r);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static boolean isUpper(int r) {
        return Character.getType(r) == Character.UPPERCASE_LETTER;
    }

    private static Word nextWord(String str) {
        if (str.isEmpty()) {
            return new Word(WT.INVALID, "", "");
        }
        int offset = 0;
        String remaining = str;
        int r = remaining.codePointAt(0);
        int size = Character.charCount(r);
        offset += size;
        WT wt;
        if (isConnector(r)) {
            wt = WT.CONNECTOR;
            remaining = remaining.substring(size);
            while (!remaining.isEmpty()) {
                r = remaining.codePointAt(0);
                size = Character.charCount(r);
                if (!isConnector(r)) {
                    break;
                }
                offset += size;
                remaining = remaining.substring(size);
            }
        } else if (isPunct(r)) {
            wt = WT.PUNCT;
            remaining = remaining.substring(size);
            while (!remaining.isEmpty()) {
                r = remaining.codePointAt(0);
                size = Character.charCount(r);
                if (!isPunct(r)) {
                    break;
                }
                offset += size;
                remaining = remaining.substring(size);
            }
        } else if (isUpper(r)) {
            wt = WT.UPPER;
            remaining = remaining.substring(size);
            if (!remaining.isEmpty()) {
                r = remaining.codePointAt(0);
                size = Character.charCount(r);
                if (isUpper(r)) {
                    int prevSize = size;
                    offset += size;
                    remaining = remaining.substring(size);
                    while (!remaining.isEmpty()) {
                        r = remaining.codePointAt(0);
                        size = Character.charCount(r);
                        if (!isUpper(r)) {
                            break;
                        }
                        prevSize = size;
                        offset += size;
                        remaining = remaining.substring(size);
                    }
                    if (!remaining.isEmpty() && isAlphabet(r)) {
                        offset -= prevSize;
                        remaining = str.substring(offset);
                    }
                } else if (isAlphabet(r)) {
                    offset += size;
                    remaining = remaining.substring(size);
                    while (!remaining.isEmpty()) {
                        r = remaining.codePointAt(0);
                        size = Character.charCount(r);
                        if (!isAlphabet(r) || isUpper(r)) {
                            break;
                        }
                        offset += size;
                        remaining = remaining.substring(size);
                    }
                }
            }
        } else if (isAlphabet(r)) {
            wt = WT.ALPHA;
            remaining = remaining.substring(size);
            while (!remaining.isEmpty()) {
                r = remaining.codePointAt(0);
                size = Character.charCount(r);
                if (!isAlphabet(r) || isUpper(r)) {
                    break;
                }
                offset += size;
                remaining = remaining.substring(size);
            }
        } else if (isNumber(r)) {
            wt = WT.NUMBER;
            remaining = remaining.substring(size);
            while (!remaining.isEmpty()) {
                r = remaining.codePointAt(0);
                size = Character.charCount(r);
                if (!isNumber(r)) {
                    break;
                }
                offset += size;
                remaining = remaining.substring(size);
            }
        } else {
            wt = WT.OTHER;
            remaining = remaining.substring(size);
            while (!remaining.isEmpty()) {
                r = remaining.codePointAt(0);
                size = Character.charCount(r);
                if (isConnector(r) || isAlphabet(r) || isNumber(r) || isPunct(r)) {
                    break;
                }
                offset += size;
                remaining = remaining.substring(size);
            }
        }
        return new Word(wt, str.substring(0, offset), remaining);
    }

    private static void toLower(StringBuilder buf, WT wt, String str, int connector) {
        if (wt != WT.UPPER && wt != WT.CONNECTOR) {
            buf.append(str);
            return;
        }
        for (int i = 0; i < str.length(); ) {
            int r = str.codePointAt(i);
            i += Character.charCount(r);
            if (isConnector(r)) {
                buf.appendCodePoint(connector);
            } else if (isUpper(r)) {
                buf.appendCodePoint(Unicode.toLower(r));
            } else {
                buf.appendCodePoint(r);
            }
        }
    }

    static String snakecase(String s) {
        return camelCaseToLowerCase(s, '_');
    }

    static String kebabcase(String s) {
        return camelCaseToLowerCase(s, '-');
    }

    private static String camelCaseToLowerCase(String str, int connector) {
        if (str.isEmpty()) {
            return "";
        }
        StringBuilder buf = new StringBuilder();
        Word w = nextWord(str);
        WT wt = w.wt;
        String word = w.word;
        String remaining = w.remaining;
        while (!remaining.isEmpty()) {
            if (wt != WT.CONNECTOR) {
                toLower(buf, wt, word, connector);
            }
            WT prev = wt;
            String last = word;
            w = nextWord(remaining);
            wt = w.wt;
            word = w.word;
            remaining = w.remaining;
            switch (prev) {
                case NUMBER -> {
                    while (wt == WT.ALPHA || wt == WT.NUMBER) {
                        toLower(buf, wt, word, connector);
                        w = nextWord(remaining);
                        wt = w.wt;
                        word = w.word;
                        remaining = w.remaining;
                    }
                    if (wt != WT.INVALID && wt != WT.PUNCT && wt != WT.CONNECTOR) {
                        buf.appendCodePoint(connector);
                    }
                }
                case CONNECTOR -> toLower(buf, prev, last, connector);
                case PUNCT -> { }
                default -> {
                    if (wt != WT.NUMBER) {
                        if (wt != WT.CONNECTOR && wt != WT.PUNCT) {
                            buf.appendCodePoint(connector);
                        }
                        break;
                    }
                    if (remaining.isEmpty()) {
                        break;
                    }
                    String last2 = word;
                    w = nextWord(remaining);
                    wt = w.wt;
                    word = w.word;
                    remaining = w.remaining;
                    if (wt != WT.ALPHA) {
                        toLower(buf, WT.NUMBER, last2, connector);
                        if (wt != WT.CONNECTOR && wt != WT.PUNCT) {
                            buf.appendCodePoint(connector);
                        }
                        break;
                    }
                    buf.appendCodePoint(connector);
                    toLower(buf, WT.NUMBER, last2, connector);
                    while (wt == WT.ALPHA || wt == WT.NUMBER) {
                        toLower(buf, wt, word, connector);
                        w = nextWord(remaining);
                        wt = w.wt;
                        word = w.word;
                        remaining = w.remaining;
                    }
                    if (wt != WT.INVALID && wt != WT.CONNECTOR && wt != WT.PUNCT) {
                        buf.appendCodePoint(connector);
                    }
                }
            }
        }
        toLower(buf, wt, word, connector);
        return buf.toString();
    }

    // ---- strings.go ----

    static String quote(List<Object> args) {
        List<String> out = new ArrayList<>();
        for (Object s : args) {
            if (s != null) {
                out.add(Go.quote(Go.strval(s)));
            }
        }
        return String.join(" ", out);
    }

    static String squote(List<Object> args) {
        List<String> out = new ArrayList<>();
        for (Object s : args) {
            if (s != null) {
                out.add("'" + Go.sprint(s) + "'");
            }
        }
        return String.join(" ", out);
    }

    static String cat(List<Object> args) {
        List<Object> v = new ArrayList<>();
        for (Object o : args) {
            if (o != null) {
                v.add(o);
            }
        }
        String fmt = ("%v ".repeat(v.size())).strip();
        return dev.charter.template.fmt.GoFmt.sprintf(fmt, v);
    }

    static String indent(long spaces, String v) {
        String pad = " ".repeat((int) Math.max(0, spaces));
        if (spaces < 0) {
            throw new SprigException("strings: negative Repeat count");
        }
        return pad + v.replace("\n", "\n" + pad);
    }

    static String nindent(long spaces, String v) {
        return "\n" + indent(spaces, v);
    }

    static String repeat(long count, String s) {
        if (count < 0) {
            throw new SprigException("strings: negative Repeat count");
        }
        if (!s.isEmpty() && (long) Go.utf8(s).length * count > Integer.MAX_VALUE / 4) {
            throw new SprigException("strings: Repeat output length overflow");
        }
        return s.repeat((int) count);
    }

    static String plural(String one, String many, long count) {
        return count == 1 ? one : many;
    }

    static GoSlice toStrings(Object v) {
        if (v instanceof GoSlice gs && gs.goType() == GoSlice.STRINGS) {
            return gs;
        }
        if (Go.isList(v)) {
            List<String> b = new ArrayList<>();
            for (Object o : Go.elements(v)) {
                if (o != null) {
                    b.add(Go.strval(o));
                }
            }
            return GoSlice.strings(b);
        }
        if (v == null) {
            return GoSlice.strings(List.of());
        }
        return GoSlice.strings(List.of(Go.strval(v)));
    }

    static String trunc(long c, String s) {
        byte[] b = Go.utf8(s);
        if (c < 0 && b.length + c > 0) {
            return Go.str(b, (int) (b.length + c), b.length);
        }
        if (c >= 0 && b.length > c) {
            return Go.str(b, 0, (int) c);
        }
        return s;
    }

    static String join(String sep, Object v) {
        List<String> parts = new ArrayList<>();
        for (Object o : toStrings(v)) {
            parts.add((String) o);
        }
        return String.join(sep, parts);
    }

    static List<String> goSplit(String s, String sep, long n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return null;
        }
        if (sep.isEmpty()) {
            int[] cps = s.codePoints().toArray();
            int count = cps.length;
            if (n > 0 && n < count) {
                count = (int) n;
            }
            int idx = 0;
            for (int i = 0; i < count - 1; i++) {
                out.add(new String(Character.toChars(cps[i])));
                idx += Character.charCount(cps[i]);
            }
            if (count > 0) {
                out.add(s.substring(idx));
            }
            return out;
        }
        if (n < 0) {
            n = Long.MAX_VALUE;
        }
        int start = 0;
        while (out.size() < n - 1) {
            int i = s.indexOf(sep, start);
            if (i < 0) {
                break;
            }
            out.add(s.substring(start, i));
            start = i + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    static GoMap split(String sep, String orig) {
        return toIndexMap(goSplit(orig, sep, -1));
    }

    static GoMap splitn(String sep, long n, String orig) {
        List<String> parts = goSplit(orig, sep, n);
        return toIndexMap(parts == null ? List.of() : parts);
    }

    private static GoMap toIndexMap(List<String> parts) {
        GoMap m = new GoMap(GoMap.STRING_STRING);
        for (int i = 0; i < parts.size(); i++) {
            m.put("_" + i, parts.get(i));
        }
        return m;
    }

    static GoSlice splitList(String sep, String orig) {
        return GoSlice.strings(goSplit(orig, sep, -1));
    }

    static String substr(long start, long end, String s) {
        byte[] b = Go.utf8(s);
        if (start < 0) {
            return Go.slice(s, 0, (int) Math.max(Math.min(end, Integer.MAX_VALUE), Integer.MIN_VALUE));
        }
        if (end < 0 || end > b.length) {
            if (start > b.length) {
                throw SprigException.sliceBounds("[" + start + ":" + b.length + "]");
            }
            return Go.str(b, (int) start, b.length);
        }
        if (start > end) {
            throw SprigException.sliceBounds("[" + start + ":" + end + "]");
        }
        return Go.str(b, (int) start, (int) end);
    }

    static String trim(String s) {
        int st = 0;
        int en = s.length();
        while (st < en && Go.isSpace(s.codePointAt(st))) {
            st += Character.charCount(s.codePointAt(st));
        }
        while (en > st && Go.isSpace(s.codePointBefore(en))) {
            en -= Character.charCount(s.codePointBefore(en));
        }
        return s.substring(st, en);
    }

    static String trimAll(String cutset, String s) {
        int st = 0;
        int en = s.length();
        while (st < en && cutset.indexOf(s.codePointAt(st)) >= 0) {
            st += Character.charCount(s.codePointAt(st));
        }
        while (en > st && cutset.indexOf(s.codePointBefore(en)) >= 0) {
            en -= Character.charCount(s.codePointBefore(en));
        }
        return s.substring(st, en);
    }

    static String upper(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(r -> sb.appendCodePoint(Unicode.toUpper(r)));
        return sb.toString();
    }

    static String lower(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(r -> sb.appendCodePoint(Unicode.toLower(r)));
        return sb.toString();
    }

    /** Go's deprecated strings.Title: upper-cases letters that follow a separator. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (isTitleSeparator(prev)) {
                sb.appendCodePoint(Unicode.toTitle(r));
            } else {
                sb.appendCodePoint(r);
            }
            prev = r;
        }
        return sb.toString();
    }

    private static boolean isTitleSeparator(int r) {
        if (r <= 0x7F) {
            if ('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_') {
                return false;
            }
            return true;
        }
        if (Character.isLetter(r) || isNumber(r)) {
            return false;
        }
        return Go.isSpace(r);
    }

    static Map<String, Object> unused() {
        return null;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.charter.template.text;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding with Go's rules. Go templates count positions in bytes and decode runes leniently
 * (an invalid byte is one {@code U+FFFD} of width 1), so the lexer and the string builtins work on
 * UTF-8 bytes rather than on Java's UTF-16 chars.
 */
public final class Utf8 {
    public static final int RUNE_ERROR = 0xFFFD;
    public static final int MAX_RUNE = 0x10FFFF;

    private Utf8() {}

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String string(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Decodes the rune at {@code pos}; returns {@code rune | (width << 32)}. */
    public static long decode(byte[] b, int pos, int end) {
        int n = end - pos;
        if (n <= 0) {
            return RUNE_ERROR;
        }
        int c0 = b[pos] & 0xFF;
        if (c0 < 0x80) {
            return c0 | (1L << 32);
        }
        if (c0 >= 0xC2 && c0 <= 0xDF && n >= 2 && cont(b[pos + 1])) {
            return (((c0 & 0x1F) << 6) | (b[pos + 1] & 0x3F)) | (2L << 32);
        }
        if (c0 >= 0xE0 && c0 <= 0xEF && n >= 3 && cont(b[pos + 1]) && cont(b[pos + 2])) {
            int c1 = b[pos + 1] & 0xFF;
            if ((c0 == 0xE0 && c1 < 0xA0) || (c0 == 0xED && c1 > 0x9F)) {
                return RUNE_ERROR | (1L << 32);
            }
            return (((c0 & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (b[pos + 2] & 0x3F)) | (3L << 32);
        }
        if (c0 >= 0xF0 && c0 <= 0xF4 && n >= 4 && cont(b[pos + 1]) && cont(b[pos + 2]) && cont(b[pos + 3])) {
            int c1 = b[pos + 1] & 0xFF;
            if ((c0 == 0xF0 && c1 < 0x90) || (c0 == 0xF4 && c1 > 0x8F)) {
                return RUNE_ERROR | (1L << 32);
            }
            int r = ((c0 & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((b[pos + 2] & 0x3F) << 6) | (b[pos + 3] & 0x3F);
            return r | (4L << 32);
        }
        return RUNE_ERROR | (1L << 32);
    }

    /** Decodes the rune that ends just before {@code end}; same packing as {@link #decode}. */
    public static long decodeLast(byte[] b, int start, int end) {
        if (end <= start) {
            return RUNE_ERROR;
        }
        int lim = Math.max(start, end - 4);
        int s = end - 1;
        while (s > lim && (b[s] & 0xC0) == 0x80) {
            s--;
        }
        long d = decode(b, s, end);
        if (s + width(d) != end) {
            return RUNE_ERROR | (1L << 32);
        }
        return d;
    }

    public static int rune(long packed) {
        return (int) packed;
    }

    public static int width(long packed) {
        return (int) (packed >>> 32);
    }

    private static boolean cont(byte x) {
        return (x & 0xC0) == 0x80;
    }

    public static int runeCount(String s) {
        return s.codePointCount(0, s.length());
    }

    public static void appendRune(StringBuilder sb, int r) {
        if (r < 0 || r > MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF)) {
            r = RUNE_ERROR;
        }
        sb.appendCodePoint(r);
    }

    public static boolean validRune(long r) {
        return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= MAX_RUNE);
    }
}

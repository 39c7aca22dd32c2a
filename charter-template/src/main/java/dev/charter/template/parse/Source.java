package dev.charter.template.parse;

import dev.charter.template.text.Utf8;

/**
 * The text handed to one parse call and the name it was parsed under. Every tree produced by that
 * call (including {@code define}d ones) shares it, as Go's trees share {@code text} and
 * {@code ParseName}; execution errors compute {@code line:col} from it.
 */
public record Source(String parseName, byte[] bytes) {
    /** Go's Tree.ErrorContext location: {@code name:line:byteColumn}. */
    public String location(int pos) {
        int p = Math.min(pos, bytes.length);
        int lastNl = -1;
        int lines = 1;
        for (int i = 0; i < p; i++) {
            if (bytes[i] == '\n') {
                lastNl = i;
                lines++;
            }
        }
        int col = lastNl == -1 ? p : p - (lastNl + 1);
        return parseName + ":" + lines + ":" + col;
    }

    public static Source of(String name, String text) {
        return new Source(name, Utf8.bytes(text));
    }
}

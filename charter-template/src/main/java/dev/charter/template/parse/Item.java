package dev.charter.template.parse;

import dev.charter.template.text.Strconv;
import dev.charter.template.text.Utf8;

/** A token: its kind, byte position, text and the line it starts on. */
record Item(ItemType type, int pos, String val, int line) {
    /** Go's item.String(), used in "unexpected X in Y" messages. */
    String describe() {
        if (type == ItemType.EOF) {
            return "EOF";
        }
        if (type == ItemType.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (Utf8.bytes(val).length > 10) {
            int end = val.offsetByCodePoints(0, Math.min(10, val.codePointCount(0, val.length())));
            return Strconv.quote(val.substring(0, end)) + "...";
        }
        return Strconv.quote(val);
    }
}

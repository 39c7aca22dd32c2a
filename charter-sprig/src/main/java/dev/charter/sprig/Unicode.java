package dev.charter.sprig;

/** Go's unicode package case mappings and classes (simple, per-rune mappings). */
final class Unicode {
    private Unicode() {}

    static int toUpper(int r) {
        if (r < 0x80) {
            return r >= 'a' && r <= 'z' ? r - 32 : r;
        }
        return Character.toUpperCase(r);
    }

    static int toLower(int r) {
        if (r < 0x80) {
            return r >= 'A' && r <= 'Z' ? r + 32 : r;
        }
        return Character.toLowerCase(r);
    }

    static int toTitle(int r) {
        if (r < 0x80) {
            return toUpper(r);
        }
        return Character.toTitleCase(r);
    }

    static boolean isPunct(int r) {
        switch (Character.getType(r)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }
}

package dev.charter.chart;

/** Go's {@code %q} for the strings that appear in Helm's chart errors. */
public final class GoQuote {

    private GoQuote() {
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0x07 -> b.append("\\a");
                case 0x08 -> b.append("\\b");
                case 0x0C -> b.append("\\f");
                case 0x0B -> b.append("\\v");
                default -> {
                    if (Sanitize.isGoPrint(c)) {
                        b.appendCodePoint(c);
                    } else if (c < 0x80) {
                        b.append(String.format("\\x%02x", c));
                    } else if (c <= 0xFFFF) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append(String.format("\\U%08x", c));
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}

package dev.charter.cli.oci;

import dev.charter.cli.CliException;

/**
 * The parts of Go's {@code url.Parse} Helm's push and pull depend on: scheme detection (lower-cased)
 * and the "first path segment in URL cannot contain colon" failure.
 */
record GoUrl(String scheme, String rest) {

    /** @throws CliException {@code invalid chart URL format: <text>} when Go would fail to parse */
    static GoUrl parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new CliException("invalid chart URL format: " + text);
            }
        }
        int colon = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                continue;
            }
            if ((Character.isDigit(c) || c == '+' || c == '-' || c == '.') && i > 0) {
                continue;
            }
            if (c == ':' && i > 0) {
                colon = i;
            }
            if (c == ':' && i == 0) {
                throw new CliException("invalid chart URL format: " + text);
            }
            break;
        }
        if (colon > 0) {
            return new GoUrl(text.substring(0, colon).toLowerCase(java.util.Locale.ROOT), text.substring(colon + 1));
        }
        int slash = text.indexOf('/');
        String firstSegment = slash < 0 ? text : text.substring(0, slash);
        if (firstSegment.contains(":")) {
            throw new CliException("invalid chart URL format: " + text);
        }
        return new GoUrl("", text);
    }

    /** Go's {@code URL.String()} re-escaping of the characters charts' references realistically contain. */
    static String escapePath(String text) {
        return text.replace(" ", "%20");
    }
}

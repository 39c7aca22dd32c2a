package dev.charter.repo;

/** Go's {@code json.Indent} with prefix "" and indent two spaces, over compact JSON. */
final class GoJsonIndent {

    private GoJsonIndent() {
    }

    static String indent(String compact) {
        StringBuilder b = new StringBuilder(compact.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\') {
                    b.append(compact.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    b.append(c);
                }
                case '{', '[' -> {
                    char next = i + 1 < compact.length() ? compact.charAt(i + 1) : ' ';
                    if (next == '}' || next == ']') {
                        b.append(c).append(next);
                        i++;
                    } else {
                        depth++;
                        b.append(c).append('\n').append("  ".repeat(depth));
                    }
                }
                case '}', ']' -> {
                    depth--;
                    b.append('\n').append("  ".repeat(depth)).append(c);
                }
                case ',' -> b.append(",\n").append("  ".repeat(depth));
                case ':' -> b.append(": ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

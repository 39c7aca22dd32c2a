package dev.charter.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * YAML output byte-compatible with Go's {@code sigs.k8s.io/yaml.Marshal} (JSON round trip, then
 * go-yaml v2's emitter): keys sorted with go-yaml's natural order, 2-space indentation, block
 * sequences not indented inside mappings, strings quoted when they would read back as another
 * type, {@code |} literals for multi-line text and plain/quoted text wrapped at column 80.
 *
 * <p>Accepted values: {@link Map} (keys rendered as strings), {@link Collection}, arrays of
 * Object, {@link CharSequence}, {@link Boolean}, {@link Number}, {@code null}.
 */
public final class GoYaml {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    /** Column after which text is folded; unlimited for go-yaml v3's encoder as Helm uses it. */
    private final int bestWidth;

    private final StringBuilder out = new StringBuilder();
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int indent = -1;

    private GoYaml(int bestWidth) {
        this.bestWidth = bestWidth;
    }

    /** The YAML document for {@code value}, ending in a newline. */
    public static String marshal(Object value) {
        return marshal(value, BEST_WIDTH);
    }

    /** As {@link #marshal(Object)} with long text never folded (go-yaml v3's encoder). */
    public static String marshalUnfolded(Object value) {
        return marshal(value, Integer.MAX_VALUE);
    }

    private static String marshal(Object value, int bestWidth) {
        GoYaml e = new GoYaml(bestWidth);
        e.node(normalize(value), false, false, false, true);
        e.writeIndent(); // document end
        return e.out.toString();
    }

    // ---- value model ------------------------------------------------------------------------

    /** JSON round trip of {@code sigs.k8s.io/yaml}: numbers become JSON numbers, keys strings. */
    private static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof Map<?, ?> m) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            m.forEach((k, val) -> entries.add(Map.entry(keyString(k), new Holder(normalize(val)))));
            entries.sort((a, b) -> GoYamlKeyOrder.compare(a.getKey(), b.getKey()));
            return new SortedMapNode(entries);
        }
        if (v instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>();
            c.forEach(x -> list.add(normalize(x)));
            return list;
        }
        if (v instanceof Object[] a) {
            return normalize(List.of(a));
        }
        if (v instanceof Number n) {
            return numberText(n);
        }
        if (v instanceof GoYamlResolver.Timestamp t) {
            return t.text();
        }
        return v.toString();
    }

    private static String keyString(Object k) {
        if (k == null) {
            return "null";
        }
        if (k instanceof Double || k instanceof Float) {
            return GoFloat.format32(((Number) k).doubleValue());
        }
        return k.toString();
    }

    /** How a number comes out of Go's JSON encoder and back through go-yaml's resolver. */
    private static RawScalar numberText(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("json: unsupported value: " + GoFloat.format64(d));
            }
            double abs = Math.abs(d);
            if (d == Math.rint(d) && abs < 1e21) {
                // encoding/json writes integral floats with their shortest digits and no fraction
                // (12345678901234567000); go-yaml reads that back as an int when it fits int64 or
                // uint64, otherwise as a float64 written with 'g' (-9.223372036854776e+18)
                BigInteger i = new BigDecimal(Double.toString(d)).toBigInteger();
                if (i.bitLength() < 64 || (i.signum() > 0 && i.bitLength() == 64)) {
                    return new RawScalar(i.toString());
                }
                return new RawScalar(GoFloat.format64(d));
            }
            return new RawScalar(GoFloat.format64(d));
        }
        if (n instanceof BigDecimal bd) {
            return numberText(bd.doubleValue());
        }
        return new RawScalar(n instanceof BigInteger bi ? bi.toString() : Long.toString(n.longValue()));
    }

    private record Holder(Object value) {
    }

    private record SortedMapNode(List<Map.Entry<String, Object>> entries) {
    }

    /** A scalar that is written plain as is (numbers). */
    private record RawScalar(String text) {
    }

    // ---- emitter (a port of the relevant parts of libyaml's emitter) --------------------------

    private void node(Object v, boolean inSequence, boolean inMapping, boolean simpleKey, boolean root) {
        if (v instanceof SortedMapNode m) {
            if (m.entries().isEmpty()) {
                flowEmpty("{", "}");
            } else {
                blockMapping(m);
            }
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                flowEmpty("[", "]");
            } else {
                blockSequence(l, inMapping);
            }
        } else if (v == null) {
            scalar("null", Style.PLAIN, simpleKey);
        } else if (v instanceof Boolean b) {
            scalar(b.toString(), Style.PLAIN, simpleKey);
        } else if (v instanceof RawScalar r) {
            scalar(r.text(), Style.PLAIN, simpleKey);
        } else {
            String s = (String) v;
            Style style;
            if (s.contains("\n")) {
                style = Style.LITERAL;
            } else if (!GoYamlResolver.needsQuoting(s)) {
                style = Style.PLAIN;
            } else {
                style = Style.DOUBLE;
            }
            scalar(s, style, simpleKey);
        }
    }

    private void flowEmpty(String open, String close) {
        writeIndicator(open, true, true, false);
        writeIndicator(close, false, false, false);
    }

    private void increaseIndent(boolean flow, boolean indentless) {
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void blockMapping(SortedMapNode m) {
        int saved = indent;
        increaseIndent(false, false);
        for (Map.Entry<String, Object> e : m.entries()) {
            writeIndent();
            if (simpleKeyAllowed(e.getKey())) {
                node(e.getKey(), false, true, true, false);
                writeIndicator(":", false, false, false);
            } else {
                // libyaml's complex key: "? " + the key in its own style, then ": " on a new line
                writeIndicator("?", true, false, true);
                node(e.getKey(), false, true, false, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(((Holder) e.getValue()).value(), false, true, false, false);
        }
        indent = saved;
    }

    /** libyaml's {@code yaml_emitter_check_simple_key} for a scalar key: one line, at most 128 bytes. */
    private static boolean simpleKeyAllowed(String key) {
        if (key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
            return false;
        }
        return key.codePoints().noneMatch(Analysis::isBreak);
    }

    private void blockSequence(List<?> items, boolean mappingContext) {
        int saved = indent;
        increaseIndent(false, mappingContext && !indention);
        for (Object item : items) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, true, false, false, false);
        }
        indent = saved;
    }

    private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

    private void scalar(String value, Style requested, boolean simpleKey) {
        Analysis a = Analysis.of(value);
        Style style = requested;
        if (style == Style.PLAIN) {
            if (!a.blockPlainAllowed || (value.isEmpty() && simpleKey)) {
                style = Style.SINGLE;
            }
        }
        if (style == Style.SINGLE && !a.singleQuotedAllowed) {
            style = Style.DOUBLE;
        }
        if (style == Style.LITERAL && (!a.blockAllowed || simpleKey)) {
            style = Style.DOUBLE;
        }
        int saved = indent;
        increaseIndent(true, false);
        switch (style) {
            case PLAIN -> writePlain(value, !simpleKey);
            case SINGLE -> writeSingle(value, !simpleKey);
            case DOUBLE -> writeDouble(value, !simpleKey);
            case LITERAL -> writeLiteral(value);
        }
        indent = saved;
    }

    private void put(int cp) {
        out.appendCodePoint(cp);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
    }

    private void writeIndent() {
        int ind = Math.max(indent, 0);
        if (!indention || column > ind || (column == ind && !whitespace)) {
            putBreak();
        }
        while (column < ind) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        indicator.codePoints().forEach(this::put);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void writePlain(String value, boolean allowBreaks) {
        if (!whitespace) {
            put(' ');
        }
        int[] cps = value.codePoints().toArray();
        boolean spaces = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > bestWidth && !(i + 1 < cps.length && cps[i + 1] == ' ')) {
                    writeIndent();
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                indention = false;
                spaces = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingle(String value, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        int[] cps = value.codePoints().toArray();
        boolean spaces = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > bestWidth && i != 0 && i != cps.length - 1
                        && !(cps[i + 1] == ' ')) {
                    writeIndent();
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                if (c == '\'') {
                    put('\'');
                }
                put(c);
                indention = false;
                spaces = false;
            }
        }
        writeIndicator("'", false, false, false);
    }

    private void writeDouble(String value, boolean allowBreaks) {
        writeIndicator("\"", true, false, false);
        int[] cps = value.codePoints().toArray();
        boolean spaces = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (!Analysis.isPrintable(c) || c == 0xFEFF || Analysis.isBreak(c) || c == '"' || c == '\\') {
                escape(c);
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > bestWidth && i != 0 && i != cps.length - 1) {
                    writeIndent();
                    if (cps[i + 1] == ' ') {
                        put('\\');
                    }
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
        writeIndicator("\"", false, false, false);
    }

    private void escape(int c) {
        put('\\');
        String simple = switch (c) {
            case 0 -> "0";
            case 0x07 -> "a";
            case 0x08 -> "b";
            case 0x09 -> "t";
            case 0x0A -> "n";
            case 0x0B -> "v";
            case 0x0C -> "f";
            case 0x0D -> "r";
            case 0x1B -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 0x85 -> "N";
            case 0xA0 -> "_";
            case 0x2028 -> "L";
            case 0x2029 -> "P";
            default -> null;
        };
        if (simple != null) {
            simple.codePoints().forEach(this::put);
            return;
        }
        String hex;
        if (c <= 0xFF) {
            hex = "x" + String.format("%02X", c);
        } else if (c <= 0xFFFF) {
            hex = "u" + String.format("%04X", c);
        } else {
            hex = "U" + String.format("%08X", c);
        }
        hex.codePoints().forEach(this::put);
    }

    private void writeLiteral(String value) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        int[] cps = value.codePoints().toArray();
        for (int c : cps) {
            if (Analysis.isBreak(c)) {
                if (c == '\n') {
                    putBreak();
                } else {
                    put(c);
                    column = 0;
                }
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                    breaks = false;
                }
                put(c);
                indention = false;
            }
        }
    }

    private void writeBlockScalarHints(String value) {
        int[] cps = value.codePoints().toArray();
        if (cps.length > 0 && (cps[0] == ' ' || Analysis.isBreak(cps[0]))) {
            writeIndicator(Integer.toString(BEST_INDENT), false, false, false);
        }
        String chomp = null;
        if (cps.length == 0 || !Analysis.isBreak(cps[cps.length - 1])) {
            chomp = "-";
        } else if (cps.length == 1 || Analysis.isBreak(cps[cps.length - 2])) {
            chomp = "+";
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
    }

    /** libyaml's {@code yaml_emitter_analyze_scalar}, reduced to the block context go-yaml v2 uses. */
    private record Analysis(boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {

        static boolean isBreak(int c) {
            return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
        }

        static boolean isBlankz(int c) {
            return c == ' ' || c == '\t' || isBreak(c) || c == 0;
        }

        static boolean isPrintable(int c) {
            // go-yaml's is_printable looks at UTF-8 bytes: NEL (C2 85) and 4-byte sequences fail it
            return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
        }

        static Analysis of(String value) {
            if (value.isEmpty()) {
                return new Analysis(true, true, false);
            }
            int[] cps = value.codePoints().toArray();
            boolean blockIndicators = false;
            boolean flowIndicators = false;
            boolean lineBreaks = false;
            boolean specialCharacters = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean previousSpace = false;
            boolean previousBreak = false;
            if (value.startsWith("---") || value.startsWith("...")) {
                blockIndicators = true;
                flowIndicators = true;
            }
            boolean precededByWhitespace = true;
            boolean followedByWhitespace = cps.length < 2 || isBlankz(cps[1]);
            for (int i = 0; i < cps.length; i++) {
                int c = cps[i];
                if (i == 0) {
                    switch (c) {
                        case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                        case '?', ':' -> {
                            flowIndicators = true;
                            if (followedByWhitespace) {
                                blockIndicators = true;
                            }
                        }
                        case '-' -> {
                            if (followedByWhitespace) {
                                flowIndicators = true;
                                blockIndicators = true;
                            }
                        }
                        default -> {
                        }
                    }
                } else {
                    switch (c) {
                        case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                        case ':' -> {
                            flowIndicators = true;
                            if (followedByWhitespace) {
                                blockIndicators = true;
                            }
                        }
                        case '#' -> {
                            if (precededByWhitespace) {
                                flowIndicators = true;
                                blockIndicators = true;
                            }
                        }
                        default -> {
                        }
                    }
                }
                if (!isPrintable(c)) {
                    specialCharacters = true;
                }
                if (isBreak(c)) {
                    lineBreaks = true;
                }
                if (c == ' ') {
                    if (i == 0) {
                        leadingSpace = true;
                    }
                    if (i == cps.length - 1) {
                        trailingSpace = true;
                    }
                    if (previousBreak) {
                        breakSpace = true;
                    }
                    previousSpace = true;
                    previousBreak = false;
                } else if (isBreak(c)) {
                    if (i == 0) {
                        leadingBreak = true;
                    }
                    if (i == cps.length - 1) {
                        trailingBreak = true;
                    }
                    if (previousSpace) {
                        spaceBreak = true;
                    }
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = isBlankz(c);
                followedByWhitespace = i + 2 >= cps.length || isBlankz(cps[i + 2]);
            }
            boolean blockPlain = true;
            boolean single = true;
            boolean block = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                blockPlain = false;
            }
            if (trailingSpace) {
                block = false;
            }
            if (breakSpace) {
                blockPlain = false;
                single = false;
            }
            if (spaceBreak || specialCharacters) {
                blockPlain = false;
                single = false;
                block = false;
            }
            if (lineBreaks) {
                blockPlain = false;
            }
            if (blockIndicators) {
                blockPlain = false;
            }
            return new Analysis(blockPlain, single, block);
        }
    }
}

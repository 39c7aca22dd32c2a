package dev.charter.yaml;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes {@link YamlNode} documents as go-yaml v3's {@code Encoder} does when configured the way
 * kustomize's kyaml configures it ({@code SetIndent(2)}, {@code CompactSeqIndent()}): the node's
 * own styles are kept where libyaml's emitter allows them, text is never folded, sequences in
 * mappings sit at the key's column, and every document after the first starts with {@code ---}.
 * The emitter rules (indentation, scalar analysis and style fallback, quoting, block scalar
 * hints) follow go-yaml v3's {@code emitterc.go}.
 */
public final class YamlNodeWriter {

    private static final int BEST_INDENT = 2;

    private final StringBuilder out = new StringBuilder();
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int indent = -1;
    private int flowLevel;
    private boolean first = true;

    /** Every node as its own document, in order: kyaml's {@code kio.StringAll}. */
    public static String writeAll(List<YamlNode> documents) {
        YamlNodeWriter w = new YamlNodeWriter();
        for (YamlNode d : documents) {
            w.document(d);
        }
        return w.out.toString();
    }

    private void document(YamlNode root) {
        if (!first) {
            writeIndent();
            writeIndicator("---", true, false, false);
            writeIndent();
        }
        first = false;
        node(root, false, false, false);
        writeIndent();
    }

    // ---- nodes --------------------------------------------------------------------------------

    /**
     * @param mapping   the node is a key or value of a mapping (libyaml's mapping_context)
     * @param simpleKey the node is written as a simple mapping key
     * @param inBlockSeq the node is an item of a block sequence (the emitter's state on top)
     */
    private void node(YamlNode n, boolean mapping, boolean simpleKey, boolean inBlockSeq) {
        switch (n.kind()) {
            case ALIAS -> {
                writeIndicator("*", true, false, false);
                writeRaw(n.value());
            }
            case SCALAR -> scalar(n, simpleKey, inBlockSeq);
            case SEQUENCE -> {
                anchorAndTag(n);
                if (flowLevel > 0 || n.style() == YamlNode.Style.FLOW || n.content().isEmpty()) {
                    flowSequence(n, inBlockSeq);
                } else {
                    blockSequence(n, mapping, inBlockSeq);
                }
            }
            case MAPPING -> {
                anchorAndTag(n);
                if (flowLevel > 0 || n.style() == YamlNode.Style.FLOW || n.content().isEmpty()) {
                    flowMapping(n, inBlockSeq);
                } else {
                    blockMapping(n, inBlockSeq);
                }
            }
        }
    }

    private void anchorAndTag(YamlNode n) {
        if (n.anchor() != null) {
            writeIndicator("&", true, false, false);
            writeRaw(n.anchor());
        }
        String tag = n.explicitTag();
        if (tag == null) {
            return;
        }
        String handle = null;
        String suffix = tag;
        if (tag.startsWith("tag:yaml.org,2002:") && tag.length() > "tag:yaml.org,2002:".length()) {
            handle = "!!";
            suffix = tag.substring("tag:yaml.org,2002:".length());
        } else if (tag.startsWith("!") && tag.length() > 1) {
            handle = "!";
            suffix = tag.substring(1);
        }
        if (handle != null) {
            if (!whitespace) {
                put(' ');
            }
            handle.codePoints().forEach(this::put);
            suffix.codePoints().forEach(this::put);
            whitespace = false;
            indention = false;
        } else {
            writeIndicator("!<", true, false, false);
            suffix.codePoints().forEach(this::put);
            writeIndicator(">", false, false, false);
        }
    }

    private void blockMapping(YamlNode n, boolean inBlockSeq) {
        int saved = increaseIndent(false, false, false, inBlockSeq);
        List<YamlNode> c = n.content();
        for (int i = 0; i + 1 < c.size(); i += 2) {
            writeIndent();
            YamlNode key = c.get(i);
            if (simpleKeyAllowed(key)) {
                node(key, true, true, false);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                node(key, true, false, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(c.get(i + 1), true, false, false);
        }
        indent = saved;
    }

    private void blockSequence(YamlNode n, boolean mapping, boolean inBlockSeq) {
        boolean compact = mapping && (column == 0 || !indention);
        int saved = increaseIndent(false, false, compact, inBlockSeq);
        for (YamlNode item : n.content()) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, false, true);
        }
        indent = saved;
    }

    private void flowSequence(YamlNode n, boolean inBlockSeq) {
        writeIndicator("[", true, true, false);
        int saved = increaseIndent(true, false, false, inBlockSeq);
        flowLevel++;
        boolean firstItem = true;
        for (YamlNode item : n.content()) {
            if (!firstItem) {
                writeIndicator(",", false, false, false);
            }
            firstItem = false;
            if (column == 0) {
                writeIndent();
            }
            node(item, false, false, false);
        }
        flowLevel--;
        indent = saved;
        if (column == 0) {
            writeIndent();
        }
        writeIndicator("]", false, false, false);
    }

    private void flowMapping(YamlNode n, boolean inBlockSeq) {
        writeIndicator("{", true, true, false);
        int saved = increaseIndent(true, false, false, inBlockSeq);
        flowLevel++;
        List<YamlNode> c = n.content();
        for (int i = 0; i + 1 < c.size(); i += 2) {
            if (i > 0) {
                writeIndicator(",", false, false, false);
            }
            if (column == 0) {
                writeIndent();
            }
            YamlNode key = c.get(i);
            if (simpleKeyAllowed(key)) {
                node(key, true, true, false);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, false);
                node(key, true, false, false);
                writeIndicator(":", true, false, false);
            }
            node(c.get(i + 1), true, false, false);
        }
        flowLevel--;
        indent = saved;
        writeIndicator("}", false, false, false);
    }

    /** libyaml's {@code yaml_emitter_check_simple_key}. */
    private static boolean simpleKeyAllowed(YamlNode k) {
        int length = k.anchor() == null ? 0 : utf8Length(k.anchor());
        if (k.explicitTag() != null) {
            length += utf8Length(k.explicitTag());
        }
        switch (k.kind()) {
            case ALIAS -> length = utf8Length(k.value());
            case SCALAR -> {
                if (k.value().codePoints().anyMatch(YamlNodeWriter::isBreak)) {
                    return false;
                }
                length += utf8Length(k.value());
            }
            default -> {
                if (!k.content().isEmpty()) {
                    return false;
                }
            }
        }
        return length <= 128;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** libyaml's {@code yaml_emitter_increase_indent_compact} with go-yaml's regular indentation. */
    private int increaseIndent(boolean flow, boolean indentless, boolean compactSeq, boolean inBlockSeq) {
        int saved = indent;
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            if (inBlockSeq) {
                indent += 2;
            } else {
                indent = BEST_INDENT * ((indent + BEST_INDENT) / BEST_INDENT);
                if (compactSeq) {
                    indent -= 2;
                }
            }
        }
        return saved;
    }

    // ---- scalars ------------------------------------------------------------------------------

    private enum Out { PLAIN, SINGLE, DOUBLE, LITERAL, FOLDED }

    private void scalar(YamlNode n, boolean simpleKey, boolean inBlockSeq) {
        String value = n.value();
        Analysis a = Analysis.of(value);
        Out style = switch (n.style()) {
            case SINGLE_QUOTED -> Out.SINGLE;
            case DOUBLE_QUOTED -> Out.DOUBLE;
            case LITERAL -> Out.LITERAL;
            case FOLDED -> Out.FOLDED;
            default -> value.indexOf('\n') >= 0 ? Out.LITERAL : Out.PLAIN;
        };
        if (simpleKey && a.multiline) {
            style = Out.DOUBLE;
        }
        if (style == Out.PLAIN) {
            if ((flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed)) {
                style = Out.SINGLE;
            }
            if (value.isEmpty() && (flowLevel > 0 || simpleKey)) {
                style = Out.SINGLE;
            }
        }
        if (style == Out.SINGLE && !a.singleQuotedAllowed) {
            style = Out.DOUBLE;
        }
        if ((style == Out.LITERAL || style == Out.FOLDED) && (!a.blockAllowed || flowLevel > 0 || simpleKey)) {
            style = Out.DOUBLE;
        }
        anchorAndTag(n);
        int saved = increaseIndent(true, false, false, inBlockSeq);
        switch (style) {
            case PLAIN -> writePlain(value);
            case SINGLE -> writeSingle(value);
            case DOUBLE -> writeDouble(value);
            case LITERAL -> writeLiteral(value);
            case FOLDED -> writeFolded(value);
        }
        indent = saved;
    }

    private void writePlain(String value) {
        if (!value.isEmpty() && !whitespace) {
            put(' ');
        }
        boolean breaks = false;
        for (int c : value.codePoints().toArray()) {
            if (isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                put(c);
                indention = false;
                breaks = false;
            }
        }
        if (!value.isEmpty()) {
            whitespace = false;
        }
        indention = false;
    }

    private void writeSingle(String value) {
        writeIndicator("'", true, false, false);
        boolean breaks = false;
        for (int c : value.codePoints().toArray()) {
            if (isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                put(c);
                indention = false;
                breaks = false;
            }
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDouble(String value) {
        writeIndicator("\"", true, false, false);
        for (int c : value.codePoints().toArray()) {
            if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
                escape(c);
            } else {
                put(c);
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
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

    private void writeBlockHints(int[] cps) {
        if (cps.length > 0 && (cps[0] == ' ' || isBreak(cps[0]))) {
            writeIndicator(Integer.toString(BEST_INDENT), false, false, false);
        }
        String chomp = null;
        if (cps.length == 0 || !isBreak(cps[cps.length - 1])) {
            chomp = "-";
        } else if (cps.length == 1 || isBreak(cps[cps.length - 2])) {
            chomp = "+";
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
    }

    private void writeLiteral(String value) {
        int[] cps = value.codePoints().toArray();
        writeIndicator("|", true, false, false);
        writeBlockHints(cps);
        putBreak();
        whitespace = true;
        boolean breaks = true;
        for (int c : cps) {
            if (isBreak(c)) {
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                put(c);
                indention = false;
                breaks = false;
            }
        }
    }

    private void writeFolded(String value) {
        int[] cps = value.codePoints().toArray();
        writeIndicator(">", true, false, false);
        writeBlockHints(cps);
        putBreak();
        whitespace = true;
        boolean breaks = true;
        boolean leadingSpaces = true;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (isBreak(c)) {
                if (!breaks && !leadingSpaces && c == '\n') {
                    // go-yaml scans from the start of the value here (a libyaml port slip); kept as is
                    int k = 0;
                    while (k < cps.length && isBreak(cps[k])) {
                        k++;
                    }
                    if (k < cps.length && !isBlank(cps[k])) {
                        putBreak();
                    }
                }
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                    leadingSpaces = c == ' ' || c == '\t';
                }
                put(c);
                indention = false;
                breaks = false;
            }
        }
    }

    // ---- output primitives --------------------------------------------------------------------

    private void put(int cp) {
        out.appendCodePoint(cp);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
        indention = true;
    }

    private void writeBreak(int c) {
        if (c == '\n') {
            putBreak();
        } else {
            out.appendCodePoint(c);
            column = 0;
            indention = true;
        }
    }

    private void writeRaw(String s) {
        s.codePoints().forEach(this::put);
        whitespace = false;
        indention = false;
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
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        indicator.codePoints().forEach(this::put);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    // ---- character classes and scalar analysis (emitterc.go) ----------------------------------

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isBlankz(int c) {
        return isBlank(c) || isBreak(c) || c == 0;
    }

    /** go-yaml's byte-wise {@code is_printable}: NEL and 4-byte sequences fail it. */
    private static boolean isPrintable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    private record Analysis(boolean multiline, boolean flowPlainAllowed, boolean blockPlainAllowed,
                            boolean singleQuotedAllowed, boolean blockAllowed) {

        static Analysis of(String value) {
            if (value.isEmpty()) {
                return new Analysis(false, false, true, true, false);
            }
            int[] cps = value.codePoints().toArray();
            boolean blockIndicators = false;
            boolean flowIndicators = false;
            boolean lineBreaks = false;
            boolean specialCharacters = false;
            boolean tabCharacters = false;
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
            for (int i = 0; i < cps.length; i++) {
                int c = cps[i];
                boolean followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
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
                if (c == '\t') {
                    tabCharacters = true;
                } else if (!isPrintable(c)) {
                    specialCharacters = true;
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
                    lineBreaks = true;
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
            }
            boolean flowPlain = true;
            boolean blockPlain = true;
            boolean single = true;
            boolean block = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                flowPlain = false;
                blockPlain = false;
            }
            if (trailingSpace) {
                block = false;
            }
            if (breakSpace) {
                flowPlain = false;
                blockPlain = false;
                single = false;
            }
            if (spaceBreak || tabCharacters || specialCharacters) {
                flowPlain = false;
                blockPlain = false;
                single = false;
            }
            if (spaceBreak || specialCharacters) {
                block = false;
            }
            if (lineBreaks) {
                flowPlain = false;
                blockPlain = false;
            }
            if (flowIndicators) {
                flowPlain = false;
            }
            if (blockIndicators) {
                blockPlain = false;
            }
            return new Analysis(lineBreaks, flowPlain, blockPlain, single, block);
        }
    }
}

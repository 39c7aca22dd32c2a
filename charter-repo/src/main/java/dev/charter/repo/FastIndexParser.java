package dev.charter.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line-based reader for the block-style YAML that Helm (go-yaml's emitter) and most repository
 * servers write for index.yaml: nested block mappings and sequences, plain (also wrapped
 * multi-line), single- and double-quoted one-line scalars, literal block scalars, {@code []}/{@code {}}
 * and simple flow sequences. Anything else — anchors, tags, folded scalars, multi-line quoted
 * strings, odd indentation, invalid YAML — makes it give up ({@code null}), and the full SnakeYAML
 * parser takes over. Scalars are resolved exactly as {@link IndexParser} does.
 */
final class FastIndexParser {

    /** Thrown internally to abandon the fast path. */
    private static final class Bail extends RuntimeException {
        Bail() {
            super(null, null, false, false);
        }
    }

    private static final Bail BAIL = new Bail();

    private final String text;
    private final int length;
    // current line
    private int lineStart;
    private int lineEnd;
    private int indent;

    private FastIndexParser(String text) {
        this.text = text;
        this.length = text.length();
    }

    static Object parse(String text) {
        if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) {
            return null;
        }
        FastIndexParser p = new FastIndexParser(text);
        try {
            p.lineStart = 0;
            p.skipBlank();
            if (p.atEnd()) {
                return null;
            }
            if (p.lineEquals("---")) {
                p.next();
                p.skipBlank();
            }
            if (p.indent != 0) {
                return null;
            }
            Object root = p.node(0);
            p.skipBlank();
            if (!p.atEnd()) {
                return null;
            }
            return root;
        } catch (Bail | IndexOutOfBoundsException e) {
            return null;
        }
    }

    // ---- lines -----------------------------------------------------------------------------

    private boolean atEnd() {
        return lineStart >= length;
    }

    /** Sets lineEnd/indent for the line at lineStart. */
    private void scanLine() {
        int nl = text.indexOf('\n', lineStart);
        lineEnd = nl < 0 ? length : nl;
        int i = lineStart;
        while (i < lineEnd && text.charAt(i) == ' ') {
            i++;
        }
        indent = i - lineStart;
    }

    private void next() {
        lineStart = lineEnd + 1;
    }

    /** Moves to the next line that has content (not blank, not a comment). */
    private void skipBlank() {
        while (lineStart < length) {
            scanLine();
            int first = lineStart + indent;
            if (first < lineEnd && text.charAt(first) != '#') {
                return;
            }
            next();
        }
    }

    private boolean lineEquals(String s) {
        return text.regionMatches(lineStart, s, 0, s.length()) && lineEnd - lineStart == s.length();
    }

    private boolean isSeqItem(int at) {
        return text.charAt(at) == '-' && (at + 1 == lineEnd || text.charAt(at + 1) == ' ');
    }

    // ---- nodes -----------------------------------------------------------------------------

    /** The block node whose first line (current) is at {@code indent == ind}. */
    private Object node(int ind) {
        if (isSeqItem(lineStart + indent)) {
            return sequence(ind);
        }
        return mapping(ind, lineStart + ind);
    }

    private List<Object> sequence(int ind) {
        List<Object> list = new ArrayList<>();
        while (!atEnd() && indent == ind && isSeqItem(lineStart + ind)) {
            int contentAt = lineStart + ind + 1;
            while (contentAt < lineEnd && text.charAt(contentAt) == ' ') {
                contentAt++;
            }
            if (contentAt >= lineEnd || text.charAt(contentAt) == '#') {
                next();
                skipBlank();
                if (atEnd() || indent <= ind) {
                    list.add(null);
                } else {
                    list.add(node(indent));
                }
            } else {
                int col = contentAt - lineStart;
                if (isSeqItem(contentAt)) {
                    throw BAIL; // "- - x"
                }
                int colon = keyEnd(contentAt);
                if (colon >= 0) {
                    list.add(mapping(col, contentAt));
                } else {
                    list.add(scalarValue(contentAt, ind));
                }
            }
            if (atEnd()) {
                break;
            }
            skipBlank();
        }
        if (!atEnd() && indent > ind) {
            throw BAIL;
        }
        return list;
    }

    /** A mapping at column {@code ind}; its first key starts at {@code firstAt} on the current line. */
    private Map<String, Object> mapping(int ind, int firstAt) {
        Map<String, Object> map = new LinkedHashMap<>();
        int at = firstAt;
        while (true) {
            int colon = keyEnd(at);
            if (colon < 0) {
                throw BAIL;
            }
            String key = key(at, colon);
            int v = colon + 1;
            while (v < lineEnd && text.charAt(v) == ' ') {
                v++;
            }
            Object value;
            if (v >= lineEnd || text.charAt(v) == '#') {
                next();
                skipBlank();
                if (atEnd()) {
                    value = null;
                } else if (indent > ind) {
                    value = node(indent);
                } else if (indent == ind && isSeqItem(lineStart + indent)) {
                    value = sequence(ind);
                } else {
                    value = null;
                }
            } else {
                value = scalarValue(v, ind);
            }
            map.put(key, value);
            if (atEnd()) {
                break;
            }
            skipBlank();
            if (atEnd() || indent < ind) {
                break;
            }
            if (indent > ind) {
                throw BAIL;
            }
            at = lineStart + ind;
            if (isSeqItem(at)) {
                break; // a sequence item of an enclosing sequence at the same column
            }
        }
        return map;
    }

    /** Position of the ':' ending a plain key starting at {@code at}, or -1. */
    private int keyEnd(int at) {
        char c = text.charAt(at);
        if (c == '"' || c == '\'' || c == '?' || c == '&' || c == '*' || c == '!' || c == '[' || c == '{' || c == '|' || c == '>') {
            int close = c == '"' || c == '\'' ? text.indexOf(c, at + 1) : -1;
            if (close > 0 && close + 1 < lineEnd && text.charAt(close + 1) == ':') {
                throw BAIL; // quoted key
            }
            return -1;
        }
        for (int i = at; i < lineEnd; i++) {
            char ch = text.charAt(i);
            if (ch == ':' && (i + 1 == lineEnd || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (ch == ' ' && i + 1 < lineEnd && text.charAt(i + 1) == '#') {
                return -1;
            }
        }
        return -1;
    }

    private String key(int at, int colon) {
        int end = colon;
        while (end > at && text.charAt(end - 1) == ' ') {
            end--;
        }
        String k = text.substring(at, end);
        if (k.equals("<<") || k.isEmpty()) {
            throw BAIL;
        }
        Object resolved = plain(k);
        return resolved == null ? "null" : resolved.toString();
    }

    /** A scalar (or flow/literal value) starting at {@code v} on the current line; advances past it. */
    private Object scalarValue(int v, int parentIndent) {
        char c = text.charAt(v);
        switch (c) {
            case '"' -> {
                Object s = doubleQuoted(v);
                next();
                return s;
            }
            case '\'' -> {
                Object s = singleQuoted(v);
                next();
                return s;
            }
            case '[', '{' -> {
                Object s = flow(v);
                next();
                return s;
            }
            case '|' -> {
                return literal(v, parentIndent);
            }
            case '&', '*', '!', '>', '%', '@', '`', '?', ',', ']', '}' -> throw BAIL;
            case '-' -> {
                if (v + 1 < lineEnd && text.charAt(v + 1) == ' ') {
                    throw BAIL;
                }
            }
            default -> {
                // plain
            }
        }
        int end = plainEnd(v);
        StringBuilder joined = null;
        String first = text.substring(v, end);
        next();
        // wrapped plain scalar: more-indented continuation lines
        while (lineStart < length) {
            scanLine();
            int first2 = lineStart + indent;
            if (first2 >= lineEnd || indent <= parentIndent || text.charAt(first2) == '#') {
                break;
            }
            if (keyEnd(first2) >= 0 || isSeqItem(first2)) {
                throw BAIL;
            }
            if (joined == null) {
                joined = new StringBuilder(first);
            }
            joined.append(' ').append(text, first2, plainEnd(first2));
            next();
        }
        if (joined != null) {
            return joined.toString();
        }
        return plain(first);
    }

    /** End of a plain scalar on the current line: before a " #" comment, trailing spaces dropped; ": " bails. */
    private int plainEnd(int v) {
        int end = lineEnd;
        for (int i = v; i < lineEnd; i++) {
            char ch = text.charAt(i);
            if (ch == ' ' && i + 1 < lineEnd && text.charAt(i + 1) == '#') {
                end = i;
                break;
            }
            if (ch == ':' && (i + 1 == lineEnd || text.charAt(i + 1) == ' ')) {
                throw BAIL;
            }
        }
        while (end > v && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static Object plain(String v) {
        switch (v) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y":
                return Boolean.TRUE;
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N":
                return Boolean.FALSE;
            default:
                return v;
        }
    }

    /** After the closing quote only spaces or a comment may follow on the line. */
    private void restOfLineEmpty(int from) {
        for (int i = from; i < lineEnd; i++) {
            char ch = text.charAt(i);
            if (ch == '#' && i > from && text.charAt(i - 1) == ' ') {
                return;
            }
            if (ch != ' ') {
                throw BAIL;
            }
        }
    }

    private String doubleQuoted(int v) {
        StringBuilder b = new StringBuilder();
        int i = v + 1;
        while (true) {
            if (i >= lineEnd) {
                throw BAIL; // multi-line
            }
            char ch = text.charAt(i);
            if (ch == '"') {
                restOfLineEmpty(i + 1);
                return b.toString();
            }
            if (ch == '\\') {
                if (i + 1 >= lineEnd) {
                    throw BAIL;
                }
                char e = text.charAt(i + 1);
                switch (e) {
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case '/' -> b.append('/');
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case '0' -> b.append('\0');
                    case ' ' -> b.append(' ');
                    case 'u', 'x', 'U' -> {
                        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        if (i + 2 + n > lineEnd) {
                            throw BAIL;
                        }
                        b.appendCodePoint(Integer.parseInt(text.substring(i + 2, i + 2 + n), 16));
                        i += n;
                    }
                    default -> throw BAIL;
                }
                i += 2;
                continue;
            }
            b.append(ch);
            i++;
        }
    }

    private String singleQuoted(int v) {
        StringBuilder b = new StringBuilder();
        int i = v + 1;
        while (true) {
            if (i >= lineEnd) {
                throw BAIL;
            }
            char ch = text.charAt(i);
            if (ch == '\'') {
                if (i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
                    b.append('\'');
                    i += 2;
                    continue;
                }
                restOfLineEmpty(i + 1);
                return b.toString();
            }
            b.append(ch);
            i++;
        }
    }

    /** {@code []}, {@code {}} and one-line flow sequences of plain scalars. */
    private Object flow(int v) {
        int close = text.charAt(v) == '[' ? text.indexOf(']', v) : text.indexOf('}', v);
        if (close < 0 || close >= lineEnd) {
            throw BAIL;
        }
        restOfLineEmpty(close + 1);
        String inner = text.substring(v + 1, close).strip();
        if (text.charAt(v) == '{') {
            if (!inner.isEmpty()) {
                throw BAIL;
            }
            return new LinkedHashMap<String, Object>();
        }
        List<Object> list = new ArrayList<>();
        if (inner.isEmpty()) {
            return list;
        }
        for (String part : inner.split(",", -1)) {
            String p = part.strip();
            if (p.length() >= 2 && p.charAt(0) == '"' && p.charAt(p.length() - 1) == '"'
                    && p.indexOf('\\') < 0 && p.indexOf('"', 1) == p.length() - 1) {
                list.add(p.substring(1, p.length() - 1));
                continue;
            }
            if (p.isEmpty() || "\"'[]{}&*!|>:#".indexOf(p.charAt(0)) >= 0 || p.contains(": ") || p.contains(" #")) {
                throw BAIL;
            }
            list.add(plain(p));
        }
        return list;
    }

    /** {@code |}, {@code |-}, {@code |+} literal block scalars (no explicit indentation indicator). */
    private String literal(int v, int parentIndent) {
        String header = text.substring(v, lineEnd).strip();
        char chomp;
        if (header.equals("|")) {
            chomp = ' ';
        } else if (header.equals("|-") || header.equals("|+")) {
            chomp = header.charAt(1);
        } else {
            throw BAIL;
        }
        next();
        List<String> lines = new ArrayList<>();
        int contentIndent = -1;
        while (lineStart < length) {
            scanLine();
            boolean blank = indent == lineEnd - lineStart;
            if (!blank) {
                if (contentIndent < 0) {
                    if (indent <= parentIndent) {
                        break;
                    }
                    contentIndent = indent;
                }
                if (indent < contentIndent) {
                    break;
                }
                lines.add(text.substring(lineStart + contentIndent, lineEnd));
            } else {
                if (contentIndent >= 0 && lineEnd - lineStart > contentIndent) {
                    lines.add(text.substring(lineStart + contentIndent, lineEnd));
                } else {
                    lines.add("");
                }
            }
            next();
        }
        // trailing blank lines belong to chomping
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isEmpty()) {
            last--;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < last; i++) {
            b.append(lines.get(i)).append('\n');
        }
        if (chomp == '-') {
            if (b.length() > 0) {
                b.setLength(b.length() - 1);
            }
        } else if (chomp == '+') {
            for (int i = last; i < lines.size(); i++) {
                b.append('\n');
            }
        } else if (last == 0) {
            return "";
        }
        if (lineStart >= length) {
            lineStart = length;
        }
        return b.toString();
    }
}

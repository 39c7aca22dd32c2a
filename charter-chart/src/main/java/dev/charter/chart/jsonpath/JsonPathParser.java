package dev.charter.chart.jsonpath;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** client-go's JSONPath parser: a rune scanner that builds {@link JsonPathNode}s, with its error texts. */
final class JsonPathParser {

    private static final int EOF = -1;
    private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
    private static final Pattern SLICE = Pattern.compile("^(-?[\\d]*)(:-?[\\d]*)?(:-?[\\d]*)?$");
    private static final Pattern FILTER = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)$");

    private final String input;
    private int pos;
    private int start;
    private int width;
    private final List<JsonPathNode> root = new ArrayList<>();

    JsonPathParser(String input) {
        this.input = input;
    }

    JsonPathNode.ListNode parse() {
        parseText(root);
        return new JsonPathNode.ListNode(root);
    }

    /** The single action of {@code {text}}: what filters, unions and dict keys parse their parts with. */
    private static JsonPathNode.ListNode parseAction(String text) {
        JsonPathNode.ListNode whole = new JsonPathParser("{" + text + "}").parse();
        return (JsonPathNode.ListNode) whole.nodes().get(0);
    }

    private String consume() {
        String value = input.substring(start, pos);
        start = pos;
        return value;
    }

    private int next() {
        if (pos >= input.length()) {
            width = 0;
            return EOF;
        }
        int r = input.codePointAt(pos);
        width = Character.charCount(r);
        pos += width;
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        pos -= width;
    }

    private void parseText(List<JsonPathNode> cur) {
        while (true) {
            if (input.startsWith("{", pos)) {
                if (pos > start) {
                    cur.add(new JsonPathNode.Text(consume()));
                }
                parseLeftDelim(cur);
                return;
            }
            if (next() == EOF) {
                break;
            }
        }
        if (pos > start) {
            cur.add(new JsonPathNode.Text(consume()));
        }
    }

    private void parseLeftDelim(List<JsonPathNode> cur) {
        pos += 1;
        consume();
        List<JsonPathNode> action = new ArrayList<>();
        cur.add(new JsonPathNode.ListNode(action));
        parseInsideAction(action);
    }

    private void parseInsideAction(List<JsonPathNode> cur) {
        while (true) {
            if (input.startsWith("}", pos)) {
                pos += 1;
                consume();
                parseText(root);
                return;
            }
            if (input.startsWith("[?(", pos)) {
                parseFilter(cur);
                continue;
            }
            if (input.startsWith("..", pos)) {
                parseRecursive(cur);
                continue;
            }
            int r = next();
            if (r == EOF || r == '\r' || r == '\n') {
                throw new JsonPathException("unclosed action");
            } else if (r == ' ' || r == '@' || r == '$') {
                consume();
            } else if (r == '[') {
                parseArray(cur);
            } else if (r == '"' || r == '\'') {
                parseQuote(cur, r);
            } else if (r == '.') {
                parseField(cur);
            } else if (r == '+' || r == '-' || Character.isDigit(r)) {
                backup();
                parseNumber(cur);
            } else if (isAlphaNumeric(r)) {
                backup();
                parseIdentifier(cur);
            } else {
                throw new JsonPathException("unrecognized character in action: " + goRune(r));
            }
        }
    }

    private void parseIdentifier(List<JsonPathNode> cur) {
        while (true) {
            int r = next();
            if (isTerminator(r)) {
                backup();
                break;
            }
        }
        String value = consume();
        if (value.equals("true") || value.equals("false")) {
            cur.add(new JsonPathNode.Bool(Boolean.parseBoolean(value)));
        } else {
            cur.add(new JsonPathNode.Identifier(value));
        }
    }

    private void parseRecursive(List<JsonPathNode> cur) {
        if (!cur.isEmpty() && cur.get(cur.size() - 1) instanceof JsonPathNode.Recursive) {
            throw new JsonPathException("invalid multiple recursive descent");
        }
        pos += 2;
        consume();
        cur.add(new JsonPathNode.Recursive());
        if (isAlphaNumeric(peek())) {
            parseField(cur);
        }
    }

    private void parseNumber(List<JsonPathNode> cur) {
        int r = peek();
        if (r == '+' || r == '-') {
            next();
        }
        while (true) {
            r = next();
            if (r != '.' && !Character.isDigit(r)) {
                backup();
                break;
            }
        }
        String value = consume();
        try {
            cur.add(new JsonPathNode.Int(Long.parseLong(value)));
            return;
        } catch (NumberFormatException e) {
            // not an int: try a float
        }
        try {
            cur.add(new JsonPathNode.Float(Double.parseDouble(value)));
        } catch (NumberFormatException e) {
            throw new JsonPathException("cannot parse number " + value);
        }
    }

    private void parseArray(List<JsonPathNode> cur) {
        while (true) {
            int r = next();
            if (r == EOF || r == '\n') {
                throw new JsonPathException("unterminated array");
            }
            if (r == ']') {
                break;
            }
        }
        String text = consume();
        text = text.substring(1, text.length() - 1);
        if (text.equals("*")) {
            text = ":";
        }
        String[] parts = text.split(",", -1);
        if (parts.length > 1) {
            List<JsonPathNode.ListNode> union = new ArrayList<>();
            for (String part : parts) {
                union.add(parseAction("[" + part.strip() + "]"));
            }
            cur.add(new JsonPathNode.Union(union));
            return;
        }
        Matcher dict = DICT_KEY.matcher(text);
        if (dict.matches()) {
            cur.addAll(parseAction("." + dict.group(1)).nodes());
            return;
        }
        Matcher slice = SLICE.matcher(text);
        if (!slice.matches()) {
            throw new JsonPathException("invalid array index " + text);
        }
        JsonPathNode.Param[] params = new JsonPathNode.Param[3];
        for (int i = 0; i < 3; i++) {
            String v = slice.group(i + 1) == null ? "" : slice.group(i + 1);
            if (!v.isEmpty()) {
                if (i > 0) {
                    v = v.substring(1);
                }
                if (i > 0 && v.isEmpty()) {
                    params[i] = new JsonPathNode.Param(0, false, false);
                } else {
                    try {
                        params[i] = new JsonPathNode.Param(Integer.parseInt(v), true, false);
                    } catch (NumberFormatException e) {
                        throw new JsonPathException("array index " + v + " is not a number");
                    }
                }
            } else if (i == 1) {
                params[i] = new JsonPathNode.Param(params[0].value() + 1, true, true);
            } else {
                params[i] = new JsonPathNode.Param(0, false, false);
            }
        }
        cur.add(new JsonPathNode.Array(params));
    }

    private void parseFilter(List<JsonPathNode> cur) {
        pos += 3;
        consume();
        boolean begin = false;
        boolean end = false;
        int pair = 0;
        loop:
        while (true) {
            int r = next();
            switch (r) {
                case EOF, '\n' -> throw new JsonPathException("unterminated filter");
                case '"', '\'' -> {
                    if (!begin) {
                        begin = true;
                        pair = r;
                        continue;
                    }
                    if (input.charAt(pos - 2) != '\\' && r == pair) {
                        end = true;
                    }
                }
                case ')' -> {
                    if (begin == end) {
                        break loop;
                    }
                }
                default -> {
                    // part of the expression
                }
            }
        }
        if (next() != ']') {
            throw new JsonPathException("unclosed array expect ]");
        }
        String text = consume();
        text = text.substring(0, text.length() - 2);
        Matcher m = FILTER.matcher(text);
        if (!m.matches()) {
            cur.add(new JsonPathNode.Filter(parseAction(text), new JsonPathNode.ListNode(List.of()), "exists"));
        } else {
            cur.add(new JsonPathNode.Filter(parseAction(m.group(1)), parseAction(m.group(3)), m.group(2)));
        }
    }

    private void parseQuote(List<JsonPathNode> cur, int quote) {
        while (true) {
            int r = next();
            if (r == EOF || r == '\n') {
                throw new JsonPathException("unterminated quoted string");
            }
            if (r == quote && input.charAt(pos - 2) != '\\') {
                break;
            }
        }
        String value = consume();
        cur.add(new JsonPathNode.Text(unquote(value)));
    }

    private void parseField(List<JsonPathNode> cur) {
        consume();
        while (advance()) {
            // scan to the next unescaped terminator
        }
        String value = consume();
        if (value.equals("*")) {
            cur.add(new JsonPathNode.Wildcard());
        } else {
            cur.add(new JsonPathNode.Field(value.replace("\\", "")));
        }
    }

    private boolean advance() {
        int r = next();
        if (r == '\\') {
            next();
        } else if (isTerminator(r)) {
            backup();
            return false;
        }
        return true;
    }

    private static boolean isTerminator(int r) {
        return switch (r) {
            case ' ', '\t', '\r', '\n', EOF, '.', ',', '[', ']', '$', '@', '{', '}' -> true;
            default -> false;
        };
    }

    private static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }

    /** Go's {@code %#U}: {@code U+0021 '!'}. */
    private static String goRune(int r) {
        return String.format("U+%04X '%s'", r, new String(Character.toChars(r)));
    }

    /** client-go's {@code UnquoteExtend}: Go's strconv.Unquote, also for single-quoted strings. */
    private static String unquote(String s) {
        int n = s.length();
        char quote = s.charAt(0);
        if (n < 2 || s.charAt(n - 1) != quote) {
            throw new JsonPathException("unquote string " + s + " error invalid syntax");
        }
        String body = s.substring(1, n - 1);
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            return body;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == quote) {
                throw new JsonPathException("unquote string " + s + " error invalid syntax");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw new JsonPathException("unquote string " + s + " error invalid syntax");
            }
            char e = body.charAt(i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'v' -> b.append('\u000b');
                case '\\', '\'', '"' -> b.append(e);
                default -> throw new JsonPathException("unquote string " + s + " error invalid syntax");
            }
        }
        return b.toString();
    }
}

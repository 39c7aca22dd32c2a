package dev.charter.chart.render;

import dev.charter.sprig.GoSlice;
import dev.charter.sprig.GoTime;
import dev.charter.template.text.Strconv;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoType;
import dev.charter.template.value.Kind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helm's fromToml: BurntSushi/toml v1.6.0 ({@code toml.Unmarshal} into a map, TOML 1.1 on by default)
 * with Go's result types — int64, float64, bool, string, time.Time (offset times in UTC or a fixed
 * zone, local ones in the zones {@code datetime-local}, {@code date-local}, {@code time-local}),
 * {@code []interface {}} arrays, {@code []map[string]interface {}} arrays of tables. Errors become
 * the map {@code {"Error": "toml: line N (last key \"k\"): …"}} with the library's messages.
 */
final class TomlDecoder {
    static final GoType TABLES = new GoType("[]map[string]interface {}", Kind.SLICE, List.class);
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))?)?");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?");

    private final String in;
    private int pos;
    private int line = 1;
    private final Map<String, Object> mapping = new LinkedHashMap<>();
    private List<String> context = new ArrayList<>();
    private String currentKey = "";
    private final Set<String> implicit = new HashSet<>();
    private final Set<String> defined = new HashSet<>();
    private final Set<String> arrays = new HashSet<>();
    private final Set<String> inlineTables = new HashSet<>();

    private static final class ParseError extends RuntimeException {
        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private TomlDecoder(String in) {
        this.in = in;
    }

    static Map<String, Object> decode(String text) {
        TomlDecoder d = new TomlDecoder(text);
        try {
            d.document();
            return d.mapping;
        } catch (ParseError e) {
            String last = d.current();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Error", last.isEmpty() ? "toml: line " + d.line + ": " + e.getMessage()
                    : "toml: line " + d.line + " (last key " + Strconv.quote(last) + "): " + e.getMessage());
            return m;
        }
    }

    private String current() {
        if (currentKey.isEmpty()) {
            return String.join(".", context);
        }
        return context.isEmpty() ? currentKey : String.join(".", context) + "." + currentKey;
    }

    private ParseError err(String msg) {
        return new ParseError(msg);
    }

    /** An error about the character just read: Go's lexer has already counted it if it is a newline. */
    private ParseError errAt(char c, String msg) {
        if (c == '\n' && pos < in.length()) {
            line++;
        }
        return new ParseError(msg);
    }

    private boolean eof() {
        return pos >= in.length();
    }

    private char peek() {
        return eof() ? 0 : in.charAt(pos);
    }

    private char next() {
        char c = in.charAt(pos++);
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private static String q(int c) {
        return c < 0 ? "EOF" : Strconv.quoteRune(c, false);
    }

    private void skipSpaces() {
        while (!eof() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void skipComment() {
        if (peek() == '#') {
            while (!eof() && peek() != '\n') {
                pos++;
            }
        }
    }

    private void document() {
        while (true) {
            while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r' || peek() == '#')) {
                if (peek() == '#') {
                    skipComment();
                } else {
                    next();
                }
            }
            if (eof()) {
                return;
            }
            if (peek() == '[') {
                pos++;
                boolean array = peek() == '[';
                if (array) {
                    pos++;
                }
                skipSpaces();
                List<String> key = headerKey(array);
                tableHeader(key, array);
            } else {
                keyValue();
            }
            skipSpaces();
            skipComment();
            if (peek() == '\r' && pos + 1 < in.length() && in.charAt(pos + 1) == '\n') {
                pos++;
            }
            if (!eof() && peek() != '\n') {
                throw err("expected a top-level item to end with a newline, comment, or EOF, but got "
                        + q(peek()) + " instead");
            }
        }
    }

    private List<String> headerKey(boolean array) {
        List<String> key = new ArrayList<>();
        if (peek() == ']') {
            throw err("unexpected end of table name (table names cannot be empty)");
        }
        if (peek() == '.') {
            throw err("unexpected table separator (table names cannot be empty)");
        }
        while (true) {
            key.add(keyPart());
            skipSpaces();
            char c = peek();
            if (c == '.') {
                pos++;
                skipSpaces();
                continue;
            }
            if (c == ']') {
                pos++;
                if (array) {
                    if (peek() != ']') {
                        throw errAt(peek(), "expected end of table array name delimiter ']', but got " + q(eof() ? -1 : peek())
                                + " instead");
                    }
                    pos++;
                }
                return key;
            }
            throw errAt(c, "expected '.' or ']' to end table name, but got " + q(eof() ? -1 : c) + " instead");
        }
    }

    private String keyPart() {
        char c = peek();
        if (c == '"') {
            pos++;
            return basicString(false);
        }
        if (c == '\'') {
            pos++;
            return literalString(false);
        }
        int start = pos;
        while (!eof() && isBare(peek())) {
            pos++;
        }
        if (start == pos) {
            if (eof()) {
                throw err("unexpected EOF; expected key separator '='");
            }
            if (c == '=') {
                throw err("unexpected '=': key name appears blank");
            }
            if (c == '.') {
                throw err("unexpected '.': keys cannot start with a '.'");
            }
            throw err("bare keys cannot contain " + q(c));
        }
        return in.substring(start, pos);
    }

    private static boolean isBare(char r) {
        return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-';
    }

    private List<String> dottedKey() {
        List<String> key = new ArrayList<>();
        while (true) {
            key.add(keyPart());
            skipSpaces();
            char c = peek();
            if (c == '.') {
                pos++;
                skipSpaces();
                continue;
            }
            if (c == '=') {
                pos++;
                skipSpaces();
                return key;
            }
            if (eof() || c == '\n') {
                throw err("unexpected EOF; expected key separator '='");
            }
            throw errAt(c, "expected '.' or '=', but got " + q(c) + " instead");
        }
    }

    private void keyValue() {
        List<String> outer = context;
        List<String> key = dottedKey();
        currentKey = key.get(key.size() - 1);
        for (int i = 0; i < key.size() - 1; i++) {
            implicitTable(key.get(i));
        }
        Object val = value(false);
        setValue(currentKey, val);
        context = outer;
        currentKey = "";
    }

    /** A dotted-key part: creates (or enters) an implicit table and makes it the context. */
    private void implicitTable(String k) {
        Map<String, Object> h = hashAt(context);
        List<String> path = new ArrayList<>(context);
        path.add(k);
        String p = String.join("\u0000", path);
        Object x = h.get(k);
        if (x == null) {
            h.put(k, new LinkedHashMap<String, Object>());
            implicit.add(p);
        } else if (x instanceof Map && inlineTables.contains(p)) {
            throw err("Key '" + String.join(".", path) + "' has already been defined.");
        }
        // a scalar here fails later, in setValue's walk, as in parse.go (with the longer "last key")
        context = path;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> hashAt(List<String> path) {
        Map<String, Object> h = mapping;
        List<String> seen = new ArrayList<>();
        for (String k : path) {
            seen.add(k);
            Object x = h.get(k);
            if (x instanceof List<?> l && arrays.contains(String.join("\u0000", seen))) {
                h = (Map<String, Object>) l.get(l.size() - 1);
            } else if (x instanceof Map) {
                h = (Map<String, Object>) x;
            } else {
                throw err("Key '" + String.join(".", seen) + "' has already been defined.");
            }
        }
        return h;
    }

    private void setValue(String key, Object value) {
        Map<String, Object> h = hashAt(context);
        List<String> path = new ArrayList<>(context);
        path.add(key);
        if (h.containsKey(key)) {
            throw err("Key '" + String.join(".", path) + "' has already been defined.");
        }
        if (value instanceof Map) {
            inlineTables.add(String.join("\u0000", path));
        }
        h.put(key, value);
    }

    @SuppressWarnings("unchecked")
    private void tableHeader(List<String> key, boolean array) {
        context = new ArrayList<>();
        currentKey = "";
        Map<String, Object> h = mapping;
        List<String> path = new ArrayList<>();
        for (int i = 0; i < key.size() - 1; i++) {
            String k = key.get(i);
            path.add(k);
            String p = String.join("\u0000", path);
            Object x = h.get(k);
            if (x == null) {
                x = new LinkedHashMap<String, Object>();
                h.put(k, x);
                implicit.add(p);
            }
            if (x instanceof List<?> l && arrays.contains(p)) {
                h = (Map<String, Object>) l.get(l.size() - 1);
            } else if (x instanceof Map<?, ?> && !inlineTables.contains(p)) {
                h = (Map<String, Object>) x;
            } else {
                throw err("Key '" + String.join(".", path) + "' was already created as a hash.");
            }
        }
        String last = key.get(key.size() - 1);
        path.add(last);
        String p = String.join("\u0000", path);
        Object x = h.get(last);
        if (array) {
            if (x == null) {
                GoSlice l = GoSlice.of(TABLES, List.of());
                h.put(last, l);
                arrays.add(p);
                x = l;
            }
            if (!(x instanceof List<?>) || !arrays.contains(p)) {
                throw err("Key '" + String.join(".", key) + "' was already created and cannot be used as an array.");
            }
            ((List<Object>) x).add(new LinkedHashMap<String, Object>());
        } else if (x == null) {
            h.put(last, new LinkedHashMap<String, Object>());
            defined.add(p);
        } else if (x instanceof Map && implicit.contains(p) && !inlineTables.contains(p)) {
            implicit.remove(p);
            defined.add(p);
        } else {
            context = new ArrayList<>(path.subList(0, path.size() - 1));
            throw err("Key '" + String.join(".", path) + "' has already been defined.");
        }
        context = new ArrayList<>(key);
    }

    private Object value(boolean inArray) {
        if (eof()) {
            throw err("unexpected EOF; expected value");
        }
        char c = peek();
        switch (c) {
            case '"' -> {
                if (in.startsWith("\"\"\"", pos)) {
                    pos += 3;
                    return basicString(true);
                }
                pos++;
                return basicString(false);
            }
            case '\'' -> {
                if (in.startsWith("'''", pos)) {
                    pos += 3;
                    return literalString(true);
                }
                pos++;
                return literalString(false);
            }
            case '[' -> {
                pos++;
                return array();
            }
            case '{' -> {
                pos++;
                return inlineTable();
            }
            default -> {
                return bareValue();
            }
        }
    }

    private Object bareValue() {
        int start = pos;
        while (!eof()) {
            char c = peek();
            if (c == ',' || c == ']' || c == '}' || c == '\n' || c == '\r' || c == '#' || c == '\t') {
                break;
            }
            if (c == ' ' && !(pos + 1 < in.length() && Character.isDigit(in.charAt(pos + 1))
                    && DATETIME.matcher(in.substring(start, pos)).matches())) {
                break;
            }
            pos++;
        }
        String s = in.substring(start, pos);
        if (s.isEmpty()) {
            if (eof() || peek() == '\n') {
                throw err("unexpected EOF; expected value");
            }
            throw err("expected value but found " + q(peek()) + " instead");
        }
        switch (s) {
            case "true":
                return true;
            case "false":
                return false;
            case "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan", "+nan":
                return Double.NaN;
            case "-nan":
                return Double.longBitsToDouble(0xfff8000000000000L);
            default:
                break;
        }
        Matcher m = DATETIME.matcher(s);
        if (m.matches()) {
            return datetime(m);
        }
        Matcher t = TIME.matcher(s);
        if (t.matches()) {
            LocalTime lt = LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
                    t.group(3) == null ? 0 : Integer.parseInt(t.group(3)), nanos(t.group(4)));
            long sec = LocalDateTime.of(LocalDate.of(0, 1, 1), lt).toEpochSecond(ZoneOffset.UTC);
            return GoTime.fixed(sec, lt.getNano(), 0, "time-local");
        }
        return number(s);
    }

    private static int nanos(String frac) {
        if (frac == null) {
            return 0;
        }
        String f = (frac + "000000000").substring(0, 9);
        return Integer.parseInt(f);
    }

    private Object datetime(Matcher m) {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return GoTime.fixed(d.atStartOfDay().toEpochSecond(ZoneOffset.UTC), 0, 0, "date-local");
        }
        LocalDateTime ldt = LocalDateTime.of(d, LocalTime.of(Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6))));
        int ns = nanos(m.group(7));
        if (m.group(8) != null) {
            return GoTime.unix(ldt.toEpochSecond(ZoneOffset.UTC), ZoneOffset.UTC).add(ns);
        }
        if (m.group(9) == null) {
            return GoTime.fixed(ldt.toEpochSecond(ZoneOffset.UTC), ns, 0, "datetime-local");
        }
        int off = (Integer.parseInt(m.group(10)) * 60 + Integer.parseInt(m.group(11))) * 60;
        if (m.group(9).equals("-")) {
            off = -off;
        }
        long sec = ldt.toEpochSecond(ZoneOffset.ofTotalSeconds(off));
        // Go's time.Parse: an offset that is Local's at that instant gives the Local location
        GoTime local = GoTime.unix(sec, GoTime.local());
        if (GoTime.local().getRules().getOffset(local.instant()).getTotalSeconds() == off) {
            return local.add(ns);
        }
        return GoTime.fixed(sec, ns, off, "");
    }

    private Object number(String s) {
        String digits = s.replace("_", "");
        if (s.matches("[+-]?(0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+)")) {
            if (s.startsWith("+") || s.startsWith("-")) {
                throw err("cannot use sign with non-decimal numbers: '" + s.substring(0, 3) + "'");
            }
            int radix = s.charAt(1) == 'x' ? 16 : s.charAt(1) == 'o' ? 8 : 2;
            return integer(digits.substring(2), radix, s);
        }
        if (s.matches("[+-]?[0-9_]+")) {
            if (!underscoresOk(s)) {
                throw err("Invalid integer \"" + s + "\": underscores must be surrounded by digits");
            }
            if (leadingZero(s)) {
                throw err("Invalid integer \"" + s + "\": cannot have leading zeroes");
            }
            return integer(digits, 10, s);
        }
        if (s.matches("[+-]?[0-9_]+(\\.[0-9_]*)?([eE][+-]?[0-9_]+)?")) {
            if (s.contains(".") && !s.matches("[+-]?[0-9_]+\\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?")) {
                throw err("Invalid float \"" + s + "\": '.' must be followed by one or more digits");
            }
            if (leadingZero(s.split("[.eE]")[0])) {
                throw err("Invalid float \"" + s + "\": cannot have leading zeroes");
            }
            double d = Double.parseDouble(digits);
            if (Double.isInfinite(d)) {
                throw err("Invalid float value: \"" + s + "\"");
            }
            return d;
        }
        throw err("expected value but found " + Strconv.quote(s) + " instead");
    }

    private Object integer(String digits, int radix, String s) {
        try {
            return GoInt.int64(Long.parseLong(digits, radix));
        } catch (NumberFormatException e) {
            throw err(s + " is out of range for int64");
        }
    }

    private static boolean underscoresOk(String s) {
        return !s.startsWith("_") && !s.endsWith("_") && !s.contains("__") && !s.matches(".*[^0-9]_.*|.*_[^0-9].*");
    }

    private static boolean leadingZero(String s) {
        if (s.length() > 1 && s.charAt(0) == '0') {
            return true;
        }
        return s.length() > 2 && (s.charAt(0) == '-' || s.charAt(0) == '+') && s.charAt(1) == '0';
    }

    private void skipWsNlComments() {
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                next();
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private List<Object> array() {
        List<Object> out = GoSlice.of(GoSlice.ANYS, List.of());
        while (true) {
            skipWsNlComments();
            if (eof()) {
                throw err("unexpected EOF; expected value");
            }
            if (peek() == ']') {
                pos++;
                return out;
            }
            if (peek() == ',') {
                throw err("unexpected comma");
            }
            out.add(value(true));
            skipWsNlComments();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return out;
            } else {
                throw err("expected a comma (',') or array terminator (']'), but got "
                        + (eof() ? "EOF" : q(c)));
            }
        }
    }

    private Map<String, Object> inlineTable() {
        Map<String, Object> top = new LinkedHashMap<>();
        List<String> outer = context;
        String outerKey = currentKey;
        List<String> base = new ArrayList<>(context);
        base.add(currentKey);
        currentKey = "";
        while (true) {
            skipWsNlComments();
            if (eof()) {
                throw err("expected a comma or an inline table terminator '}', but got EOF instead");
            }
            if (peek() == '}') {
                pos++;
                break;
            }
            if (peek() == ',') {
                throw err("unexpected comma");
            }
            context = base;
            List<String> key = dottedKey();
            currentKey = key.get(key.size() - 1);
            @SuppressWarnings("unchecked")
            Map<String, Object> h = top;
            for (int i = 0; i < key.size() - 1; i++) {
                Object x = h.computeIfAbsent(key.get(i), k -> new LinkedHashMap<String, Object>());
                if (!(x instanceof Map<?, ?>)) {
                    throw err(Strconv.quote(String.join(".", base)) + " is not a table");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> hm = (Map<String, Object>) x;
                h = hm;
            }
            Object val = value(false);
            if (h.containsKey(currentKey)) {
                List<String> path = new ArrayList<>(base);
                path.addAll(key);
                throw err("Key '" + String.join(".", path) + "' has already been defined.");
            }
            h.put(currentKey, val);
            skipWsNlComments();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c != '}') {
                throw err("expected a comma or an inline table terminator '}', but got "
                        + (eof() ? "EOF" : q(c)) + " instead");
            }
        }
        context = outer;
        currentKey = outerKey;
        return top;
    }

    private String basicString(boolean multi) {
        StringBuilder b = new StringBuilder();
        if (multi && peek() == '\n') {
            next();
        } else if (multi && in.startsWith("\r\n", pos)) {
            pos++;
            next();
        }
        while (true) {
            if (eof()) {
                throw err(multi ? "unexpected EOF; expected '\"\"\"'" : "unexpected EOF; expected '\"'");
            }
            char c = next();
            if (c == '"') {
                if (!multi) {
                    return b.toString();
                }
                int run = 1;
                while (peek() == '"') {
                    pos++;
                    run++;
                }
                if (run >= 3) {
                    // up to two quotes before the closing three belong to the content
                    b.append("\"".repeat(Math.min(run - 3, 2)));
                    return b.toString();
                }
                b.append("\"".repeat(run));
            } else if (c == '\n' && !multi) {
                line--;
                throw err("strings cannot contain newlines");
            } else if (c == '\\') {
                if (multi && (peek() == '\n' || peek() == ' ' || peek() == '\t' || peek() == '\r')) {
                    int save = pos;
                    while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\r')) {
                        pos++;
                    }
                    if (peek() == '\n') {
                        while (!eof() && Character.isWhitespace(peek())) {
                            next();
                        }
                        continue;
                    }
                    pos = save;
                }
                escape(b);
            } else {
                b.append(c);
            }
        }
    }

    private void escape(StringBuilder b) {
        if (eof()) {
            throw err("unexpected EOF; expected '\"'");
        }
        char e = next();
        switch (e) {
            case 'b' -> b.append('\b');
            case 't' -> b.append('\t');
            case 'n' -> b.append('\n');
            case 'f' -> b.append('\f');
            case 'r' -> b.append('\r');
            case 'e' -> b.append('\u001b');
            case '"' -> b.append('"');
            case '\\' -> b.append('\\');
            case 'x', 'u', 'U' -> {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (pos + n > in.length() || !in.substring(pos, pos + n).matches("[0-9A-Fa-f]+")) {
                    throw err("invalid escape: '\\" + e + "'");
                }
                int cp = Integer.parseInt(in.substring(pos, pos + n), 16);
                pos += n;
                if (cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
                    throw err("Escaped character '\\u" + Integer.toHexString(cp) + "' is not valid UTF-8.");
                }
                b.appendCodePoint(cp);
            }
            default -> throw err("invalid escape in string '\\" + e + "'");
        }
    }

    private String literalString(boolean multi) {
        StringBuilder b = new StringBuilder();
        if (multi && peek() == '\n') {
            next();
        } else if (multi && in.startsWith("\r\n", pos)) {
            pos++;
            next();
        }
        while (true) {
            if (eof()) {
                throw err(multi ? "unexpected EOF; expected \"'''\"" : "unexpected EOF; expected \"'\"");
            }
            char c = next();
            if (c == '\'') {
                if (!multi) {
                    return b.toString();
                }
                if (in.startsWith("''", pos)) {
                    pos += 2;
                    while (peek() == '\'') {
                        b.append('\'');
                        pos++;
                    }
                    return b.toString();
                }
                b.append(c);
            } else if (c == '\n' && !multi) {
                line--;
                throw err("strings cannot contain newlines");
            } else {
                b.append(c);
            }
        }
    }

    /** The encoder's side of TOML times (encode.go's eElement for time.Time). */
    static String formatTime(GoTime t) {
        String name = t.fixedZoneName();
        if ("datetime-local".equals(name)) {
            return t.in(ZoneOffset.UTC).format("2006-01-02T15:04:05.999999999");
        }
        if ("date-local".equals(name)) {
            return t.in(ZoneOffset.UTC).format("2006-01-02");
        }
        if ("time-local".equals(name)) {
            return t.in(ZoneOffset.UTC).format("15:04:05.999999999");
        }
        return t.format("2006-01-02T15:04:05.999999999Z07:00");
    }
}

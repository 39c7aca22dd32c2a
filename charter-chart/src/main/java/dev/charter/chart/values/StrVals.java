package dev.charter.chart.values;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.charter.template.value.GoInt;
import dev.charter.template.text.Strconv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code pkg/strvals}: the {@code --set} family's grammar ({@code a.b[0].c=v,d={x,y}}),
 * typing rules (int64, bool, null for {@code --set}) and error texts.
 */
public final class StrVals {

    /** How a value's text becomes a value. */
    @FunctionalInterface
    public interface ValueReader {
        Object read(String runes) throws ValuesException;
    }

    public static final int MAX_INDEX = 65536;
    public static final int MAX_NESTED_NAME_LEVEL = 30;

    private static final class Eof extends Exception {
        Eof() {
            super("EOF", null, false, false);
        }
    }

    private static final class ParseError extends Exception {
        ParseError(String m) {
            super(m, null, false, false);
        }
    }

    private static final class NotList extends Exception {
        NotList() {
            super("not a list", null, false, false);
        }
    }

    private final int[] sc;
    private int pos;
    private final Map<String, Object> data;
    private final ValueReader reader;
    private final boolean jsonVal;
    private final boolean literal;

    private StrVals(String s, Map<String, Object> data, ValueReader reader, boolean jsonVal, boolean literal) {
        this.sc = s.codePoints().toArray();
        this.data = data;
        this.reader = reader;
        this.jsonVal = jsonVal;
        this.literal = literal;
    }

    /** {@code --set}. */
    public static void parseInto(String s, Map<String, Object> dest) {
        new StrVals(s, dest, rs -> typedVal(rs, false), false, false).parse();
    }

    /** {@code --set-string}. */
    public static void parseIntoString(String s, Map<String, Object> dest) {
        new StrVals(s, dest, rs -> rs, false, false).parse();
    }

    /** {@code --set-file}: the reader loads the file named by the value. */
    public static void parseIntoFile(String s, Map<String, Object> dest, ValueReader reader) {
        new StrVals(s, dest, reader, false, false).parse();
    }

    /** {@code --set-json} in its {@code key=json} form. */
    public static void parseJson(String s, Map<String, Object> dest) {
        new StrVals(s, dest, null, true, false).parse();
    }

    /** {@code --set-literal}. */
    public static void parseLiteralInto(String s, Map<String, Object> dest) {
        new StrVals(s, dest, null, false, true).parse();
    }

    /** Parses into a fresh map ({@code strvals.Parse}). */
    public static Map<String, Object> parse(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        parseInto(s, m);
        return m;
    }

    private void parse() {
        while (true) {
            try {
                key(data, 0);
            } catch (Eof e) {
                return;
            } catch (ParseError e) {
                throw new ValuesException(e.getMessage());
            }
        }
    }

    // ---- scanner ----

    private static final int EOF = -1;

    private int readRune() {
        return pos < sc.length ? sc[pos++] : EOF;
    }

    private void unread() {
        pos--;
    }

    private record Until(String runes, int last, boolean eof) {}

    private Until runesUntil(String stop) {
        StringBuilder v = new StringBuilder();
        while (true) {
            int r = readRune();
            if (r == EOF) {
                return new Until(v.toString(), 0, true);
            }
            if (stop.indexOf(r) >= 0) {
                return new Until(v.toString(), r, false);
            }
            if (r == '\\' && !literal) {
                int next = readRune();
                if (next == EOF) {
                    return new Until(v.toString(), 0, true);
                }
                v.appendCodePoint(next);
                continue;
            }
            v.appendCodePoint(r);
        }
    }

    // ---- grammar ----

    private void key(Map<String, Object> data, int nestedNameLevel) throws Eof, ParseError {
        try {
            keyInner(data, nestedNameLevel);
        } catch (ClassCastException e) {
            throw new ParseError("unable to parse key: " + e.getMessage());
        } catch (Panic e) {
            throw new ParseError("unable to parse key: " + e.getMessage());
        }
    }

    /** A Go panic in the parser (a failed type assertion), recovered by key(). */
    private static final class Panic extends RuntimeException {
        Panic(String m) {
            super(m, null, false, false);
        }
    }

    private static String conversion(Object v, String want) {
        return "interface conversion: interface {} is " + (v == null ? "nil" : Values.goType(v)) + ", not " + want;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object v) {
        if (v instanceof List) {
            return (List<Object>) v;
        }
        throw new Panic(conversion(v, "[]interface {}"));
    }

    private static Map<String, Object> asMap(Object v) {
        if (v instanceof Map) {
            return Values.asTable(v);
        }
        throw new Panic(conversion(v, "map[string]interface {}"));
    }

    private static void set(Map<String, Object> data, String key, Object val) {
        if (key.isEmpty()) {
            return;
        }
        data.put(key, val);
    }

    private void keyInner(Map<String, Object> data, int nestedNameLevel) throws Eof, ParseError {
        String stop = literal ? "=[." : "=[,.";
        Until u = runesUntil(stop);
        String k = u.runes;
        if (u.eof) {
            if (k.isEmpty()) {
                throw new Eof();
            }
            throw new ParseError("key " + Strconv.quote(k) + " has no value");
        }
        switch (u.last) {
            case '[' -> {
                int i;
                try {
                    i = keyIndex();
                } catch (ParseError | Eof e) {
                    throw new ParseError("error parsing index: " + e.getMessage());
                }
                List<Object> list = new ArrayList<>();
                if (data.containsKey(k)) {
                    list = asList(data.get(k));
                }
                ListResult lr = listItem(list, i, nestedNameLevel);
                set(data, k, lr.list);
                if (lr.error != null) {
                    throw lr.error;
                }
            }
            case '=' -> {
                if (literal) {
                    String value = runesUntil("").runes;
                    set(data, k, value);
                    return;
                }
                if (jsonVal) {
                    if (emptyVal()) {
                        set(data, k, null);
                        return;
                    }
                    set(data, k, decodeJson());
                    emptyVal();
                    return;
                }
                List<Object> vl;
                try {
                    vl = valList();
                } catch (Eof e) {
                    set(data, k, "");
                    throw e;
                } catch (NotList e) {
                    String rs = runesUntil(",").runes;
                    set(data, k, read(rs));
                    return;
                }
                set(data, k, vl);
            }
            case ',' -> {
                set(data, k, "");
                throw new ParseError("key " + Strconv.quote(k) + " has no value (cannot end with ,)");
            }
            case '.' -> {
                nestedNameLevel++;
                if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
                    throw new ParseError("value name nested level is greater than maximum supported nested level of "
                            + MAX_NESTED_NAME_LEVEL);
                }
                Map<String, Object> inner = new LinkedHashMap<>();
                if (data.containsKey(k)) {
                    inner = asMap(data.get(k));
                }
                Exception e = null;
                try {
                    key(inner, nestedNameLevel);
                } catch (Eof | ParseError x) {
                    e = x;
                }
                if (e == null && inner.isEmpty()) {
                    throw new ParseError("key map " + Strconv.quote(k) + " has no value");
                }
                if (!inner.isEmpty()) {
                    set(data, k, inner);
                }
                rethrow(e);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void rethrow(Exception e) throws Eof, ParseError {
        if (e instanceof Eof x) {
            throw x;
        }
        if (e instanceof ParseError x) {
            throw x;
        }
    }

    private Object read(String rs) throws ParseError {
        try {
            return reader.read(rs);
        } catch (ValuesException e) {
            throw new ParseError(e.getMessage());
        }
    }

    private record ListResult(List<Object> list, ParseError error) {}

    private static ListResult setIndex(List<Object> list, int index, Object val) {
        if (index < 0) {
            return new ListResult(list, new ParseError("negative " + index + " index not allowed"));
        }
        if (index > MAX_INDEX) {
            return new ListResult(list, new ParseError("index of " + index
                    + " is greater than maximum supported index of " + MAX_INDEX));
        }
        if (list.size() <= index) {
            List<Object> nl = new ArrayList<>(list);
            while (nl.size() <= index) {
                nl.add(null);
            }
            list = nl;
        }
        list.set(index, val);
        return new ListResult(list, null);
    }

    private int keyIndex() throws ParseError, Eof {
        Until u = runesUntil("]");
        if (u.eof) {
            throw new Eof();
        }
        return atoi(u.runes);
    }

    private static int atoi(String s) throws ParseError {
        String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseError("strconv.Atoi: parsing " + Strconv.quote(s) + ": invalid syntax");
        }
        try {
            long v = Long.parseLong(s);
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                // Go's int is 64-bit; indexes that large fail the MaxIndex check anyway
                return v > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new ParseError("strconv.Atoi: parsing " + Strconv.quote(s) + ": value out of range");
        }
    }

    private ListResult listItem(List<Object> list, int i, int nestedNameLevel) throws ParseError, Eof {
        if (i < 0) {
            return new ListResult(list, new ParseError("negative " + i + " index not allowed"));
        }
        Until u = runesUntil("[.=");
        if (!u.runes.isEmpty()) {
            return new ListResult(list, new ParseError("unexpected data at end of array index: " + Strconv.quote(u.runes)));
        }
        if (u.eof) {
            throw new Eof();
        }
        switch (u.last) {
            case '=' -> {
                if (literal) {
                    return setIndex(list, i, runesUntil("").runes);
                }
                if (jsonVal) {
                    if (emptyVal()) {
                        return setIndex(list, i, null);
                    }
                    ListResult r = setIndex(list, i, decodeJson());
                    if (r.error != null) {
                        return r;
                    }
                    emptyVal();
                    return r;
                }
                try {
                    List<Object> vl = valList();
                    return setIndex(list, i, vl);
                } catch (Eof e) {
                    return setIndex(list, i, "");
                } catch (NotList e) {
                    String rs = runesUntil(",").runes;
                    Object v;
                    try {
                        v = read(rs);
                    } catch (ParseError x) {
                        return new ListResult(list, x);
                    }
                    return setIndex(list, i, v);
                }
            }
            case '[' -> {
                int nextI;
                try {
                    nextI = keyIndex();
                } catch (ParseError | Eof e) {
                    return new ListResult(list, new ParseError("error parsing index: " + e.getMessage()));
                }
                List<Object> crt = new ArrayList<>();
                if (list.size() > i && list.get(i) != null) {
                    crt = asList(list.get(i));
                }
                ListResult l2 = listItem(crt, nextI, nestedNameLevel);
                if (l2.error != null) {
                    return new ListResult(list, l2.error);
                }
                return setIndex(list, i, l2.list);
            }
            case '.' -> {
                Map<String, Object> inner = new LinkedHashMap<>();
                if (list.size() > i) {
                    if (list.get(i) instanceof Map) {
                        inner = Values.asTable(list.get(i));
                    } else {
                        list.set(i, inner);
                    }
                }
                try {
                    key(inner, nestedNameLevel);
                } catch (ParseError e) {
                    return new ListResult(list, e);
                }
                return setIndex(list, i, inner);
            }
            default -> {
                return new ListResult(null, new ParseError("parse error: unexpected token " + u.last));
            }
        }
    }

    private boolean emptyVal() {
        while (true) {
            int r = readRune();
            if (r == EOF || r == ',') {
                return true;
            }
            if (!isGoSpace(r)) {
                unread();
                return false;
            }
        }
    }

    private static boolean isGoSpace(int r) {
        return r == ' ' || r == '\t' || r == '\n' || r == '\u000b' || r == '\f' || r == '\r' || r == 0x85 || r == 0xA0
                || Character.isSpaceChar(r);
    }

    private Object decodeJson() throws ParseError {
        String rest = new String(sc, pos, sc.length - pos);
        try (JsonParser p = new JsonFactory().createParser(rest)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ParseError("EOF");
            }
            Object v = readJson(p, t);
            long consumed = p.currentLocation().getCharOffset();
            int cps = rest.codePointCount(0, (int) Math.min(consumed, rest.length()));
            pos += cps;
            return v;
        } catch (java.io.IOException e) {
            throw new ParseError(e.getMessage());
        }
    }

    private static Object readJson(JsonParser p, JsonToken t) throws java.io.IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, readJson(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken x;
                while ((x = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(readJson(p, x));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return Double.parseDouble(p.getText());
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new java.io.IOException("invalid character");
        }
    }

    private List<Object> valList() throws Eof, NotList, ParseError {
        int r = readRune();
        if (r == EOF) {
            throw new Eof();
        }
        if (r != '{') {
            unread();
            throw new NotList();
        }
        List<Object> list = new ArrayList<>();
        while (true) {
            Until u = runesUntil(",}");
            if (u.eof) {
                throw new ParseError("list must terminate with '}'");
            }
            if (u.last == '}') {
                int n = readRune();
                if (n != EOF && n != ',') {
                    unread();
                }
                list.add(read(u.runes));
                return list;
            }
            list.add(read(u.runes));
        }
    }

    /** Helm's {@code typedVal}: true/false/null/int64 unless {@code --set-string}. */
    public static Object typedVal(String val, boolean st) {
        if (st) {
            return val;
        }
        if (val.equalsIgnoreCase("true")) {
            return true;
        }
        if (val.equalsIgnoreCase("false")) {
            return false;
        }
        if (val.equalsIgnoreCase("null")) {
            return null;
        }
        if (val.equals("0")) {
            return GoInt.int64(0);
        }
        if (!val.isEmpty() && val.charAt(0) != '0') {
            String digits = val.startsWith("+") || val.startsWith("-") ? val.substring(1) : val;
            if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return GoInt.int64(Long.parseLong(val.startsWith("+") ? val.substring(1) : val));
                } catch (NumberFormatException e) {
                    return val;
                }
            }
        }
        return val;
    }

    static String debug(int[] a) {
        return Arrays.toString(a);
    }
}

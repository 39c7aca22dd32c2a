package dev.charter.template.parse;

import dev.charter.template.text.Strconv;
import dev.charter.template.text.Utf8;

/**
 * Go's template lexer: a state machine over UTF-8 bytes whose states are functions returning the
 * next state. It is pulled by the parser one item at a time, exactly like Go's non-goroutine lexer,
 * so that positions, line numbers and error items match Go byte for byte.
 */
final class Lexer {
    private static final int EOF = -1;
    private static final String SPACE_CHARS = " \t\r\n";
    private static final int TRIM_MARKER_LEN = 2;

    @FunctionalInterface
    private interface State {
        State run(Lexer l);
    }

    private byte[] input;
    private final byte[] leftDelim;
    private final byte[] rightDelim;
    private int pos;
    private int start;
    private boolean atEOF;
    private int parenDepth;
    private int line = 1;
    private int startLine = 1;
    private Item item;
    private boolean insideAction;

    boolean emitComment;
    boolean breakOK;
    boolean continueOK;

    Lexer(byte[] input, String left, String right) {
        this.input = input;
        this.leftDelim = Utf8.bytes(left == null || left.isEmpty() ? "{{" : left);
        this.rightDelim = Utf8.bytes(right == null || right.isEmpty() ? "}}" : right);
    }

    Item nextItem() {
        item = new Item(ItemType.EOF, pos, "EOF", startLine);
        State state = insideAction ? Lexer::lexInsideAction : Lexer::lexText;
        while (state != null) {
            state = state.run(this);
        }
        return item;
    }

    // ---- primitives ----

    private int next() {
        if (pos >= input.length) {
            atEOF = true;
            return EOF;
        }
        long d = Utf8.decode(input, pos, input.length);
        pos += Utf8.width(d);
        int r = Utf8.rune(d);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        if (!atEOF && pos > 0) {
            long d = Utf8.decodeLast(input, 0, pos);
            pos -= Utf8.width(d);
            if (Utf8.rune(d) == '\n') {
                line--;
            }
        }
    }

    private Item thisItem(ItemType t) {
        Item i = new Item(t, start, Utf8.string(input, start, pos), startLine);
        start = pos;
        startLine = line;
        return i;
    }

    private State emit(ItemType t) {
        return emitItem(thisItem(t));
    }

    private State emitItem(Item i) {
        item = i;
        return null;
    }

    private void ignore() {
        line += countNewlines(start, pos);
        start = pos;
        startLine = line;
    }

    private int countNewlines(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (input[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        while (true) {
            int r = next();
            if (r == EOF || valid.indexOf(r) < 0) {
                break;
            }
        }
        backup();
    }

    private State errorf(String msg) {
        item = new Item(ItemType.ERROR, start, msg, startLine);
        start = 0;
        pos = 0;
        input = new byte[0];
        return null;
    }

    private boolean hasPrefix(int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > input.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (input[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(int from, byte[] what) {
        outer:
        for (int i = from; i + what.length <= input.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (input[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.getType(r) == Character.DECIMAL_DIGIT_NUMBER));
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 2 <= input.length && input[at] == '-' && isSpace(input[at + 1]);
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 2 <= input.length && isSpace(input[at]) && input[at + 1] == '-';
    }

    private int rightTrimLength(int from, int to) {
        int i = to;
        while (i > from && SPACE_CHARS.indexOf(input[i - 1]) >= 0) {
            i--;
        }
        return to - i;
    }

    private int leftTrimLength(int from) {
        int i = from;
        while (i < input.length && SPACE_CHARS.indexOf(input[i]) >= 0) {
            i++;
        }
        return i - from;
    }

    /** Returns {delim, trimSpaces}. */
    private boolean[] atRightDelim() {
        if (hasRightTrimMarker(pos) && hasPrefix(pos + TRIM_MARKER_LEN, rightDelim)) {
            return new boolean[] {true, true};
        }
        if (hasPrefix(pos, rightDelim)) {
            return new boolean[] {true, false};
        }
        return new boolean[] {false, false};
    }

    private static final byte[] LEFT_COMMENT = {'/', '*'};
    private static final byte[] RIGHT_COMMENT = {'*', '/'};

    // ---- states ----

    private static State lexText(Lexer l) {
        int x = l.indexOf(l.pos, l.leftDelim);
        if (x >= 0) {
            if (x > l.pos) {
                l.pos = x;
                int trimLength = 0;
                int delimEnd = l.pos + l.leftDelim.length;
                if (l.hasLeftTrimMarker(delimEnd)) {
                    trimLength = l.rightTrimLength(l.start, l.pos);
                }
                l.pos -= trimLength;
                l.line += l.countNewlines(l.start, l.pos);
                Item i = l.thisItem(ItemType.TEXT);
                l.pos += trimLength;
                l.ignore();
                if (!i.val().isEmpty()) {
                    return l.emitItem(i);
                }
            }
            return Lexer::lexLeftDelim;
        }
        l.pos = l.input.length;
        if (l.pos > l.start) {
            l.line += l.countNewlines(l.start, l.pos);
            return l.emit(ItemType.TEXT);
        }
        return l.emit(ItemType.EOF);
    }

    private static State lexLeftDelim(Lexer l) {
        l.pos += l.leftDelim.length;
        boolean trimSpace = l.hasLeftTrimMarker(l.pos);
        int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
        if (l.hasPrefix(l.pos + afterMarker, LEFT_COMMENT)) {
            l.pos += afterMarker;
            l.ignore();
            return Lexer::lexComment;
        }
        Item i = l.thisItem(ItemType.LEFT_DELIM);
        l.insideAction = true;
        l.pos += afterMarker;
        l.ignore();
        l.parenDepth = 0;
        return l.emitItem(i);
    }

    private static State lexComment(Lexer l) {
        l.pos += LEFT_COMMENT.length;
        int x = l.indexOf(l.pos, RIGHT_COMMENT);
        if (x < 0) {
            return l.errorf("unclosed comment");
        }
        l.pos = x + RIGHT_COMMENT.length;
        boolean[] d = l.atRightDelim();
        if (!d[0]) {
            return l.errorf("comment ends before closing delimiter");
        }
        l.line += l.countNewlines(l.start, l.pos);
        Item i = l.thisItem(ItemType.COMMENT);
        if (d[1]) {
            l.pos += TRIM_MARKER_LEN;
        }
        l.pos += l.rightDelim.length;
        if (d[1]) {
            l.pos += l.leftTrimLength(l.pos);
        }
        l.ignore();
        if (l.emitComment) {
            return l.emitItem(i);
        }
        return Lexer::lexText;
    }

    private static State lexRightDelim(Lexer l) {
        boolean trimSpace = l.atRightDelim()[1];
        if (trimSpace) {
            l.pos += TRIM_MARKER_LEN;
            l.ignore();
        }
        l.pos += l.rightDelim.length;
        Item i = l.thisItem(ItemType.RIGHT_DELIM);
        if (trimSpace) {
            l.pos += l.leftTrimLength(l.pos);
            l.ignore();
        }
        l.insideAction = false;
        return l.emitItem(i);
    }

    private static State lexInsideAction(Lexer l) {
        boolean[] d = l.atRightDelim();
        if (d[0]) {
            if (l.parenDepth == 0) {
                return Lexer::lexRightDelim;
            }
            return l.errorf("unclosed left paren");
        }
        int r = l.next();
        if (r == EOF) {
            return l.errorf("unclosed action");
        }
        if (isSpace(r)) {
            l.backup();
            return Lexer::lexSpace;
        }
        switch (r) {
            case '=':
                return l.emit(ItemType.ASSIGN);
            case ':':
                if (l.next() != '=') {
                    return l.errorf("expected :=");
                }
                return l.emit(ItemType.DECLARE);
            case '|':
                return l.emit(ItemType.PIPE);
            case '"':
                return Lexer::lexQuote;
            case '`':
                return Lexer::lexRawQuote;
            case '$':
                return Lexer::lexVariable;
            case '\'':
                return Lexer::lexChar;
            case '(':
                l.parenDepth++;
                return l.emit(ItemType.LEFT_PAREN);
            case ')':
                l.parenDepth--;
                if (l.parenDepth < 0) {
                    return l.errorf("unexpected right paren");
                }
                return l.emit(ItemType.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '.') {
            if (l.pos < l.input.length) {
                int c = l.input[l.pos] & 0xFF;
                if (c < '0' || '9' < c) {
                    return Lexer::lexField;
                }
            }
            l.backup();
            return Lexer::lexNumber;
        }
        if (r == '+' || r == '-' || ('0' <= r && r <= '9')) {
            l.backup();
            return Lexer::lexNumber;
        }
        if (isAlphaNumeric(r)) {
            l.backup();
            return Lexer::lexIdentifier;
        }
        if (r <= 0x7F && r >= 0x20 && r < 0x7F) {
            return l.emit(ItemType.CHAR);
        }
        return l.errorf("unrecognized character in action: " + hashU(r));
    }

    /** Go's %#U. */
    static String hashU(int r) {
        StringBuilder sb = new StringBuilder("U+");
        String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
        for (int i = hex.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (Strconv.isPrint(r)) {
            sb.append(" '").appendCodePoint(r).append('\'');
        }
        return sb.toString();
    }

    private static State lexSpace(Lexer l) {
        int numSpaces = 0;
        while (true) {
            int r = l.peek();
            if (!isSpace(r)) {
                break;
            }
            l.next();
            numSpaces++;
        }
        if (l.hasRightTrimMarker(l.pos - 1) && l.hasPrefix(l.pos - 1 + TRIM_MARKER_LEN, l.rightDelim)) {
            l.backup();
            if (numSpaces == 1) {
                return Lexer::lexRightDelim;
            }
        }
        return l.emit(ItemType.SPACE);
    }

    private static State lexIdentifier(Lexer l) {
        while (true) {
            int r = l.next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            l.backup();
            String word = Utf8.string(l.input, l.start, l.pos);
            if (!l.atTerminator()) {
                return l.errorf("bad character " + hashU(r));
            }
            ItemType kw = ItemType.keyword(word);
            if (kw != null && kw.isKeyword()) {
                if ((kw == ItemType.BREAK && !l.breakOK) || (kw == ItemType.CONTINUE && !l.continueOK)) {
                    return l.emit(ItemType.IDENTIFIER);
                }
                return l.emit(kw);
            }
            if (word.charAt(0) == '.') {
                return l.emit(ItemType.FIELD);
            }
            if (word.equals("true") || word.equals("false")) {
                return l.emit(ItemType.BOOL);
            }
            return l.emit(ItemType.IDENTIFIER);
        }
    }

    private static State lexField(Lexer l) {
        return l.lexFieldOrVariable(ItemType.FIELD);
    }

    private static State lexVariable(Lexer l) {
        if (l.atTerminator()) {
            return l.emit(ItemType.VARIABLE);
        }
        return l.lexFieldOrVariable(ItemType.VARIABLE);
    }

    private State lexFieldOrVariable(ItemType typ) {
        if (atTerminator()) {
            if (typ == ItemType.VARIABLE) {
                return emit(ItemType.VARIABLE);
            }
            return emit(ItemType.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + hashU(r));
        }
        return emit(typ);
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return hasPrefix(pos, rightDelim);
        }
    }

    private static State lexChar(Lexer l) {
        while (true) {
            int r = l.next();
            if (r == '\\') {
                int n = l.next();
                if (n != EOF && n != '\n') {
                    continue;
                }
                return l.errorf("unterminated character constant");
            }
            if (r == EOF || r == '\n') {
                return l.errorf("unterminated character constant");
            }
            if (r == '\'') {
                break;
            }
        }
        return l.emit(ItemType.CHAR_CONSTANT);
    }

    private static State lexNumber(Lexer l) {
        if (!l.scanNumber()) {
            return l.errorf("bad number syntax: " + Strconv.quote(Utf8.string(l.input, l.start, l.pos)));
        }
        int sign = l.peek();
        if (sign == '+' || sign == '-') {
            if (!l.scanNumber() || l.input[l.pos - 1] != 'i') {
                return l.errorf("bad number syntax: " + Strconv.quote(Utf8.string(l.input, l.start, l.pos)));
            }
            return l.emit(ItemType.COMPLEX);
        }
        return l.emit(ItemType.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 10 + 1 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 16 + 6 + 1 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private static State lexQuote(Lexer l) {
        while (true) {
            int r = l.next();
            if (r == '\\') {
                int n = l.next();
                if (n != EOF && n != '\n') {
                    continue;
                }
                return l.errorf("unterminated quoted string");
            }
            if (r == EOF || r == '\n') {
                return l.errorf("unterminated quoted string");
            }
            if (r == '"') {
                break;
            }
        }
        return l.emit(ItemType.STRING);
    }

    private static State lexRawQuote(Lexer l) {
        while (true) {
            int r = l.next();
            if (r == EOF) {
                return l.errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                break;
            }
        }
        return l.emit(ItemType.RAW_STRING);
    }
}

package dev.charter.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of go-yaml v2's scanner ({@code scannerc.go}) and parser ({@code parserc.go}), which
 * are themselves ports of libyaml. Keeping the same token queue, simple-key bookkeeping and state
 * machine is what makes the accepted language and the error texts and marks identical to Helm's.
 * Input is a code-point array; marks count characters as go-yaml does.
 */
final class GoYamlParser {

    record Mark(int index, int line, int column) {
    }

    /** A scanner or parser error, with go-yaml's fields. */
    static final class Error extends RuntimeException {
        final boolean scanner;
        final String problem;
        final Mark problemMark;
        final Mark contextMark;

        Error(boolean scanner, String context, Mark contextMark, String problem, Mark problemMark) {
            super(problem, null, false, false);
            this.scanner = scanner;
            this.problem = problem;
            this.problemMark = problemMark;
            this.contextMark = contextMark;
        }
    }

    enum T {
        STREAM_START, STREAM_END, VERSION_DIRECTIVE, TAG_DIRECTIVE, DOCUMENT_START, DOCUMENT_END,
        BLOCK_SEQUENCE_START, BLOCK_MAPPING_START, BLOCK_END, FLOW_SEQUENCE_START, FLOW_SEQUENCE_END,
        FLOW_MAPPING_START, FLOW_MAPPING_END, BLOCK_ENTRY, FLOW_ENTRY, KEY, VALUE, ALIAS, ANCHOR, TAG, SCALAR
    }

    static final int PLAIN = 1;
    static final int SINGLE = 2;
    static final int DOUBLE = 3;
    static final int LITERAL = 4;
    static final int FOLDED = 5;

    static final class Token {
        T type;
        Mark start;
        Mark end;
        String value;
        String suffix;
        String prefix;
        int style;
        int major;
        int minor;

        Token(T type, Mark start, Mark end) {
            this.type = type;
            this.start = start;
            this.end = end;
        }
    }

    enum E {
        STREAM_START, STREAM_END, DOCUMENT_START, DOCUMENT_END, ALIAS, SCALAR, SEQUENCE_START, SEQUENCE_END,
        MAPPING_START, MAPPING_END
    }

    static final class Event {
        final E type;
        final Mark start;
        String anchor;
        String tag;
        String value;
        boolean implicit;
        int style;
        /** Collections only: written in flow style ({@code [..]}/{@code {..}}), as the node API keeps it. */
        boolean flow;

        Event(E type, Mark start) {
            this.type = type;
            this.start = start;
        }
    }

    private static final class SimpleKey {
        boolean possible;
        boolean required;
        int tokenNumber;
        Mark mark;
    }

    // ---------------------------------------------------------------- scanner state

    private final int[] b;
    private int pos;
    private int index;
    private int line;
    private int column;

    private final List<Token> tokens = new ArrayList<>();
    private int tokensHead;
    private int tokensParsed;
    private boolean tokenAvailable;
    private boolean streamStartProduced;
    private boolean streamEndProduced;
    private int indent;
    private final List<Integer> indents = new ArrayList<>();
    private boolean simpleKeyAllowed;
    private final List<SimpleKey> simpleKeys = new ArrayList<>();
    private final Map<Integer, Integer> simpleKeysByTok = new HashMap<>();
    private int flowLevel;

    GoYamlParser(String input) {
        int[] cps = input.codePoints().toArray();
        b = new int[cps.length + 8];
        System.arraycopy(cps, 0, b, 0, cps.length);
    }

    private Mark mark() {
        return new Mark(index, line, column);
    }

    private Error scannerError(String context, Mark contextMark, String problem) {
        return new Error(true, context, contextMark, problem, mark());
    }

    // ---------------------------------------------------------------- character classes

    private int at(int k) {
        return b[pos + k];
    }

    private static boolean isBreakChar(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private boolean isBreak(int k) {
        return isBreakChar(at(k));
    }

    private boolean isBreakz(int k) {
        return isBreakChar(at(k)) || at(k) == 0;
    }

    private boolean isBlank(int k) {
        return at(k) == ' ' || at(k) == '\t';
    }

    private boolean isBlankz(int k) {
        int c = at(k);
        return c == ' ' || c == '\t' || isBreakChar(c) || c == 0;
    }

    private boolean isZ(int k) {
        return at(k) == 0;
    }

    private boolean isAlpha(int k) {
        int c = at(k);
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-';
    }

    private boolean isDigit(int k) {
        return at(k) >= '0' && at(k) <= '9';
    }

    private boolean isHex(int k) {
        return Character.digit(at(k), 16) >= 0 && at(k) < 128;
    }

    private void skip() {
        index++;
        column++;
        pos++;
    }

    private void skipLine() {
        if (at(0) == '\r' && at(1) == '\n') {
            index += 2;
            column = 0;
            line++;
            pos += 2;
        } else if (isBreak(0)) {
            index++;
            column = 0;
            line++;
            pos++;
        }
    }

    private void read(StringBuilder s) {
        s.appendCodePoint(at(0));
        skip();
    }

    private void readLine(StringBuilder s) {
        int c = at(0);
        if (c == '\r' && at(1) == '\n') {
            s.append('\n');
            pos += 2;
            index++;
        } else if (c == '\r' || c == '\n' || c == 0x85) {
            s.append('\n');
            pos++;
        } else if (c == 0x2028 || c == 0x2029) {
            s.appendCodePoint(c);
            pos++;
        } else {
            return;
        }
        index++;
        column = 0;
        line++;
    }

    // ---------------------------------------------------------------- token queue

    Token peekToken() {
        if (!tokenAvailable) {
            fetchMoreTokens();
        }
        return tokens.get(tokensHead);
    }

    void skipToken() {
        tokenAvailable = false;
        tokensParsed++;
        streamEndProduced = tokens.get(tokensHead).type == T.STREAM_END;
        tokensHead++;
        if (tokensHead > 4096 && tokensHead == tokens.size()) {
            tokens.clear();
            tokensHead = 0;
        }
    }

    private void insertToken(int at, Token t) {
        if (at < 0) {
            tokens.add(t);
        } else {
            tokens.add(tokensHead + at, t);
        }
    }

    private void fetchMoreTokens() {
        while (true) {
            if (tokensHead != tokens.size()) {
                Integer idx = simpleKeysByTok.get(tokensParsed);
                if (idx == null) {
                    break;
                }
                if (!simpleKeyIsValid(simpleKeys.get(idx))) {
                    break;
                }
            }
            fetchNextToken();
        }
        tokenAvailable = true;
    }

    private void fetchNextToken() {
        if (!streamStartProduced) {
            fetchStreamStart();
            return;
        }
        scanToNextToken();
        unrollIndent(column);
        int c = at(0);
        if (c == 0) {
            fetchStreamEnd();
            return;
        }
        if (column == 0 && c == '%') {
            fetchDirective();
            return;
        }
        if (column == 0 && c == '-' && at(1) == '-' && at(2) == '-' && isBlankz(3)) {
            fetchDocumentIndicator(T.DOCUMENT_START);
            return;
        }
        if (column == 0 && c == '.' && at(1) == '.' && at(2) == '.' && isBlankz(3)) {
            fetchDocumentIndicator(T.DOCUMENT_END);
            return;
        }
        switch (c) {
            case '[' -> fetchFlowCollectionStart(T.FLOW_SEQUENCE_START);
            case '{' -> fetchFlowCollectionStart(T.FLOW_MAPPING_START);
            case ']' -> fetchFlowCollectionEnd(T.FLOW_SEQUENCE_END);
            case '}' -> fetchFlowCollectionEnd(T.FLOW_MAPPING_END);
            case ',' -> fetchFlowEntry();
            default -> {
                if (c == '-' && isBlankz(1)) {
                    fetchBlockEntry();
                } else if (c == '?' && (flowLevel > 0 || isBlankz(1))) {
                    fetchKey();
                } else if (c == ':' && (flowLevel > 0 || isBlankz(1))) {
                    fetchValue();
                } else if (c == '*') {
                    fetchAnchor(T.ALIAS);
                } else if (c == '&') {
                    fetchAnchor(T.ANCHOR);
                } else if (c == '!') {
                    fetchTag();
                } else if (c == '|' && flowLevel == 0) {
                    fetchBlockScalar(true);
                } else if (c == '>' && flowLevel == 0) {
                    fetchBlockScalar(false);
                } else if (c == '\'') {
                    fetchFlowScalar(true);
                } else if (c == '"') {
                    fetchFlowScalar(false);
                } else if (!(isBlankz(0) || "-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0)
                        || (c == '-' && !isBlank(1))
                        || (flowLevel == 0 && (c == '?' || c == ':') && !isBlankz(1))) {
                    fetchPlainScalar();
                } else {
                    throw scannerError("while scanning for the next token", mark(),
                            "found character that cannot start any token");
                }
            }
        }
    }

    private boolean simpleKeyIsValid(SimpleKey k) {
        if (!k.possible) {
            return false;
        }
        if (k.mark.line() < line || k.mark.index() + 1024 < index) {
            if (k.required) {
                throw scannerError("while scanning a simple key", k.mark, "could not find expected ':'");
            }
            k.possible = false;
            return false;
        }
        return true;
    }

    private void saveSimpleKey() {
        boolean required = flowLevel == 0 && indent == column;
        if (simpleKeyAllowed) {
            SimpleKey k = new SimpleKey();
            k.possible = true;
            k.required = required;
            k.tokenNumber = tokensParsed + (tokens.size() - tokensHead);
            k.mark = mark();
            removeSimpleKey();
            simpleKeys.set(simpleKeys.size() - 1, k);
            simpleKeysByTok.put(k.tokenNumber, simpleKeys.size() - 1);
        }
    }

    private void removeSimpleKey() {
        SimpleKey k = simpleKeys.get(simpleKeys.size() - 1);
        if (k.possible) {
            if (k.required) {
                throw scannerError("while scanning a simple key", k.mark, "could not find expected ':'");
            }
            k.possible = false;
            simpleKeysByTok.remove(k.tokenNumber);
        }
    }

    private void increaseFlowLevel() {
        SimpleKey k = new SimpleKey();
        k.tokenNumber = tokensParsed + (tokens.size() - tokensHead);
        k.mark = mark();
        simpleKeys.add(k);
        flowLevel++;
        if (flowLevel > 10000) {
            throw scannerError("while increasing flow level", k.mark, "exceeded max depth of 10000");
        }
    }

    private void decreaseFlowLevel() {
        if (flowLevel > 0) {
            flowLevel--;
            SimpleKey k = simpleKeys.remove(simpleKeys.size() - 1);
            simpleKeysByTok.remove(k.tokenNumber);
        }
    }

    private void rollIndent(int col, int number, T type, Mark m) {
        if (flowLevel > 0) {
            return;
        }
        if (indent < col) {
            indents.add(indent);
            indent = col;
            if (indents.size() > 10000) {
                throw scannerError("while increasing indent level", simpleKeys.get(simpleKeys.size() - 1).mark,
                        "exceeded max depth of 10000");
            }
            Token t = new Token(type, m, m);
            if (number > -1) {
                number -= tokensParsed;
            }
            insertToken(number, t);
        }
    }

    private void unrollIndent(int col) {
        if (flowLevel > 0) {
            return;
        }
        while (indent > col) {
            insertToken(-1, new Token(T.BLOCK_END, mark(), mark()));
            indent = indents.remove(indents.size() - 1);
        }
    }

    private void fetchStreamStart() {
        indent = -1;
        SimpleKey k = new SimpleKey();
        k.mark = mark();
        simpleKeys.add(k);
        simpleKeyAllowed = true;
        streamStartProduced = true;
        insertToken(-1, new Token(T.STREAM_START, mark(), mark()));
    }

    private void fetchStreamEnd() {
        if (column != 0) {
            column = 0;
            line++;
        }
        unrollIndent(-1);
        removeSimpleKey();
        simpleKeyAllowed = false;
        insertToken(-1, new Token(T.STREAM_END, mark(), mark()));
    }

    private void fetchDirective() {
        unrollIndent(-1);
        removeSimpleKey();
        simpleKeyAllowed = false;
        insertToken(-1, scanDirective());
    }

    private void fetchDocumentIndicator(T type) {
        unrollIndent(-1);
        removeSimpleKey();
        simpleKeyAllowed = false;
        Mark start = mark();
        skip();
        skip();
        skip();
        insertToken(-1, new Token(type, start, mark()));
    }

    private void fetchFlowCollectionStart(T type) {
        saveSimpleKey();
        increaseFlowLevel();
        simpleKeyAllowed = true;
        Mark start = mark();
        skip();
        insertToken(-1, new Token(type, start, mark()));
    }

    private void fetchFlowCollectionEnd(T type) {
        removeSimpleKey();
        decreaseFlowLevel();
        simpleKeyAllowed = false;
        Mark start = mark();
        skip();
        insertToken(-1, new Token(type, start, mark()));
    }

    private void fetchFlowEntry() {
        removeSimpleKey();
        simpleKeyAllowed = true;
        Mark start = mark();
        skip();
        insertToken(-1, new Token(T.FLOW_ENTRY, start, mark()));
    }

    private void fetchBlockEntry() {
        if (flowLevel == 0) {
            if (!simpleKeyAllowed) {
                throw scannerError("", mark(), "block sequence entries are not allowed in this context");
            }
            rollIndent(column, -1, T.BLOCK_SEQUENCE_START, mark());
        }
        removeSimpleKey();
        simpleKeyAllowed = true;
        Mark start = mark();
        skip();
        insertToken(-1, new Token(T.BLOCK_ENTRY, start, mark()));
    }

    private void fetchKey() {
        if (flowLevel == 0) {
            if (!simpleKeyAllowed) {
                throw scannerError("", mark(), "mapping keys are not allowed in this context");
            }
            rollIndent(column, -1, T.BLOCK_MAPPING_START, mark());
        }
        removeSimpleKey();
        simpleKeyAllowed = flowLevel == 0;
        Mark start = mark();
        skip();
        insertToken(-1, new Token(T.KEY, start, mark()));
    }

    private void fetchValue() {
        SimpleKey k = simpleKeys.get(simpleKeys.size() - 1);
        if (simpleKeyIsValid(k)) {
            insertToken(k.tokenNumber - tokensParsed, new Token(T.KEY, k.mark, k.mark));
            rollIndent(k.mark.column(), k.tokenNumber, T.BLOCK_MAPPING_START, k.mark);
            k.possible = false;
            simpleKeysByTok.remove(k.tokenNumber);
            simpleKeyAllowed = false;
        } else {
            if (flowLevel == 0) {
                if (!simpleKeyAllowed) {
                    throw scannerError("", mark(), "mapping values are not allowed in this context");
                }
                rollIndent(column, -1, T.BLOCK_MAPPING_START, mark());
            }
            simpleKeyAllowed = flowLevel == 0;
        }
        Mark start = mark();
        skip();
        insertToken(-1, new Token(T.VALUE, start, mark()));
    }

    private void fetchAnchor(T type) {
        saveSimpleKey();
        simpleKeyAllowed = false;
        insertToken(-1, scanAnchor(type));
    }

    private void fetchTag() {
        saveSimpleKey();
        simpleKeyAllowed = false;
        insertToken(-1, scanTag());
    }

    private void fetchBlockScalar(boolean literal) {
        removeSimpleKey();
        simpleKeyAllowed = true;
        insertToken(-1, scanBlockScalar(literal));
    }

    private void fetchFlowScalar(boolean single) {
        saveSimpleKey();
        simpleKeyAllowed = false;
        insertToken(-1, scanFlowScalar(single));
    }

    private void fetchPlainScalar() {
        saveSimpleKey();
        simpleKeyAllowed = false;
        insertToken(-1, scanPlainScalar());
    }

    private void scanToNextToken() {
        while (true) {
            if (column == 0 && at(0) == 0xFEFF) {
                skip();
            }
            while (at(0) == ' ' || ((flowLevel > 0 || !simpleKeyAllowed) && at(0) == '\t')) {
                skip();
            }
            if (at(0) == '#') {
                while (!isBreakz(0)) {
                    skip();
                }
            }
            if (isBreak(0)) {
                skipLine();
                if (flowLevel == 0) {
                    simpleKeyAllowed = true;
                }
            } else {
                break;
            }
        }
    }

    private Token scanDirective() {
        Mark start = mark();
        skip();
        StringBuilder name = new StringBuilder();
        while (isAlpha(0)) {
            read(name);
        }
        if (name.isEmpty()) {
            throw scannerError("while scanning a directive", start, "could not find expected directive name");
        }
        if (!isBlankz(0)) {
            throw scannerError("while scanning a directive", start, "found unexpected non-alphabetical character");
        }
        Token t;
        if (name.toString().equals("YAML")) {
            while (isBlank(0)) {
                skip();
            }
            int major = scanVersionNumber(start);
            if (at(0) != '.') {
                throw scannerError("while scanning a %YAML directive", start,
                        "did not find expected digit or '.' character");
            }
            skip();
            int minor = scanVersionNumber(start);
            t = new Token(T.VERSION_DIRECTIVE, start, mark());
            t.major = major;
            t.minor = minor;
        } else if (name.toString().equals("TAG")) {
            while (isBlank(0)) {
                skip();
            }
            String handle = scanTagHandle(true, start);
            if (!isBlank(0)) {
                throw scannerError("while scanning a %TAG directive", start, "did not find expected whitespace");
            }
            while (isBlank(0)) {
                skip();
            }
            String prefix = scanTagUri(true, null, start);
            if (!isBlankz(0)) {
                throw scannerError("while scanning a %TAG directive", start,
                        "did not find expected whitespace or line break");
            }
            t = new Token(T.TAG_DIRECTIVE, start, mark());
            t.value = handle;
            t.prefix = prefix;
        } else {
            throw scannerError("while scanning a directive", start, "found unknown directive name");
        }
        while (isBlank(0)) {
            skip();
        }
        if (at(0) == '#') {
            while (!isBreakz(0)) {
                skip();
            }
        }
        if (!isBreakz(0)) {
            throw scannerError("while scanning a directive", start, "did not find expected comment or line break");
        }
        if (isBreak(0)) {
            skipLine();
        }
        return t;
    }

    private int scanVersionNumber(Mark start) {
        int value = 0;
        int length = 0;
        while (isDigit(0)) {
            length++;
            if (length > 2) {
                throw scannerError("while scanning a %YAML directive", start, "found extremely long version number");
            }
            value = value * 10 + (at(0) - '0');
            skip();
        }
        if (length == 0) {
            throw scannerError("while scanning a %YAML directive", start, "did not find expected version number");
        }
        return value;
    }

    private Token scanAnchor(T type) {
        StringBuilder s = new StringBuilder();
        Mark start = mark();
        skip();
        while (isAlpha(0)) {
            read(s);
        }
        Mark end = mark();
        int c = at(0);
        if (s.isEmpty() || !(isBlankz(0) || c == '?' || c == ':' || c == ',' || c == ']' || c == '}' || c == '%'
                || c == '@' || c == '`')) {
            throw scannerError(type == T.ANCHOR ? "while scanning an anchor" : "while scanning an alias", start,
                    "did not find expected alphabetic or numeric character");
        }
        Token t = new Token(type, start, end);
        t.value = s.toString();
        return t;
    }

    private Token scanTag() {
        Mark start = mark();
        String handle;
        String suffix;
        if (at(1) == '<') {
            handle = "";
            skip();
            skip();
            suffix = scanTagUri(false, null, start);
            if (at(0) != '>') {
                throw scannerError("while scanning a tag", start, "did not find the expected '>'");
            }
            skip();
        } else {
            handle = scanTagHandle(false, start);
            if (handle.charAt(0) == '!' && handle.length() > 1 && handle.charAt(handle.length() - 1) == '!') {
                suffix = scanTagUri(false, null, start);
            } else {
                suffix = scanTagUri(false, handle, start);
                handle = "!";
                if (suffix.isEmpty()) {
                    String tmp = handle;
                    handle = suffix;
                    suffix = tmp;
                }
            }
        }
        if (!isBlankz(0)) {
            throw scannerError("while scanning a tag", start, "did not find expected whitespace or line break");
        }
        Token t = new Token(T.TAG, start, mark());
        t.value = handle;
        t.suffix = suffix;
        return t;
    }

    private Error tagError(boolean directive, Mark start, String problem) {
        return scannerError(directive ? "while parsing a %TAG directive" : "while parsing a tag", start, problem);
    }

    private String scanTagHandle(boolean directive, Mark start) {
        if (at(0) != '!') {
            throw tagError(directive, start, "did not find expected '!'");
        }
        StringBuilder s = new StringBuilder();
        read(s);
        while (isAlpha(0)) {
            read(s);
        }
        if (at(0) == '!') {
            read(s);
        } else if (directive && !s.toString().equals("!")) {
            throw tagError(directive, start, "did not find expected '!'");
        }
        return s.toString();
    }

    private String scanTagUri(boolean directive, String head, Mark start) {
        StringBuilder s = new StringBuilder();
        boolean hasTag = head != null && !head.isEmpty();
        if (head != null && head.length() > 1) {
            s.append(head, 1, head.length());
        }
        while (isAlpha(0) || ";/?:@&=+$,.!~*'()[]%".indexOf(at(0)) >= 0 && at(0) != 0) {
            if (at(0) == '%') {
                scanUriEscapes(directive, start, s);
            } else {
                read(s);
            }
            hasTag = true;
        }
        if (!hasTag) {
            throw tagError(directive, start, "did not find expected tag URI");
        }
        return s.toString();
    }

    private void scanUriEscapes(boolean directive, Mark start, StringBuilder s) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int w = 1024;
        while (w > 0) {
            if (!(at(0) == '%' && isHex(1) && isHex(2))) {
                throw tagError(directive, start, "did not find URI escaped octet");
            }
            int octet = (Character.digit(at(1), 16) << 4) + Character.digit(at(2), 16);
            if (w == 1024) {
                w = (octet & 0x80) == 0 ? 1 : (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3
                        : (octet & 0xF8) == 0xF0 ? 4 : 0;
                if (w == 0) {
                    throw tagError(directive, start, "found an incorrect leading UTF-8 octet");
                }
            } else if ((octet & 0xC0) != 0x80) {
                throw tagError(directive, start, "found an incorrect trailing UTF-8 octet");
            }
            bytes.write(octet);
            skip();
            skip();
            skip();
            w--;
        }
        s.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private Token scanBlockScalar(boolean literal) {
        Mark start = mark();
        skip();
        int chomping = 0;
        int increment = 0;
        if (at(0) == '+' || at(0) == '-') {
            chomping = at(0) == '+' ? 1 : -1;
            skip();
            if (isDigit(0)) {
                if (at(0) == '0') {
                    throw scannerError("while scanning a block scalar", start,
                            "found an indentation indicator equal to 0");
                }
                increment = at(0) - '0';
                skip();
            }
        } else if (isDigit(0)) {
            if (at(0) == '0') {
                throw scannerError("while scanning a block scalar", start, "found an indentation indicator equal to 0");
            }
            increment = at(0) - '0';
            skip();
            if (at(0) == '+' || at(0) == '-') {
                chomping = at(0) == '+' ? 1 : -1;
                skip();
            }
        }
        while (isBlank(0)) {
            skip();
        }
        if (at(0) == '#') {
            while (!isBreakz(0)) {
                skip();
            }
        }
        if (!isBreakz(0)) {
            throw scannerError("while scanning a block scalar", start, "did not find expected comment or line break");
        }
        if (isBreak(0)) {
            skipLine();
        }
        Mark[] end = {mark()};
        int[] ind = {0};
        if (increment > 0) {
            ind[0] = indent >= 0 ? indent + increment : increment;
        }
        StringBuilder s = new StringBuilder();
        StringBuilder leadingBreak = new StringBuilder();
        StringBuilder trailingBreaks = new StringBuilder();
        blockScalarBreaks(ind, trailingBreaks, start, end);
        boolean leadingBlank = false;
        boolean trailingBlank;
        while (column == ind[0] && !isZ(0)) {
            trailingBlank = isBlank(0);
            if (!literal && !leadingBlank && !trailingBlank && !leadingBreak.isEmpty() && leadingBreak.charAt(0) == '\n') {
                if (trailingBreaks.isEmpty()) {
                    s.append(' ');
                }
            } else {
                s.append(leadingBreak);
            }
            leadingBreak.setLength(0);
            s.append(trailingBreaks);
            trailingBreaks.setLength(0);
            leadingBlank = isBlank(0);
            while (!isBreakz(0)) {
                read(s);
            }
            readLine(leadingBreak);
            blockScalarBreaks(ind, trailingBreaks, start, end);
        }
        if (chomping != -1) {
            s.append(leadingBreak);
        }
        if (chomping == 1) {
            s.append(trailingBreaks);
        }
        Token t = new Token(T.SCALAR, start, end[0]);
        t.value = s.toString();
        t.style = literal ? LITERAL : FOLDED;
        return t;
    }

    private void blockScalarBreaks(int[] ind, StringBuilder breaks, Mark start, Mark[] end) {
        end[0] = mark();
        int maxIndent = 0;
        while (true) {
            while ((ind[0] == 0 || column < ind[0]) && at(0) == ' ') {
                skip();
            }
            if (column > maxIndent) {
                maxIndent = column;
            }
            if ((ind[0] == 0 || column < ind[0]) && at(0) == '\t') {
                throw scannerError("while scanning a block scalar", start,
                        "found a tab character where an indentation space is expected");
            }
            if (!isBreak(0)) {
                break;
            }
            readLine(breaks);
            end[0] = mark();
        }
        if (ind[0] == 0) {
            ind[0] = maxIndent;
            if (ind[0] < indent + 1) {
                ind[0] = indent + 1;
            }
            if (ind[0] < 1) {
                ind[0] = 1;
            }
        }
    }

    private boolean documentIndicator() {
        return column == 0 && ((at(0) == '-' && at(1) == '-' && at(2) == '-') || (at(0) == '.' && at(1) == '.' && at(2) == '.'))
                && isBlankz(3);
    }

    private Token scanFlowScalar(boolean single) {
        Mark start = mark();
        skip();
        StringBuilder s = new StringBuilder();
        StringBuilder leadingBreak = new StringBuilder();
        StringBuilder trailingBreaks = new StringBuilder();
        StringBuilder whitespaces = new StringBuilder();
        while (true) {
            if (documentIndicator()) {
                throw scannerError("while scanning a quoted scalar", start, "found unexpected document indicator");
            }
            if (isZ(0)) {
                throw scannerError("while scanning a quoted scalar", start, "found unexpected end of stream");
            }
            boolean leadingBlanks = false;
            while (!isBlankz(0)) {
                if (single && at(0) == '\'' && at(1) == '\'') {
                    s.append('\'');
                    skip();
                    skip();
                } else if (single && at(0) == '\'') {
                    break;
                } else if (!single && at(0) == '"') {
                    break;
                } else if (!single && at(0) == '\\' && isBreak(1)) {
                    skip();
                    skipLine();
                    leadingBlanks = true;
                    break;
                } else if (!single && at(0) == '\\') {
                    int codeLength = 0;
                    switch (at(1)) {
                        case '0' -> s.append('\0');
                        case 'a' -> s.append('\u0007');
                        case 'b' -> s.append('\b');
                        case 't', '\t' -> s.append('\t');
                        case 'n' -> s.append('\n');
                        case 'v' -> s.append('\u000B');
                        case 'f' -> s.append('\f');
                        case 'r' -> s.append('\r');
                        case 'e' -> s.append('\u001B');
                        case ' ' -> s.append(' ');
                        case '"' -> s.append('"');
                        case '\'' -> s.append('\'');
                        case '\\' -> s.append('\\');
                        case 'N' -> s.append('\u0085');
                        case '_' -> s.append('\u00A0');
                        case 'L' -> s.append('\u2028');
                        case 'P' -> s.append('\u2029');
                        case 'x' -> codeLength = 2;
                        case 'u' -> codeLength = 4;
                        case 'U' -> codeLength = 8;
                        default -> throw scannerError("while parsing a quoted scalar", start,
                                "found unknown escape character");
                    }
                    skip();
                    skip();
                    if (codeLength > 0) {
                        long value = 0;
                        for (int k = 0; k < codeLength; k++) {
                            if (!isHex(k)) {
                                throw scannerError("while parsing a quoted scalar", start,
                                        "did not find expected hexdecimal number");
                            }
                            value = (value << 4) + Character.digit(at(k), 16);
                        }
                        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
                            throw scannerError("while parsing a quoted scalar", start,
                                    "found invalid Unicode character escape code");
                        }
                        s.appendCodePoint((int) value);
                        for (int k = 0; k < codeLength; k++) {
                            skip();
                        }
                    }
                } else {
                    read(s);
                }
            }
            if (single ? at(0) == '\'' : at(0) == '"') {
                break;
            }
            while (isBlank(0) || isBreak(0)) {
                if (isBlank(0)) {
                    if (!leadingBlanks) {
                        read(whitespaces);
                    } else {
                        skip();
                    }
                } else if (!leadingBlanks) {
                    whitespaces.setLength(0);
                    readLine(leadingBreak);
                    leadingBlanks = true;
                } else {
                    readLine(trailingBreaks);
                }
            }
            if (leadingBlanks) {
                if (!leadingBreak.isEmpty() && leadingBreak.charAt(0) == '\n') {
                    if (trailingBreaks.isEmpty()) {
                        s.append(' ');
                    } else {
                        s.append(trailingBreaks);
                    }
                } else {
                    s.append(leadingBreak);
                    s.append(trailingBreaks);
                }
                trailingBreaks.setLength(0);
                leadingBreak.setLength(0);
            } else {
                s.append(whitespaces);
                whitespaces.setLength(0);
            }
        }
        skip();
        Token t = new Token(T.SCALAR, start, mark());
        t.value = s.toString();
        t.style = single ? SINGLE : DOUBLE;
        return t;
    }

    private Token scanPlainScalar() {
        StringBuilder s = new StringBuilder();
        StringBuilder leadingBreak = new StringBuilder();
        StringBuilder trailingBreaks = new StringBuilder();
        StringBuilder whitespaces = new StringBuilder();
        boolean leadingBlanks = false;
        int ind = indent + 1;
        Mark start = mark();
        Mark end = mark();
        while (true) {
            if (documentIndicator()) {
                break;
            }
            if (at(0) == '#') {
                break;
            }
            while (!isBlankz(0)) {
                int c = at(0);
                if ((c == ':' && isBlankz(1))
                        || (flowLevel > 0 && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}'))) {
                    break;
                }
                if (leadingBlanks || !whitespaces.isEmpty()) {
                    if (leadingBlanks) {
                        if (leadingBreak.charAt(0) == '\n') {
                            if (trailingBreaks.isEmpty()) {
                                s.append(' ');
                            } else {
                                s.append(trailingBreaks);
                            }
                        } else {
                            s.append(leadingBreak);
                            s.append(trailingBreaks);
                        }
                        trailingBreaks.setLength(0);
                        leadingBreak.setLength(0);
                        leadingBlanks = false;
                    } else {
                        s.append(whitespaces);
                        whitespaces.setLength(0);
                    }
                }
                read(s);
                end = mark();
            }
            if (!(isBlank(0) || isBreak(0))) {
                break;
            }
            while (isBlank(0) || isBreak(0)) {
                if (isBlank(0)) {
                    if (leadingBlanks && column < ind && at(0) == '\t') {
                        throw scannerError("while scanning a plain scalar", start,
                                "found a tab character that violates indentation");
                    }
                    if (!leadingBlanks) {
                        read(whitespaces);
                    } else {
                        skip();
                    }
                } else if (!leadingBlanks) {
                    whitespaces.setLength(0);
                    readLine(leadingBreak);
                    leadingBlanks = true;
                } else {
                    readLine(trailingBreaks);
                }
            }
            if (flowLevel == 0 && column < ind) {
                break;
            }
        }
        Token t = new Token(T.SCALAR, start, end);
        t.value = s.toString();
        t.style = PLAIN;
        if (leadingBlanks) {
            simpleKeyAllowed = true;
        }
        return t;
    }

    // ---------------------------------------------------------------- parser

    private enum S {
        STREAM_START, IMPLICIT_DOCUMENT_START, DOCUMENT_START, DOCUMENT_CONTENT, DOCUMENT_END, BLOCK_NODE,
        BLOCK_NODE_OR_INDENTLESS_SEQUENCE, FLOW_NODE, BLOCK_SEQUENCE_FIRST_ENTRY, BLOCK_SEQUENCE_ENTRY,
        INDENTLESS_SEQUENCE_ENTRY, BLOCK_MAPPING_FIRST_KEY, BLOCK_MAPPING_KEY, BLOCK_MAPPING_VALUE,
        FLOW_SEQUENCE_FIRST_ENTRY, FLOW_SEQUENCE_ENTRY, FLOW_SEQUENCE_ENTRY_MAPPING_KEY,
        FLOW_SEQUENCE_ENTRY_MAPPING_VALUE, FLOW_SEQUENCE_ENTRY_MAPPING_END, FLOW_MAPPING_FIRST_KEY,
        FLOW_MAPPING_KEY, FLOW_MAPPING_VALUE, FLOW_MAPPING_EMPTY_VALUE, END
    }

    private S state = S.STREAM_START;
    private final List<S> states = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<String[]> tagDirectives = new ArrayList<>();

    private static Error parserError(String context, Mark contextMark, String problem, Mark problemMark) {
        return new Error(false, context, contextMark, problem, problemMark);
    }

    private S pop() {
        return states.remove(states.size() - 1);
    }

    private Mark popMark() {
        return marks.remove(marks.size() - 1);
    }

    /** The next event, or null after the end of the stream. */
    Event parse() {
        if (streamEndProduced || state == S.END) {
            return null;
        }
        return switch (state) {
            case STREAM_START -> parseStreamStart();
            case IMPLICIT_DOCUMENT_START -> parseDocumentStart(true);
            case DOCUMENT_START -> parseDocumentStart(false);
            case DOCUMENT_CONTENT -> parseDocumentContent();
            case DOCUMENT_END -> parseDocumentEnd();
            case BLOCK_NODE -> parseNode(true, false);
            case BLOCK_NODE_OR_INDENTLESS_SEQUENCE -> parseNode(true, true);
            case FLOW_NODE -> parseNode(false, false);
            case BLOCK_SEQUENCE_FIRST_ENTRY -> parseBlockSequenceEntry(true);
            case BLOCK_SEQUENCE_ENTRY -> parseBlockSequenceEntry(false);
            case INDENTLESS_SEQUENCE_ENTRY -> parseIndentlessSequenceEntry();
            case BLOCK_MAPPING_FIRST_KEY -> parseBlockMappingKey(true);
            case BLOCK_MAPPING_KEY -> parseBlockMappingKey(false);
            case BLOCK_MAPPING_VALUE -> parseBlockMappingValue();
            case FLOW_SEQUENCE_FIRST_ENTRY -> parseFlowSequenceEntry(true);
            case FLOW_SEQUENCE_ENTRY -> parseFlowSequenceEntry(false);
            case FLOW_SEQUENCE_ENTRY_MAPPING_KEY -> parseFlowSequenceEntryMappingKey();
            case FLOW_SEQUENCE_ENTRY_MAPPING_VALUE -> parseFlowSequenceEntryMappingValue();
            case FLOW_SEQUENCE_ENTRY_MAPPING_END -> parseFlowSequenceEntryMappingEnd();
            case FLOW_MAPPING_FIRST_KEY -> parseFlowMappingKey(true);
            case FLOW_MAPPING_KEY -> parseFlowMappingKey(false);
            case FLOW_MAPPING_VALUE -> parseFlowMappingValue(false);
            case FLOW_MAPPING_EMPTY_VALUE -> parseFlowMappingValue(true);
            case END -> null;
        };
    }

    private Event parseStreamStart() {
        Token t = peekToken();
        if (t.type != T.STREAM_START) {
            throw parserError("", null, "did not find expected <stream-start>", t.start);
        }
        state = S.IMPLICIT_DOCUMENT_START;
        skipToken();
        return new Event(E.STREAM_START, t.start);
    }

    private Event parseDocumentStart(boolean implicit) {
        Token t = peekToken();
        if (!implicit) {
            while (t.type == T.DOCUMENT_END) {
                skipToken();
                t = peekToken();
            }
        }
        if (implicit && t.type != T.VERSION_DIRECTIVE && t.type != T.TAG_DIRECTIVE && t.type != T.DOCUMENT_START
                && t.type != T.STREAM_END) {
            processDirectives();
            states.add(S.DOCUMENT_END);
            state = S.BLOCK_NODE;
            return new Event(E.DOCUMENT_START, t.start);
        } else if (t.type != T.STREAM_END) {
            Mark start = t.start;
            processDirectives();
            t = peekToken();
            if (t.type != T.DOCUMENT_START) {
                throw parserError("", null, "did not find expected <document start>", t.start);
            }
            states.add(S.DOCUMENT_END);
            state = S.DOCUMENT_CONTENT;
            skipToken();
            return new Event(E.DOCUMENT_START, start);
        }
        state = S.END;
        skipToken();
        return new Event(E.STREAM_END, t.start);
    }

    private Event parseDocumentContent() {
        Token t = peekToken();
        if (t.type == T.VERSION_DIRECTIVE || t.type == T.TAG_DIRECTIVE || t.type == T.DOCUMENT_START
                || t.type == T.DOCUMENT_END || t.type == T.STREAM_END) {
            state = pop();
            return emptyScalar(t.start);
        }
        return parseNode(true, false);
    }

    private Event parseDocumentEnd() {
        Token t = peekToken();
        Mark start = t.start;
        if (t.type == T.DOCUMENT_END) {
            skipToken();
        }
        tagDirectives.clear();
        state = S.DOCUMENT_START;
        return new Event(E.DOCUMENT_END, start);
    }

    private Event parseNode(boolean block, boolean indentlessSequence) {
        Token t = peekToken();
        if (t.type == T.ALIAS) {
            state = pop();
            Event e = new Event(E.ALIAS, t.start);
            e.anchor = t.value;
            skipToken();
            return e;
        }
        Mark start = t.start;
        boolean tagToken = false;
        String tagHandle = null;
        String tagSuffix = null;
        String anchor = null;
        Mark tagMark = null;
        if (t.type == T.ANCHOR) {
            anchor = t.value;
            skipToken();
            t = peekToken();
            if (t.type == T.TAG) {
                tagToken = true;
                tagHandle = t.value;
                tagSuffix = t.suffix;
                tagMark = t.start;
                skipToken();
                t = peekToken();
            }
        } else if (t.type == T.TAG) {
            tagToken = true;
            tagHandle = t.value;
            tagSuffix = t.suffix;
            tagMark = t.start;
            skipToken();
            t = peekToken();
            if (t.type == T.ANCHOR) {
                anchor = t.value;
                skipToken();
                t = peekToken();
            }
        }
        String tag = "";
        if (tagToken) {
            if (tagHandle.isEmpty()) {
                tag = tagSuffix;
            } else {
                for (String[] d : tagDirectives) {
                    if (d[0].equals(tagHandle)) {
                        tag = d[1] + tagSuffix;
                        break;
                    }
                }
                if (tag.isEmpty()) {
                    throw parserError("while parsing a node", start, "found undefined tag handle", tagMark);
                }
            }
        }
        boolean implicit = tag.isEmpty();
        if (indentlessSequence && t.type == T.BLOCK_ENTRY) {
            state = S.INDENTLESS_SEQUENCE_ENTRY;
            return collection(E.SEQUENCE_START, start, anchor, tag, implicit);
        }
        if (t.type == T.SCALAR) {
            boolean plainImplicit = (tag.isEmpty() && t.style == PLAIN) || tag.equals("!");
            state = pop();
            Event e = new Event(E.SCALAR, start);
            e.anchor = anchor;
            e.tag = tag;
            e.value = t.value;
            e.implicit = plainImplicit;
            e.style = t.style;
            skipToken();
            return e;
        }
        if (t.type == T.FLOW_SEQUENCE_START) {
            state = S.FLOW_SEQUENCE_FIRST_ENTRY;
            return flow(collection(E.SEQUENCE_START, start, anchor, tag, implicit));
        }
        if (t.type == T.FLOW_MAPPING_START) {
            state = S.FLOW_MAPPING_FIRST_KEY;
            return flow(collection(E.MAPPING_START, start, anchor, tag, implicit));
        }
        if (block && t.type == T.BLOCK_SEQUENCE_START) {
            state = S.BLOCK_SEQUENCE_FIRST_ENTRY;
            return collection(E.SEQUENCE_START, start, anchor, tag, implicit);
        }
        if (block && t.type == T.BLOCK_MAPPING_START) {
            state = S.BLOCK_MAPPING_FIRST_KEY;
            return collection(E.MAPPING_START, start, anchor, tag, implicit);
        }
        if (anchor != null || !tag.isEmpty()) {
            state = pop();
            Event e = new Event(E.SCALAR, start);
            e.anchor = anchor;
            e.tag = tag;
            e.value = "";
            e.implicit = implicit;
            e.style = PLAIN;
            return e;
        }
        throw parserError(block ? "while parsing a block node" : "while parsing a flow node", start,
                "did not find expected node content", t.start);
    }

    private static Event flow(Event e) {
        e.flow = true;
        return e;
    }

    private static Event collection(E type, Mark start, String anchor, String tag, boolean implicit) {
        Event e = new Event(type, start);
        e.anchor = anchor;
        e.tag = tag;
        e.implicit = implicit;
        return e;
    }

    private Event parseBlockSequenceEntry(boolean first) {
        if (first) {
            marks.add(peekToken().start);
            skipToken();
        }
        Token t = peekToken();
        if (t.type == T.BLOCK_ENTRY) {
            Mark m = t.end;
            skipToken();
            t = peekToken();
            if (t.type != T.BLOCK_ENTRY && t.type != T.BLOCK_END) {
                states.add(S.BLOCK_SEQUENCE_ENTRY);
                return parseNode(true, false);
            }
            state = S.BLOCK_SEQUENCE_ENTRY;
            return emptyScalar(m);
        }
        if (t.type == T.BLOCK_END) {
            state = pop();
            popMark();
            skipToken();
            return new Event(E.SEQUENCE_END, t.start);
        }
        Mark cm = popMark();
        throw parserError("while parsing a block collection", cm, "did not find expected '-' indicator", t.start);
    }

    private Event parseIndentlessSequenceEntry() {
        Token t = peekToken();
        if (t.type == T.BLOCK_ENTRY) {
            Mark m = t.end;
            skipToken();
            t = peekToken();
            if (t.type != T.BLOCK_ENTRY && t.type != T.KEY && t.type != T.VALUE && t.type != T.BLOCK_END) {
                states.add(S.INDENTLESS_SEQUENCE_ENTRY);
                return parseNode(true, false);
            }
            state = S.INDENTLESS_SEQUENCE_ENTRY;
            return emptyScalar(m);
        }
        state = pop();
        return new Event(E.SEQUENCE_END, t.start);
    }

    private Event parseBlockMappingKey(boolean first) {
        if (first) {
            marks.add(peekToken().start);
            skipToken();
        }
        Token t = peekToken();
        if (t.type == T.KEY) {
            Mark m = t.end;
            skipToken();
            t = peekToken();
            if (t.type != T.KEY && t.type != T.VALUE && t.type != T.BLOCK_END) {
                states.add(S.BLOCK_MAPPING_VALUE);
                return parseNode(true, true);
            }
            state = S.BLOCK_MAPPING_VALUE;
            return emptyScalar(m);
        } else if (t.type == T.BLOCK_END) {
            state = pop();
            popMark();
            skipToken();
            return new Event(E.MAPPING_END, t.start);
        }
        Mark cm = popMark();
        throw parserError("while parsing a block mapping", cm, "did not find expected key", t.start);
    }

    private Event parseBlockMappingValue() {
        Token t = peekToken();
        if (t.type == T.VALUE) {
            Mark m = t.end;
            skipToken();
            t = peekToken();
            if (t.type != T.KEY && t.type != T.VALUE && t.type != T.BLOCK_END) {
                states.add(S.BLOCK_MAPPING_KEY);
                return parseNode(true, true);
            }
            state = S.BLOCK_MAPPING_KEY;
            return emptyScalar(m);
        }
        state = S.BLOCK_MAPPING_KEY;
        return emptyScalar(t.start);
    }

    private Event parseFlowSequenceEntry(boolean first) {
        if (first) {
            marks.add(peekToken().start);
            skipToken();
        }
        Token t = peekToken();
        if (t.type != T.FLOW_SEQUENCE_END) {
            if (!first) {
                if (t.type == T.FLOW_ENTRY) {
                    skipToken();
                    t = peekToken();
                } else {
                    Mark cm = popMark();
                    throw parserError("while parsing a flow sequence", cm, "did not find expected ',' or ']'", t.start);
                }
            }
            if (t.type == T.KEY) {
                state = S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
                Event e = flow(collection(E.MAPPING_START, t.start, null, "", true));
                skipToken();
                return e;
            } else if (t.type != T.FLOW_SEQUENCE_END) {
                states.add(S.FLOW_SEQUENCE_ENTRY);
                return parseNode(false, false);
            }
        }
        state = pop();
        popMark();
        skipToken();
        return new Event(E.SEQUENCE_END, t.start);
    }

    private Event parseFlowSequenceEntryMappingKey() {
        Token t = peekToken();
        if (t.type != T.VALUE && t.type != T.FLOW_ENTRY && t.type != T.FLOW_SEQUENCE_END) {
            states.add(S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
            return parseNode(false, false);
        }
        Mark m = t.end;
        skipToken();
        state = S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
        return emptyScalar(m);
    }

    private Event parseFlowSequenceEntryMappingValue() {
        Token t = peekToken();
        if (t.type == T.VALUE) {
            skipToken();
            Token n = peekToken();
            if (n.type != T.FLOW_ENTRY && n.type != T.FLOW_SEQUENCE_END) {
                states.add(S.FLOW_SEQUENCE_ENTRY_MAPPING_END);
                return parseNode(false, false);
            }
        }
        state = S.FLOW_SEQUENCE_ENTRY_MAPPING_END;
        return emptyScalar(t.start);
    }

    private Event parseFlowSequenceEntryMappingEnd() {
        Token t = peekToken();
        state = S.FLOW_SEQUENCE_ENTRY;
        return new Event(E.MAPPING_END, t.start);
    }

    private Event parseFlowMappingKey(boolean first) {
        if (first) {
            marks.add(peekToken().start);
            skipToken();
        }
        Token t = peekToken();
        if (t.type != T.FLOW_MAPPING_END) {
            if (!first) {
                if (t.type == T.FLOW_ENTRY) {
                    skipToken();
                    t = peekToken();
                } else {
                    Mark cm = popMark();
                    throw parserError("while parsing a flow mapping", cm, "did not find expected ',' or '}'", t.start);
                }
            }
            if (t.type == T.KEY) {
                skipToken();
                t = peekToken();
                if (t.type != T.VALUE && t.type != T.FLOW_ENTRY && t.type != T.FLOW_MAPPING_END) {
                    states.add(S.FLOW_MAPPING_VALUE);
                    return parseNode(false, false);
                }
                state = S.FLOW_MAPPING_VALUE;
                return emptyScalar(t.start);
            } else if (t.type != T.FLOW_MAPPING_END) {
                states.add(S.FLOW_MAPPING_EMPTY_VALUE);
                return parseNode(false, false);
            }
        }
        state = pop();
        popMark();
        skipToken();
        return new Event(E.MAPPING_END, t.start);
    }

    private Event parseFlowMappingValue(boolean empty) {
        Token t = peekToken();
        if (empty) {
            state = S.FLOW_MAPPING_KEY;
            return emptyScalar(t.start);
        }
        if (t.type == T.VALUE) {
            skipToken();
            t = peekToken();
            if (t.type != T.FLOW_ENTRY && t.type != T.FLOW_MAPPING_END) {
                states.add(S.FLOW_MAPPING_KEY);
                return parseNode(false, false);
            }
        }
        state = S.FLOW_MAPPING_KEY;
        return emptyScalar(t.start);
    }

    private static Event emptyScalar(Mark m) {
        Event e = new Event(E.SCALAR, m);
        e.value = "";
        e.tag = "";
        e.implicit = true;
        e.style = PLAIN;
        return e;
    }

    private void processDirectives() {
        boolean version = false;
        List<String[]> local = new ArrayList<>();
        Token t = peekToken();
        while (t.type == T.VERSION_DIRECTIVE || t.type == T.TAG_DIRECTIVE) {
            if (t.type == T.VERSION_DIRECTIVE) {
                if (version) {
                    throw parserError("", null, "found duplicate %YAML directive", t.start);
                }
                if (t.major != 1 || t.minor != 1) {
                    throw parserError("", null, "found incompatible YAML document", t.start);
                }
                version = true;
            } else {
                appendTagDirective(t.value, t.prefix, false, t.start);
                local.add(new String[] {t.value, t.prefix});
            }
            skipToken();
            t = peekToken();
        }
        appendTagDirective("!", "!", true, t.start);
        appendTagDirective("!!", "tag:yaml.org,2002:", true, t.start);
    }

    private void appendTagDirective(String handle, String prefix, boolean allowDuplicates, Mark m) {
        for (String[] d : tagDirectives) {
            if (d[0].equals(handle)) {
                if (allowDuplicates) {
                    return;
                }
                throw parserError("", null, "found duplicate %TAG directive", m);
            }
        }
        tagDirectives.add(new String[] {handle, prefix});
    }
}

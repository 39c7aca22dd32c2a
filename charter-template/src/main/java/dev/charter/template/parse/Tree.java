package dev.charter.template.parse;

import dev.charter.template.TemplateParseException;
import dev.charter.template.parse.Node.BranchKind;
import dev.charter.template.parse.Node.BranchNode;
import dev.charter.template.parse.Node.ChainNode;
import dev.charter.template.parse.Node.CommandNode;
import dev.charter.template.parse.Node.CommentNode;
import dev.charter.template.parse.Node.ElseNode;
import dev.charter.template.parse.Node.EndNode;
import dev.charter.template.parse.Node.FieldNode;
import dev.charter.template.parse.Node.IdentifierNode;
import dev.charter.template.parse.Node.ListNode;
import dev.charter.template.parse.Node.PipeNode;
import dev.charter.template.parse.Node.TextNode;
import dev.charter.template.parse.Node.VariableNode;
import dev.charter.template.text.Strconv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parsed template and Go's recursive-descent parser that builds it. The parser keeps Go's
 * three-token lookahead buffer because parse errors report the line of {@code token[0]}, the most
 * recently lexed token, which is not always the one being examined.
 */
public final class Tree {
    private static final int MAX_STACK_DEPTH = 10000;

    private String name;
    private String parseName;
    private ListNode root;
    private Source source;

    // parser state
    private Lexer lex;
    private final Item[] token = new Item[3];
    private int peekCount;
    private List<String> vars;
    private Map<String, Tree> treeSet;
    private int actionLine;
    private int rangeDepth;
    private int stackDepth;
    private Predicate<String> funcs;
    private boolean skipFuncCheck;

    private Tree(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String parseName() {
        return parseName;
    }

    public ListNode root() {
        return root;
    }

    public Source source() {
        return source;
    }

    /**
     * Go's parse.Parse: parses {@code text} under {@code name} and returns every tree it defines, the
     * top-level one included (in definition order, top-level last if it was added last).
     *
     * @param hasFunction tells whether a function name is defined (user functions and builtins)
     */
    public static Map<String, Tree> parse(String name, String text, String leftDelim, String rightDelim,
                                          Predicate<String> hasFunction, boolean skipFuncCheck) {
        Map<String, Tree> treeSet = new LinkedHashMap<>();
        Tree t = new Tree(name);
        t.skipFuncCheck = skipFuncCheck;
        t.parseName = name;
        t.source = Source.of(name, text);
        Lexer lexer = new Lexer(t.source.bytes(), leftDelim, rightDelim);
        t.startParse(hasFunction, lexer, treeSet);
        t.parseTop();
        t.add();
        t.stopParse();
        return treeSet;
    }

    // ---- token buffer ----

    private Item next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lex.nextItem();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(Item t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(Item t2, Item t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private Item peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lex.nextItem();
        return token[0];
    }

    private Item nextNonSpace() {
        Item t;
        do {
            t = next();
        } while (t.type() == ItemType.SPACE);
        return t;
    }

    private Item peekNonSpace() {
        Item t = nextNonSpace();
        backup();
        return t;
    }

    // ---- errors ----

    private RuntimeException errorf(String msg) {
        root = null;
        int line = token[0] == null ? 1 : token[0].line();
        throw new TemplateParseException("template: " + parseName + ":" + line + ": " + msg);
    }

    private Item expect(ItemType expected, String context) {
        Item t = nextNonSpace();
        if (t.type() != expected) {
            unexpected(t, context);
        }
        return t;
    }

    private Item expectOneOf(ItemType e1, ItemType e2, String context) {
        Item t = nextNonSpace();
        if (t.type() != e1 && t.type() != e2) {
            unexpected(t, context);
        }
        return t;
    }

    private void unexpected(Item t, String context) {
        if (t.type() == ItemType.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at " + parseName + ":" + actionLine;
                if (t.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            throw errorf(t.describe() + extra);
        }
        throw errorf("unexpected " + t.describe() + " in " + context);
    }

    private void startParse(Predicate<String> f, Lexer l, Map<String, Tree> set) {
        root = null;
        lex = l;
        vars = new ArrayList<>(List.of("$"));
        funcs = f;
        treeSet = set;
        stackDepth = 0;
        l.breakOK = !hasFunction("break");
        l.continueOK = !hasFunction("continue");
    }

    private void stopParse() {
        lex = null;
        vars = null;
        funcs = null;
        treeSet = null;
    }

    private boolean hasFunction(String n) {
        return funcs != null && funcs.test(n);
    }

    private void add() {
        Tree tree = treeSet.get(name);
        if (tree == null || isEmptyTree(tree.root)) {
            treeSet.remove(name);
            treeSet.put(name, this);
            return;
        }
        if (!isEmptyTree(root)) {
            throw errorf("template: multiple definition of template " + Strconv.quote(name));
        }
    }

    /** Go's parse.IsEmptyTree: only whitespace text and comments. */
    public static boolean isEmptyTree(Node n) {
        if (n == null) {
            return true;
        }
        return switch (n) {
            case CommentNode c -> true;
            case ListNode l -> l.nodes().stream().allMatch(Tree::isEmptyTree);
            case TextNode t -> t.content().codePoints().allMatch(Tree::isGoSpace);
            default -> false;
        };
    }

    /** Go's unicode.IsSpace, which bytes.TrimSpace uses. */
    static boolean isGoSpace(int r) {
        return switch (r) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> r > 0xFF && Character.getType(r) == Character.SPACE_SEPARATOR
                    || r == 0x2028 || r == 0x2029;
        };
    }

    // ---- grammar ----

    private void parseTop() {
        root = new ListNode(peek().pos(), source);
        while (peek().type() != ItemType.EOF) {
            if (peek().type() == ItemType.LEFT_DELIM) {
                Item delim = next();
                if (nextNonSpace().type() == ItemType.DEFINE) {
                    Tree newT = new Tree("definition");
                    newT.source = source;
                    newT.parseName = parseName;
                    newT.skipFuncCheck = skipFuncCheck;
                    newT.startParse(funcs, lex, treeSet);
                    newT.parseDefinition();
                    continue;
                }
                backup2(delim);
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw errorf("unexpected " + n.text());
            }
            root.nodes().add(n);
        }
    }

    private void parseDefinition() {
        String context = "define clause";
        Item nameTok = expectOneOf(ItemType.STRING, ItemType.RAW_STRING, context);
        try {
            name = Strconv.unquote(nameTok.val());
        } catch (Strconv.SyntaxError e) {
            throw errorf(e.getMessage());
        }
        expect(ItemType.RIGHT_DELIM, context);
        Object[] r = itemList();
        root = (ListNode) r[0];
        Node end = (Node) r[1];
        if (!(end instanceof EndNode)) {
            throw errorf("unexpected " + end.text() + " in " + context);
        }
        add();
        stopParse();
    }

    /** Returns {list, terminating else/end node}. */
    private Object[] itemList() {
        ListNode list = new ListNode(peekNonSpace().pos(), source);
        while (peekNonSpace().type() != ItemType.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new Object[] {list, n};
            }
            list.nodes().add(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new TextNode(t.pos(), source, t.val());
            case LEFT_DELIM: {
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            }
            case COMMENT:
                return new CommentNode(t.pos(), source, t.val());
            default:
                unexpected(t, "input");
                return null;
        }
    }

    private Node action() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakControl(t.pos(), t.line());
            case CONTINUE:
                return continueControl(t.pos(), t.line());
            case ELSE:
                return elseControl();
            case END:
                return endControl();
            case IF:
                return ifControl();
            case RANGE:
                return rangeControl();
            case TEMPLATE:
                return templateControl();
            case WITH:
                return withControl();
            default:
                break;
        }
        backup();
        Item tok = peek();
        return new Node.ActionNode(tok.pos(), source, tok.line(), pipeline("command", ItemType.RIGHT_DELIM));
    }

    private Node breakControl(int pos, int line) {
        Item t = nextNonSpace();
        if (t.type() != ItemType.RIGHT_DELIM) {
            unexpected(t, "{{break}}");
        }
        if (rangeDepth == 0) {
            throw errorf("{{break}} outside {{range}}");
        }
        return new Node.BreakNode(pos, source, line);
    }

    private Node continueControl(int pos, int line) {
        Item t = nextNonSpace();
        if (t.type() != ItemType.RIGHT_DELIM) {
            unexpected(t, "{{continue}}");
        }
        if (rangeDepth == 0) {
            throw errorf("{{continue}} outside {{range}}");
        }
        return new Node.ContinueNode(pos, source, line);
    }

    private PipeNode pipeline(String context, ItemType end) {
        Item tok = peekNonSpace();
        PipeNode pipe = new PipeNode(tok.pos(), source, tok.line());
        decls:
        while (true) {
            Item v = peekNonSpace();
            if (v.type() == ItemType.VARIABLE) {
                next();
                Item tokenAfterVariable = peek();
                Item nxt = peekNonSpace();
                if (nxt.type() == ItemType.ASSIGN || nxt.type() == ItemType.DECLARE) {
                    pipe.isAssign = nxt.type() == ItemType.ASSIGN;
                    nextNonSpace();
                    pipe.decl.add(newVariable(v.pos(), v.val()));
                    vars.add(v.val());
                } else if (nxt.type() == ItemType.CHAR && nxt.val().equals(",")) {
                    nextNonSpace();
                    pipe.decl.add(newVariable(v.pos(), v.val()));
                    vars.add(v.val());
                    if (context.equals("range") && pipe.decl.size() < 2) {
                        ItemType pt = peekNonSpace().type();
                        if (pt == ItemType.VARIABLE || pt == ItemType.RIGHT_DELIM || pt == ItemType.RIGHT_PAREN) {
                            continue decls;
                        }
                        throw errorf("range can only initialize variables");
                    }
                    throw errorf("too many declarations in " + context);
                } else if (tokenAfterVariable.type() == ItemType.SPACE) {
                    backup3(v, tokenAfterVariable);
                } else {
                    backup2(v);
                }
            }
            break;
        }
        while (true) {
            Item t = nextNonSpace();
            if (t.type() == end) {
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                        VARIABLE, LEFT_PAREN -> {
                    backup();
                    pipe.cmds.add(command());
                }
                default -> unexpected(t, context);
            }
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds.isEmpty()) {
            throw errorf("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds.size(); i++) {
            Node first = pipe.cmds.get(i).args().get(0);
            if (first instanceof Node.BoolNode || first instanceof Node.DotNode || first instanceof Node.NilNode
                    || first instanceof Node.NumberNode || first instanceof Node.StringNode) {
                throw errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private record Control(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) {}

    private Control parseControl(String context) {
        int mark = vars.size();
        try {
            PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            Object[] r = itemList();
            if (context.equals("range")) {
                rangeDepth--;
            }
            ListNode list = (ListNode) r[0];
            Node nxt = (Node) r[1];
            ListNode elseList = null;
            if (nxt instanceof ElseNode) {
                if (context.equals("if") && peek().type() == ItemType.IF) {
                    next();
                    elseList = new ListNode(nxt.pos(), source);
                    elseList.nodes().add(ifControl());
                } else if (context.equals("with") && peek().type() == ItemType.WITH) {
                    next();
                    elseList = new ListNode(nxt.pos(), source);
                    elseList.nodes().add(withControl());
                } else {
                    Object[] r2 = itemList();
                    elseList = (ListNode) r2[0];
                    Node n2 = (Node) r2[1];
                    if (!(n2 instanceof EndNode)) {
                        throw errorf("expected end; found " + n2.text());
                    }
                }
            }
            return new Control(pipe.pos(), pipe.line, pipe, list, elseList);
        } finally {
            while (vars.size() > mark) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    private Node branch(BranchKind kind, String context) {
        Control c = parseControl(context);
        return new BranchNode(kind, c.pos(), source, c.line(), c.pipe(), c.list(), c.elseList());
    }

    private Node ifControl() {
        return branch(BranchKind.IF, "if");
    }

    private Node rangeControl() {
        return branch(BranchKind.RANGE, "range");
    }

    private Node withControl() {
        return branch(BranchKind.WITH, "with");
    }

    private Node endControl() {
        return new EndNode(expect(ItemType.RIGHT_DELIM, "end").pos(), source);
    }

    private Node elseControl() {
        Item p = peekNonSpace();
        if (p.type() == ItemType.IF || p.type() == ItemType.WITH) {
            return new ElseNode(p.pos(), source, p.line());
        }
        Item t = expect(ItemType.RIGHT_DELIM, "else");
        return new ElseNode(t.pos(), source, t.line());
    }

    private Node blockControl() {
        String context = "block clause";
        Item t = nextNonSpace();
        String blockName = parseTemplateName(t, context);
        PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);

        Tree block = new Tree(blockName);
        block.source = source;
        block.parseName = parseName;
        block.skipFuncCheck = skipFuncCheck;
        block.startParse(funcs, lex, treeSet);
        Object[] r = block.itemList();
        block.root = (ListNode) r[0];
        Node end = (Node) r[1];
        if (!(end instanceof EndNode)) {
            throw errorf("unexpected " + end.text() + " in " + context);
        }
        block.add();
        block.stopParse();
        return new Node.TemplateNode(t.pos(), source, t.line(), blockName, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Item t = nextNonSpace();
        String tmplName = parseTemplateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != ItemType.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, ItemType.RIGHT_DELIM);
        }
        return new Node.TemplateNode(t.pos(), source, t.line(), tmplName, pipe);
    }

    private String parseTemplateName(Item t, String context) {
        if (t.type() == ItemType.STRING || t.type() == ItemType.RAW_STRING) {
            try {
                return Strconv.unquote(t.val());
            } catch (Strconv.SyntaxError e) {
                throw errorf(e.getMessage());
            }
        }
        unexpected(t, context);
        return null;
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(peekNonSpace().pos(), source, new ArrayList<>());
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                cmd.args().add(operand);
            }
            Item t = next();
            switch (t.type()) {
                case SPACE:
                    continue;
                case RIGHT_DELIM, RIGHT_PAREN:
                    backup();
                    break;
                case PIPE:
                    break;
                default:
                    unexpected(t, "operand");
            }
            break;
        }
        if (cmd.args().isEmpty()) {
            throw errorf("empty command");
        }
        return cmd;
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == ItemType.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().type() == ItemType.FIELD) {
                fields.add(next().val().substring(1));
            }
            ChainNode chain = new ChainNode(chainPos, source, node, fields);
            if (node instanceof FieldNode) {
                node = newField(chainPos, chain.text());
            } else if (node instanceof VariableNode) {
                node = newVariable(chainPos, chain.text());
            } else if (node instanceof Node.BoolNode || node instanceof Node.StringNode
                    || node instanceof Node.NumberNode || node instanceof Node.NilNode || node instanceof Node.DotNode) {
                throw errorf("unexpected . after term " + Strconv.quote(node.text()));
            } else {
                node = chain;
            }
        }
        return node;
    }

    private Node term() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER:
                if (!skipFuncCheck && !hasFunction(t.val())) {
                    throw errorf("function " + Strconv.quote(t.val()) + " not defined");
                }
                return new IdentifierNode(t.pos(), source, t.val());
            case DOT:
                return new Node.DotNode(t.pos(), source);
            case NIL:
                return new Node.NilNode(t.pos(), source);
            case VARIABLE:
                return useVar(t.pos(), t.val());
            case FIELD:
                return newField(t.pos(), t.val());
            case BOOL:
                return new Node.BoolNode(t.pos(), source, t.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER:
                try {
                    return Numbers.newNumber(t.pos(), source, t.val(), t.type());
                } catch (Numbers.NumberError e) {
                    throw errorf(e.getMessage());
                }
            case LEFT_PAREN:
                if (stackDepth >= MAX_STACK_DEPTH) {
                    throw errorf("max expression depth exceeded");
                }
                stackDepth++;
                try {
                    return pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            case STRING, RAW_STRING:
                try {
                    return new Node.StringNode(t.pos(), source, t.val(), Strconv.unquote(t.val()));
                } catch (Strconv.SyntaxError e) {
                    throw errorf(e.getMessage());
                }
            default:
                backup();
                return null;
        }
    }

    private FieldNode newField(int pos, String ident) {
        return new FieldNode(pos, source, Arrays.asList(ident.substring(1).split("\\.", -1)));
    }

    private VariableNode newVariable(int pos, String ident) {
        return new VariableNode(pos, source, Arrays.asList(ident.split("\\.", -1)));
    }

    private Node useVar(int pos, String varName) {
        VariableNode v = newVariable(pos, varName);
        for (String n : vars) {
            if (n.equals(v.ident().get(0))) {
                return v;
            }
        }
        throw errorf("undefined variable " + Strconv.quote(v.ident().get(0)));
    }
}

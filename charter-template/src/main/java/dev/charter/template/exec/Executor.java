package dev.charter.template.exec;

import dev.charter.template.CallContext;
import dev.charter.template.ExecutionLimits;
import dev.charter.template.Func;
import dev.charter.template.Signature;
import dev.charter.template.Template;
import dev.charter.template.TemplateException;
import dev.charter.template.TemplateExecException;
import dev.charter.template.fmt.GoFmt;
import dev.charter.template.fmt.MapOrder;
import dev.charter.template.parse.Node;
import dev.charter.template.parse.Node.BranchKind;
import dev.charter.template.parse.Node.BranchNode;
import dev.charter.template.parse.Node.ChainNode;
import dev.charter.template.parse.Node.CommandNode;
import dev.charter.template.parse.Node.FieldNode;
import dev.charter.template.parse.Node.IdentifierNode;
import dev.charter.template.parse.Node.ListNode;
import dev.charter.template.parse.Node.NumberNode;
import dev.charter.template.parse.Node.PipeNode;
import dev.charter.template.parse.Node.VariableNode;
import dev.charter.template.parse.Tree;
import dev.charter.template.text.Strconv;
import dev.charter.template.value.Complex;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTypes;
import dev.charter.template.value.HostObjects;
import dev.charter.template.value.Kind;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's exec.go {@code state}: walks a parse tree against data. Values during evaluation are plain
 * Java objects (concrete Go values), {@link Boxed} (static type {@code interface{}}) or
 * {@link Nothing} (Go's invalid Value); the distinction drives Go's error messages and
 * missing-value rules. Each method mirrors its Go namesake, including where {@code s.at(node)}
 * moves the error position.
 */
public final class Executor {
    static final int MAX_EXEC_DEPTH = 100000;

    private final Template tmpl;
    private final Appendable out;
    private final Budget budget;
    private final List<String> varNames = new ArrayList<>();
    private final List<Object> varValues = new ArrayList<>();
    private final int depth;
    private Node node;

    /** Step and output accounting shared by the nested states of one execution. */
    private static final class Budget {
        final long maxSteps;
        final long maxOutput;
        long steps;
        long output;

        Budget(ExecutionLimits l) {
            maxSteps = l.maxSteps();
            maxOutput = l.maxOutputChars();
        }
    }

    private Executor(Template tmpl, Appendable out, Budget budget, int depth) {
        this.tmpl = tmpl;
        this.out = out;
        this.budget = budget;
        this.depth = depth;
    }

    /** Go's Template.execute. */
    public static void execute(Template t, Tree tree, Object data, Appendable out) {
        Object value = data == null ? Nothing.INSTANCE : data;
        Executor s = new Executor(t, out, new Budget(t.limits()), 0);
        s.push("$", value);
        if (tree == null || tree.root() == null) {
            throw s.errorf(Strconv.quote(t.name()) + " is an incomplete or empty template");
        }
        s.walk(value, tree.root());
    }

    public static boolean isBuiltin(String name) {
        return Builtins.get(name) != null;
    }

    // ---- variables ----

    private void push(String name, Object value) {
        varNames.add(name);
        varValues.add(value);
    }

    private int mark() {
        return varNames.size();
    }

    private void pop(int mark) {
        while (varNames.size() > mark) {
            varNames.remove(varNames.size() - 1);
            varValues.remove(varValues.size() - 1);
        }
    }

    private void setVar(String name, Object value) {
        for (int i = mark() - 1; i >= 0; i--) {
            if (varNames.get(i).equals(name)) {
                varValues.set(i, value);
                return;
            }
        }
        throw errorf("undefined variable: " + name);
    }

    private void setTopVar(int n, Object value) {
        varValues.set(varValues.size() - n, value);
    }

    private Object varValue(String name) {
        for (int i = mark() - 1; i >= 0; i--) {
            if (varNames.get(i).equals(name)) {
                return varValues.get(i);
            }
        }
        throw errorf("undefined variable: " + name);
    }

    // ---- errors ----

    private void at(Node n) {
        node = n;
    }

    TemplateExecException errorf(String msg) {
        return errorf(msg, null);
    }

    TemplateExecException errorf(String msg, Throwable cause) {
        String name = tmpl.name();
        String full;
        if (node == null) {
            full = "template: " + name + ": " + msg;
        } else {
            full = "template: " + node.src().location(node.pos()) + ": executing " + Strconv.quote(name)
                    + " at <" + node.text() + ">: " + msg;
        }
        return new TemplateExecException(name, full, cause);
    }

    private void step() {
        if (budget.maxSteps > 0 && ++budget.steps > budget.maxSteps) {
            throw errorf("execution limit exceeded (" + budget.maxSteps + " steps)");
        }
    }

    private void write(String s) {
        if (budget.maxOutput > 0) {
            budget.output += s.length();
            if (budget.output > budget.maxOutput) {
                throw errorf("output limit exceeded (" + budget.maxOutput + " characters)");
            }
        }
        try {
            out.append(s);
        } catch (IOException e) {
            throw new TemplateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    // ---- control flow signals ----

    private static final class Break extends RuntimeException {
        static final Break INSTANCE = new Break();

        private Break() {
            super(null, null, false, false);
        }
    }

    private static final class Continue extends RuntimeException {
        static final Continue INSTANCE = new Continue();

        private Continue() {
            super(null, null, false, false);
        }
    }

    // ---- walk ----

    private void walk(Object dot, Node n) {
        at(n);
        step();
        switch (n) {
            case Node.ActionNode a -> {
                Object val = evalPipeline(dot, a.pipe());
                if (a.pipe().decl.isEmpty()) {
                    printValue(a, val);
                }
            }
            case Node.BreakNode b -> throw Break.INSTANCE;
            case Node.CommentNode c -> { }
            case Node.ContinueNode c -> throw Continue.INSTANCE;
            case BranchNode b when b.kind() == BranchKind.IF -> walkIfOrWith(false, dot, b);
            case BranchNode b when b.kind() == BranchKind.WITH -> walkIfOrWith(true, dot, b);
            case BranchNode b -> walkRange(dot, b);
            case ListNode l -> {
                for (Node child : l.nodes()) {
                    walk(dot, child);
                }
            }
            case Node.TemplateNode t -> walkTemplate(dot, t);
            case Node.TextNode t -> write(t.content());
            default -> throw errorf("unknown node: " + n.text());
        }
    }

    private void walkIfOrWith(boolean with, Object dot, BranchNode b) {
        int mark = mark();
        try {
            Object val = evalPipeline(dot, b.pipe());
            boolean truth = Truth.isTrue(indirectInterface(val));
            if (truth) {
                walk(with ? val : dot, b.list());
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        at(r);
        int outerMark = mark();
        try {
            Object val = indirect(evalPipeline(dot, r.pipe()));
            if (val instanceof TypedNil tn && tn.type().kind() != Kind.FUNC) {
                val = Nothing.INSTANCE; // a nil map or slice ranges like an empty one
            }
            int mark = mark();
            PipeNode pipe = r.pipe();
            Kind k = kindOf(val);
            if (k.isSignedInt() || k.isUnsignedInt()) {
                if (pipe.decl.size() > 1) {
                    throw errorf("can't use " + GoFmt.format(val, 'v') + " to iterate over more than one variable");
                }
                long n = val instanceof GoInt g ? g.bits() : ((Number) val).longValue();
                boolean unsigned = k.isUnsignedInt();
                boolean run = false;
                for (long i = 0; unsigned ? Long.compareUnsigned(i, n) < 0 : i < n; i++) {
                    run = true;
                    Object elem = val instanceof GoInt g ? new GoInt(i, g.type()) : sameIntType(val, i);
                    if (!oneIteration(r, mark, Nothing.INSTANCE, elem)) {
                        return;
                    }
                }
                if (run) {
                    return;
                }
            } else if (k == Kind.SLICE) {
                int len = length(val);
                if (len > 0) {
                    boolean iface = ifaceElements(val);
                    for (int i = 0; i < len; i++) {
                        Object e = element(val, i);
                        if (!oneIteration(r, mark, (long) i, iface ? new Boxed(e) : e)) {
                            return;
                        }
                    }
                    return;
                }
            } else if (k == Kind.MAP) {
                Map<?, ?> m = (Map<?, ?>) val;
                if (!m.isEmpty()) {
                    for (Map.Entry<?, ?> e : MapOrder.sorted(m)) {
                        if (!oneIteration(r, mark, e.getKey(), new Boxed(e.getValue()))) {
                            return;
                        }
                    }
                    return;
                }
            } else if (k != Kind.INVALID) {
                throw errorf("range can't iterate over " + GoFmt.format(unboxed(val), 'v'));
            }
            if (r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } finally {
            pop(outerMark);
        }
    }

    private static Object sameIntType(Object val, long i) {
        return val instanceof Integer ? (Object) (int) i : (Object) i;
    }

    /** One loop iteration; returns false when the body executed {@code break}. */
    private boolean oneIteration(BranchNode r, int mark, Object index, Object elem) {
        step();
        PipeNode pipe = r.pipe();
        if (!pipe.decl.isEmpty()) {
            if (pipe.isAssign) {
                if (pipe.decl.size() > 1) {
                    setVar(pipe.decl.get(0).ident().get(0), index);
                } else {
                    setVar(pipe.decl.get(0).ident().get(0), elem);
                }
            } else {
                setTopVar(1, elem);
            }
        }
        if (pipe.decl.size() > 1) {
            if (pipe.isAssign) {
                setVar(pipe.decl.get(1).ident().get(0), elem);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(elem, r.list());
        } catch (Continue c) {
            // next iteration
        } catch (Break b) {
            pop(mark);
            return false;
        } finally {
            pop(mark);
        }
        return true;
    }

    private void walkTemplate(Object dot, Node.TemplateNode t) {
        at(t);
        Template callee = tmpl.lookup(t.name());
        Tree tree = callee == null ? null : callee.tree();
        if (tree == null) {
            throw errorf("template " + Strconv.quote(t.name()) + " not defined");
        }
        if (depth == MAX_EXEC_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, t.pipe());
        Executor ns = new Executor(callee, out, budget, depth + 1);
        ns.node = node;
        ns.push("$", newDot);
        if (tree.root() == null) {
            throw ns.errorf(Strconv.quote(callee.name()) + " is an incomplete or empty template");
        }
        ns.walk(newDot, tree.root());
    }

    // ---- evaluation ----

    private Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return Nothing.INSTANCE;
        }
        at(pipe);
        Object value = Missing.INSTANCE;
        for (CommandNode cmd : pipe.cmds) {
            value = evalCommand(dot, cmd, value);
            if (value instanceof Boxed b) {
                value = b.inner() == null ? Nothing.INSTANCE : b.inner();
            }
        }
        for (VariableNode v : pipe.decl) {
            if (pipe.isAssign) {
                setVar(v.ident().get(0), value);
            } else {
                push(v.ident().get(0), value);
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if ((args != null && args.size() > 1) || fin != Missing.INSTANCE) {
            throw errorf("can't give argument to non-function " + args.get(0).text());
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        step();
        Node first = cmd.args().get(0);
        switch (first) {
            case FieldNode f:
                return evalFieldNode(dot, f, cmd.args(), fin);
            case ChainNode c:
                return evalChainNode(dot, c, cmd.args(), fin);
            case IdentifierNode id:
                return evalFunction(dot, id, cmd, cmd.args(), fin);
            case PipeNode p:
                notAFunction(cmd.args(), fin);
                return evalPipeline(dot, p);
            case VariableNode v:
                return evalVariableNode(dot, v, cmd.args(), fin);
            default:
                break;
        }
        at(first);
        notAFunction(cmd.args(), fin);
        switch (first) {
            case Node.BoolNode b:
                return b.value();
            case Node.DotNode d:
                return dot;
            case Node.NilNode n:
                throw errorf("nil is not a command");
            case NumberNode n:
                return idealConstant(n);
            case Node.StringNode s:
                return s.value();
            default:
                throw errorf("can't evaluate command " + Strconv.quote(first.text()));
        }
    }

    private Object idealConstant(NumberNode c) {
        at(c);
        if (c.isComplex()) {
            return new Complex(c.re(), c.im());
        }
        String text = c.literal();
        if (c.isFloat() && !isHexInt(text) && !(text.length() > 0 && text.charAt(0) == '\'')
                && containsAny(text, ".eEpP")) {
            return c.float64();
        }
        if (c.isInt()) {
            return c.int64();
        }
        if (c.isUint()) {
            throw errorf(text + " overflows int");
        }
        return Nothing.INSTANCE;
    }

    private static boolean isHexInt(String s) {
        return s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && !containsAny(s, "pP");
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
        at(field);
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        at(chain);
        if (chain.field().isEmpty()) {
            throw errorf("internal error: no fields in evalChainNode");
        }
        if (chain.node() instanceof Node.NilNode) {
            throw errorf("indirection through explicit nil in " + chain.text());
        }
        Object pipe = evalArg(dot, null, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.field(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin) {
        at(variable);
        Object value = varValue(variable.ident().get(0));
        if (variable.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident().subList(1, variable.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args,
                                  Object fin) {
        int count = ident.size();
        for (int i = 0; i < count - 1; i++) {
            receiver = evalField(dot, ident.get(i), n, null, Missing.INSTANCE, receiver);
        }
        return evalField(dot, ident.get(count - 1), n, args, fin, receiver);
    }

    private Object evalFunction(Object dot, IdentifierNode n, Node cmd, List<Node> args, Object fin) {
        at(n);
        String name = n.ident();
        Func user = tmpl.functions().get(name);
        if (user != null) {
            return evalCall(dot, new UserFunction(user), false, cmd, name, args, fin);
        }
        Callee b = Builtins.get(name);
        if (b == null) {
            throw errorf(Strconv.quote(name) + " is not a defined function");
        }
        return evalCall(dot, b, true, cmd, name, args, fin);
    }

    private Object evalField(Object dot, String fieldName, Node n, List<Node> args, Object fin, Object receiver) {
        if (receiver == Nothing.INSTANCE) {
            if (tmpl.missingKey() == Template.MissingKey.ERROR) {
                throw errorf("nil data; no entry for key " + Strconv.quote(fieldName));
            }
            return Nothing.INSTANCE;
        }
        String typ = typeName(receiver);
        Object rv = receiver;
        if (rv instanceof TypedNil tn) {
            if (tn.type().kind() != Kind.MAP) {
                throw errorf("nil pointer evaluating " + typ + "." + fieldName);
            }
            rv = Map.of();
        }
        if (rv instanceof Boxed b) {
            if (b.inner() == null) {
                throw errorf("nil pointer evaluating " + typ + "." + fieldName);
            }
            rv = b.inner();
        }
        Method method = HostObjects.of(rv.getClass()).methods().get(fieldName);
        if (method != null) {
            return evalCall(dot, new HostMethod(rv, method), false, n, fieldName, args, fin);
        }
        boolean hasArgs = (args != null && args.size() > 1) || fin != Missing.INSTANCE;
        Kind k = GoTypes.kind(rv);
        if (k.isHost()) {
            HostObjects.HostField f = HostObjects.of(rv.getClass()).fields().get(fieldName);
            if (f != null) {
                if (hasArgs) {
                    throw errorf(fieldName + " has arguments but cannot be invoked as function");
                }
                Object v;
                try {
                    v = f.read(rv);
                } catch (IllegalStateException e) {
                    throw errorf(String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
                }
                return v == null || f.iface() ? new Boxed(v) : v;
            }
        } else if (k == Kind.MAP && rv instanceof Map<?, ?> m) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            Object v = m.get(fieldName);
            if (v != null || m.containsKey(fieldName)) {
                return new Boxed(v);
            }
            switch (tmpl.missingKey()) {
                case ZERO:
                    return new Boxed(null);
                case ERROR:
                    throw errorf("map has no entry for key " + Strconv.quote(fieldName));
                default:
                    return Nothing.INSTANCE;
            }
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + typ);
    }

    // ---- calls ----

    Object evalCall(Object dot, Callee fun, boolean isBuiltin, Node n, String name, List<Node> args, Object fin) {
        if (args != null) {
            args = args.subList(1, args.size());
        } else {
            args = List.of();
        }
        Signature typ = fun.signature();
        int numIn = args.size();
        if (fin != Missing.INSTANCE) {
            numIn++;
        }
        int numFixed = args.size();
        if (typ.isVariadic()) {
            numFixed = typ.numIn() - 1;
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + name + ": want at least " + (typ.numIn() - 1) + " got "
                        + args.size());
            }
        } else if (numIn != typ.numIn()) {
            throw errorf("wrong number of args for " + name + ": want " + typ.numIn() + " got " + numIn);
        }
        if (fun.numOut() != 1) {
            throw errorf("can't call method/function " + Strconv.quote(name) + " with " + fun.numOut() + " results");
        }

        if (isBuiltin && (name.equals("and") || name.equals("or"))) {
            boolean isOr = name.equals("or");
            Object v = Nothing.INSTANCE;
            for (Node arg : args) {
                v = evalArg(dot, GoType.VALUE, arg);
                if (Truth.truth(v) == isOr) {
                    return v;
                }
            }
            if (fin != Missing.INSTANCE) {
                v = validateType(fin, GoType.VALUE);
            }
            return v;
        }

        List<Object> argv = new ArrayList<>(numIn);
        int i = 0;
        for (; i < numFixed && i < args.size(); i++) {
            argv.add(evalArg(dot, typ.in(i), args.get(i)));
        }
        if (typ.isVariadic()) {
            for (; i < args.size(); i++) {
                argv.add(evalArg(dot, typ.variadic(), args.get(i)));
            }
        }
        if (fin != Missing.INSTANCE) {
            GoType t = typ.in(typ.numIn() - 1);
            if (typ.isVariadic()) {
                if (numIn - 1 < numFixed) {
                    t = typ.in(numIn - 1);
                } else {
                    t = typ.variadic();
                }
            }
            argv.add(validateType(fin, t));
        }
        if (isBuiltin && name.equals("call")) {
            String calleeName = args.isEmpty() ? GoFmt.format(unboxed(fin), 'v') : args.get(0).text();
            argv.add(0, calleeName);
        }
        try {
            return fun.invoke(this, argv);
        } catch (Break | Continue e) {
            throw e;
        } catch (CallFailure e) {
            at(n);
            throw errorf("error calling " + name + ": " + e.getMessage(), e.getCause());
        } catch (Exception e) {
            at(n);
            throw errorf("error calling " + name + ": " + messageOf(e), e);
        }
    }

    static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m != null ? m : e.toString();
    }

    /** An error a builtin returns (Go's non-nil error result). */
    static final class CallFailure extends Exception {
        CallFailure(String msg) {
            super(msg, null, false, false);
        }

        CallFailure(String msg, Throwable cause) {
            super(msg, cause, false, false);
        }
    }

    private static boolean canBeNil(GoType t) {
        return switch (t.kind()) {
            case INTERFACE, VALUE, MAP, SLICE, FUNC, STRUCT, POINTER -> true;
            default -> false;
        };
    }

    private static Object zero(GoType t) {
        return switch (t.kind()) {
            case INTERFACE -> new Boxed(null);
            case VALUE -> Nothing.INSTANCE;
            default -> new TypedNil(t);
        };
    }

    /** A nil of a concrete nillable type (map, slice, func, pointer); passed to functions as null. */
    record TypedNil(GoType type) {}

    private Object validateType(Object value, GoType typ) {
        if (value == Nothing.INSTANCE) {
            if (typ == null) {
                return Nothing.INSTANCE;
            }
            if (canBeNil(typ)) {
                return zero(typ);
            }
            throw errorf("invalid value; expected " + typ.name());
        }
        if (typ == GoType.VALUE) {
            return value;
        }
        if (typ != null && !assignable(value, typ)) {
            if (value instanceof Boxed b && b.inner() != null) {
                value = b.inner();
                if (assignable(value, typ)) {
                    return value;
                }
            }
            throw errorf("wrong type for value; expected " + typ.name() + "; got " + typeName(value));
        }
        return value;
    }

    private static boolean assignable(Object value, GoType typ) {
        if (value instanceof Boxed) {
            return typ.kind() == Kind.INTERFACE;
        }
        if (value instanceof TypedNil tn) {
            return typ.kind() == Kind.INTERFACE || tn.type().name().equals(typ.name());
        }
        return GoTypes.assignable(value, typ);
    }

    private Object evalArg(Object dot, GoType typ, Node n) {
        at(n);
        switch (n) {
            case Node.DotNode d:
                return validateType(dot, typ);
            case Node.NilNode nil:
                if (canBeNil(typ)) {
                    return zero(typ);
                }
                throw errorf("cannot assign nil to " + typ.name());
            case FieldNode f:
                return validateType(evalFieldNode(dot, f, List.of(n), Missing.INSTANCE), typ);
            case VariableNode v:
                return validateType(evalVariableNode(dot, v, null, Missing.INSTANCE), typ);
            case PipeNode p:
                return validateType(evalPipeline(dot, p), typ);
            case IdentifierNode id:
                return validateType(evalFunction(dot, id, id, null, Missing.INSTANCE), typ);
            case ChainNode c:
                return validateType(evalChainNode(dot, c, null, Missing.INSTANCE), typ);
            default:
                break;
        }
        Kind k = typ.kind();
        if (k == Kind.BOOL) {
            at(n);
            if (n instanceof Node.BoolNode b) {
                return b.value();
            }
            throw errorf("expected bool; found " + n.text());
        }
        if (k == Kind.COMPLEX128) {
            if (n instanceof NumberNode num && num.isComplex()) {
                return new Complex(num.re(), num.im());
            }
            throw errorf("expected complex; found " + n.text());
        }
        if (k.isFloat()) {
            at(n);
            if (n instanceof NumberNode num && num.isFloat()) {
                return k == Kind.FLOAT32 ? (Object) (float) num.float64() : (Object) num.float64();
            }
            throw errorf("expected float; found " + n.text());
        }
        if (k.isSignedInt()) {
            at(n);
            if (n instanceof NumberNode num && num.isInt()) {
                if (k == Kind.INT) {
                    return num.int64();
                }
                return new GoInt(num.int64(), GoInt.IntType.valueOf(k.name()));
            }
            throw errorf("expected integer; found " + n.text());
        }
        if (k == Kind.INTERFACE || k == Kind.VALUE) {
            return evalEmptyInterface(dot, n);
        }
        if (k == Kind.STRING) {
            at(n);
            if (n instanceof Node.StringNode s) {
                return s.value();
            }
            throw errorf("expected string; found " + n.text());
        }
        if (k.isUnsignedInt()) {
            at(n);
            if (n instanceof NumberNode num && num.isUint()) {
                return new GoInt(num.uint64(), GoInt.IntType.valueOf(k.name()));
            }
            throw errorf("expected unsigned integer; found " + n.text());
        }
        throw errorf("can't handle " + n.text() + " for arg of type " + typ.name());
    }

    private Object evalEmptyInterface(Object dot, Node n) {
        at(n);
        switch (n) {
            case Node.BoolNode b:
                return b.value();
            case Node.DotNode d:
                return dot;
            case FieldNode f:
                return evalFieldNode(dot, f, null, Missing.INSTANCE);
            case IdentifierNode id:
                return evalFunction(dot, id, id, null, Missing.INSTANCE);
            case Node.NilNode nil:
                throw errorf("evalEmptyInterface: nil (can't happen)");
            case NumberNode num:
                return idealConstant(num);
            case Node.StringNode s:
                return s.value();
            case VariableNode v:
                return evalVariableNode(dot, v, null, Missing.INSTANCE);
            case PipeNode p:
                return evalPipeline(dot, p);
            default:
                throw errorf("can't handle assignment of " + n.text() + " to empty interface argument");
        }
    }

    // ---- printing ----

    private void printValue(Node n, Object v) {
        at(n);
        if (v == Nothing.INSTANCE) {
            write("<no value>");
            return;
        }
        Object plain = unboxed(v);
        if (GoTypes.kind(plain) == Kind.FUNC) {
            throw errorf("can't print " + n.text() + " of type " + typeName(v));
        }
        write(GoFmt.sprint(java.util.Collections.singletonList(plain)));
    }

    // ---- value helpers ----

    /** Go's indirect: unwraps a non-nil interface; a nil interface stays as is. */
    static Object indirect(Object v) {
        if (v instanceof Boxed b && b.inner() != null) {
            return b.inner();
        }
        return v;
    }

    /** Go's indirectInterface: the concrete value inside an interface, or Nothing for nil. */
    static Object indirectInterface(Object v) {
        if (v instanceof Boxed b) {
            return b.inner() == null ? Nothing.INSTANCE : b.inner();
        }
        return v;
    }

    /** The plain Java value a function or fmt receives. */
    static Object unboxed(Object v) {
        if (v instanceof Boxed b) {
            return b.inner();
        }
        if (v == Nothing.INSTANCE || v instanceof TypedNil || v == Missing.INSTANCE) {
            return null;
        }
        return v;
    }

    static Kind kindOf(Object v) {
        if (v == Nothing.INSTANCE || v == Missing.INSTANCE) {
            return Kind.INVALID;
        }
        if (v instanceof Boxed) {
            return Kind.INTERFACE;
        }
        if (v instanceof TypedNil tn) {
            return tn.type().kind();
        }
        return GoTypes.kind(v);
    }

    static String typeName(Object v) {
        if (v instanceof Boxed) {
            return "interface {}";
        }
        if (v instanceof TypedNil tn) {
            return tn.type().name();
        }
        return GoTypes.typeName(v);
    }

    static int length(Object v) {
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof TypedNil) {
            return 0;
        }
        return Array.getLength(v);
    }

    static Object element(Object v, int i) {
        if (v instanceof List<?> l) {
            return l.get(i);
        }
        return Array.get(v, i);
    }

    /** Whether the elements of a slice value have static type interface{}. */
    static boolean ifaceElements(Object v) {
        if (v instanceof List) {
            return true;
        }
        Class<?> c = v.getClass().getComponentType();
        return c != null && !c.isPrimitive() && c != String.class && c != Long.class && c != Double.class
                && c != Boolean.class && c != Integer.class;
    }

    // ---- function adapters ----

    CallContext callContext() {
        return new CallContext() {
            @Override
            public Template template() {
                return tmpl;
            }

            @Override
            public String execute(String name, Object data) {
                return tmpl.executeToString(name, data);
            }
        };
    }

    /** A registered function: arguments unboxed to plain Java values, interface results boxed. */
    private record UserFunction(Func func) implements Callee {
        @Override
        public Signature signature() {
            return func.signature();
        }

        @Override
        public Object invoke(Executor ex, List<Object> argv) throws Exception {
            List<Object> plain = new ArrayList<>(argv.size());
            for (Object a : argv) {
                plain.add(unboxed(a));
            }
            Object r = func.impl().call(ex.callContext(), java.util.Collections.unmodifiableList(plain));
            return wrapResult(r, func.signature().result());
        }
    }

    static Object wrapResult(Object r, GoType result) {
        if (r == null) {
            return result == null || canBeNil(result) && result.kind() != Kind.INTERFACE
                    ? new TypedNil(result == null ? GoType.ANY : result) : new Boxed(null);
        }
        if (result == null || result.kind() == Kind.INTERFACE) {
            return new Boxed(r);
        }
        return r;
    }
}

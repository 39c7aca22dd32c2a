package dev.charter.template.exec;

import dev.charter.template.Func;
import dev.charter.template.Signature;
import dev.charter.template.exec.Executor.CallFailure;
import dev.charter.template.fmt.GoFmt;
import dev.charter.template.text.Strconv;
import dev.charter.template.text.Utf8;
import dev.charter.template.value.Complex;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTypes;
import dev.charter.template.value.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Go's builtin template functions (funcs.go), with their Go signatures and error texts. */
final class Builtins {
    private Builtins() {}

    private record Builtin(String name, Signature signature, Impl impl) implements Callee {
        @Override
        public Object invoke(Executor ex, List<Object> argv) throws Exception {
            return impl.apply(argv);
        }
    }

    @FunctionalInterface
    private interface Impl {
        Object apply(List<Object> a) throws Exception;
    }

    private static final Map<String, Callee> BUILTINS = new HashMap<>();

    private static void def(String name, Signature sig, Impl impl) {
        BUILTINS.put(name, new Builtin(name, sig, impl));
    }

    static {
        GoType v = GoType.VALUE;
        GoType any = GoType.ANY;
        GoType str = GoType.STRING;
        GoType bool = GoType.BOOL;
        def("and", Signature.variadic(v, v, v), a -> {
            throw new IllegalStateException("unreachable");
        });
        def("or", Signature.variadic(v, v, v), a -> {
            throw new IllegalStateException("unreachable");
        });
        def("call", Signature.variadic(v, v, v), Builtins::call);
        def("html", Signature.variadic(str, any), a -> htmlEscape(evalArgs(a)));
        def("index", Signature.variadic(v, v, v), Builtins::index);
        def("slice", Signature.variadic(v, v, v), Builtins::slice);
        def("js", Signature.variadic(str, any), a -> jsEscape(evalArgs(a)));
        def("len", Signature.of(GoType.INT, v), a -> length(a.get(0)));
        def("not", Signature.of(bool, v), a -> !Truth.truth(a.get(0)));
        def("print", Signature.variadic(str, any), a -> GoFmt.sprint(plain(a)));
        def("printf", Signature.variadic(str, any, str), a -> GoFmt.sprintf((String) a.get(0),
                plain(a.subList(1, a.size()))));
        def("println", Signature.variadic(str, any), a -> GoFmt.sprintln(plain(a)));
        def("urlquery", Signature.variadic(str, any), a -> queryEscape(evalArgs(a)));
        def("eq", Signature.variadic(bool, v, v), a -> eq(a.get(0), a.subList(1, a.size())));
        def("ne", Signature.of(bool, v, v), a -> !eq(a.get(0), a.subList(1, 2)));
        def("lt", Signature.of(bool, v, v), a -> lt(a.get(0), a.get(1)));
        def("le", Signature.of(bool, v, v), a -> le(a.get(0), a.get(1)));
        def("gt", Signature.of(bool, v, v), a -> !le(a.get(0), a.get(1)));
        def("ge", Signature.of(bool, v, v), a -> !lt(a.get(0), a.get(1)));
    }

    static Callee get(String name) {
        return BUILTINS.get(name);
    }

    private static List<Object> plain(List<Object> a) {
        List<Object> out = new ArrayList<>(a.size());
        for (Object x : a) {
            out.add(Executor.unboxed(x));
        }
        return out;
    }

    private static String typeName(Object v) {
        return Executor.typeName(v);
    }

    // ---- index / slice / len ----

    private static long intIndex(Object index) throws CallFailure {
        Kind k = Executor.kindOf(index);
        if (k.isSignedInt() || k.isUnsignedInt()) {
            return index instanceof GoInt g ? g.bits() : ((Number) index).longValue();
        }
        if (k == Kind.INVALID) {
            throw new CallFailure("cannot index slice/array with nil");
        }
        throw new CallFailure("cannot index slice/array with type " + typeName(index));
    }

    /** Go's indexArg. */
    private static int indexArg(Object index, int cap) throws CallFailure {
        long x = intIndex(index);
        if (x < 0 || x > cap) {
            throw new CallFailure("index out of range: " + x);
        }
        return (int) x;
    }

    private static Object index(List<Object> a) throws CallFailure {
        Object item = Executor.indirectInterface(a.get(0));
        if (item == Nothing.INSTANCE) {
            throw new CallFailure("index of untyped nil");
        }
        for (Object rawIndex : a.subList(1, a.size())) {
            Object index = Executor.indirectInterface(rawIndex);
            if (item instanceof Boxed b) {
                if (b.inner() == null) {
                    throw new CallFailure("index of nil pointer");
                }
                item = b.inner();
            }
            if (item instanceof Executor.TypedNil tn) {
                if (tn.type().kind() == Kind.MAP) {
                    item = Map.of();
                } else if (tn.type().kind() == Kind.SLICE) {
                    item = List.of();
                } else {
                    throw new CallFailure("index of nil pointer");
                }
            }
            Kind k = Executor.kindOf(item);
            if (k == Kind.SLICE) {
                int len = Executor.length(item);
                int x = indexArg(index, len);
                if (x == len) {
                    throw new CallFailure("reflect: slice index out of range");
                }
                Object e = Executor.element(item, x);
                item = Executor.ifaceElements(item) ? new Boxed(e) : e;
            } else if (k == Kind.STRING) {
                byte[] bytes = Utf8.bytes((String) item);
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new CallFailure("reflect: string index out of range");
                }
                item = new GoInt(bytes[x] & 0xFF, GoInt.IntType.UINT8);
            } else if (k == Kind.MAP) {
                Object key = prepareArg(index, GoType.STRING);
                Map<?, ?> m = (Map<?, ?>) item;
                item = new Boxed(m.get(key));
            } else {
                throw new CallFailure("can't index item of type " + typeName(item));
            }
        }
        return item;
    }

    /** Go's prepareArg for a map key or a call argument. */
    private static Object prepareArg(Object value, GoType argType) throws CallFailure {
        if (value == Nothing.INSTANCE) {
            if (!canBeNil(argType)) {
                throw new CallFailure("value is nil; should be of type " + argType.name());
            }
            return null;
        }
        Object plain = Executor.unboxed(value);
        if (argType.kind() == Kind.INTERFACE || GoTypes.assignable(plain, argType)) {
            return plain;
        }
        Kind vk = GoTypes.kind(plain);
        Kind tk = argType.kind();
        if ((vk.isSignedInt() || vk.isUnsignedInt()) && (tk.isSignedInt() || tk.isUnsignedInt())) {
            long bits = plain instanceof GoInt g ? g.bits() : ((Number) plain).longValue();
            return tk == Kind.INT ? (Object) bits : new GoInt(bits, GoInt.IntType.valueOf(tk.name()));
        }
        throw new CallFailure("value has type " + GoTypes.typeName(plain) + "; should be " + argType.name());
    }

    private static boolean canBeNil(GoType t) {
        return switch (t.kind()) {
            case INTERFACE, VALUE, MAP, SLICE, FUNC, STRUCT, POINTER -> true;
            default -> false;
        };
    }

    private static Object slice(List<Object> a) throws CallFailure {
        Object item = Executor.indirectInterface(a.get(0));
        if (item == Nothing.INSTANCE) {
            throw new CallFailure("slice of untyped nil");
        }
        List<Object> indexes = a.subList(1, a.size());
        if (indexes.size() > 3) {
            throw new CallFailure("too many slice indexes: " + indexes.size());
        }
        Kind k = Executor.kindOf(item);
        int cap;
        byte[] bytes = null;
        if (k == Kind.STRING) {
            if (indexes.size() == 3) {
                throw new CallFailure("cannot 3-index slice a string");
            }
            bytes = Utf8.bytes((String) item);
            cap = bytes.length;
        } else if (k == Kind.SLICE && !(item instanceof Executor.TypedNil)) {
            cap = Executor.length(item);
        } else if (item instanceof Executor.TypedNil tn && tn.type().kind() == Kind.SLICE) {
            cap = 0;
            item = List.of();
        } else {
            throw new CallFailure("can't slice item of type " + typeName(item));
        }
        int[] idx = {0, k == Kind.STRING ? cap : Executor.length(item), 0};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(Executor.indirectInterface(indexes.get(i)), cap);
        }
        if (idx[0] > idx[1]) {
            throw new CallFailure("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new CallFailure("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return new String(Arrays.copyOfRange(bytes, idx[0], idx[1]), StandardCharsets.UTF_8);
        }
        if (item instanceof List<?> l) {
            return new ArrayList<Object>(l.subList(idx[0], idx[1]));
        }
        Object arr = item;
        Object out = java.lang.reflect.Array.newInstance(arr.getClass().getComponentType(), idx[1] - idx[0]);
        System.arraycopy(arr, idx[0], out, 0, idx[1] - idx[0]);
        return out;
    }

    private static Object length(Object item) throws CallFailure {
        if (item instanceof Boxed b) {
            if (b.inner() == null) {
                throw new CallFailure("len of nil pointer");
            }
            item = b.inner();
        }
        if (item == Nothing.INSTANCE) {
            throw new CallFailure("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof Executor.TypedNil tn) {
            if (tn.type().kind() == Kind.MAP || tn.type().kind() == Kind.SLICE) {
                return 0L;
            }
            throw new CallFailure("len of nil pointer");
        }
        return switch (GoTypes.kind(item)) {
            case STRING -> (long) Utf8.bytes((String) item).length;
            case SLICE -> (long) Executor.length(item);
            case MAP -> (long) ((Map<?, ?>) item).size();
            default -> throw new CallFailure("len of type " + typeName(item));
        };
    }

    // ---- call ----

    private static Object call(List<Object> a) throws Exception {
        String name = (String) a.get(0);
        Object fn = Executor.indirectInterface(a.get(1));
        if (fn == Nothing.INSTANCE) {
            throw new CallFailure("call of nil");
        }
        if (!(fn instanceof Func f)) {
            throw new CallFailure("non-function " + name + " of type " + typeName(fn));
        }
        Signature typ = f.signature();
        List<Object> args = a.subList(2, a.size());
        int numIn = typ.numIn();
        if (typ.isVariadic()) {
            if (args.size() < numIn - 1) {
                throw new CallFailure("wrong number of args for " + name + ": got " + args.size() + " want at least "
                        + (numIn - 1));
            }
        } else if (args.size() != numIn) {
            throw new CallFailure("wrong number of args for " + name + ": got " + args.size() + " want " + numIn);
        }
        List<Object> argv = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Object arg = Executor.indirectInterface(args.get(i));
            GoType argType = !typ.isVariadic() || i < numIn - 1 ? typ.in(i) : typ.variadic();
            try {
                argv.add(prepareArg(arg, argType));
            } catch (CallFailure e) {
                throw new CallFailure("arg " + i + ": " + e.getMessage());
            }
        }
        Object r = f.impl().call(null, java.util.Collections.unmodifiableList(argv));
        return Executor.wrapResult(r, typ.result());
    }

    // ---- comparison ----

    private enum BasicKind { INVALID, BOOL, COMPLEX, INT, FLOAT, STRING, UINT }

    private static BasicKind basicKind(Object v) {
        Kind k = Executor.kindOf(v);
        if (k == Kind.BOOL) {
            return BasicKind.BOOL;
        }
        if (k.isSignedInt()) {
            return BasicKind.INT;
        }
        if (k.isUnsignedInt()) {
            return BasicKind.UINT;
        }
        if (k.isFloat()) {
            return BasicKind.FLOAT;
        }
        if (k == Kind.COMPLEX128) {
            return BasicKind.COMPLEX;
        }
        if (k == Kind.STRING) {
            return BasicKind.STRING;
        }
        return BasicKind.INVALID;
    }

    private static long bits(Object v) {
        return v instanceof GoInt g ? g.bits() : ((Number) v).longValue();
    }

    private static boolean isNil(Object v) {
        return v == Nothing.INSTANCE || v instanceof Executor.TypedNil || (v instanceof Boxed b && b.inner() == null);
    }

    private static boolean eq(Object arg1, List<Object> arg2) throws CallFailure {
        arg1 = Executor.indirectInterface(arg1);
        if (arg2.isEmpty()) {
            throw new CallFailure("missing argument for comparison");
        }
        BasicKind k1 = basicKind(arg1);
        for (Object raw : arg2) {
            Object arg = Executor.indirectInterface(raw);
            BasicKind k2 = basicKind(arg);
            boolean truth = false;
            if (k1 != k2) {
                if (k1 == BasicKind.INT && k2 == BasicKind.UINT) {
                    truth = bits(arg1) >= 0 && bits(arg1) == bits(arg);
                } else if (k1 == BasicKind.UINT && k2 == BasicKind.INT) {
                    truth = bits(arg) >= 0 && bits(arg1) == bits(arg);
                } else if (arg1 != Nothing.INSTANCE && arg != Nothing.INSTANCE) {
                    throw new CallFailure("incompatible types for comparison: " + typeName(arg1) + " and "
                            + typeName(arg));
                }
            } else {
                switch (k1) {
                    case BOOL -> truth = arg1.equals(arg);
                    case COMPLEX -> truth = ((Complex) arg1).re() == ((Complex) arg).re()
                            && ((Complex) arg1).im() == ((Complex) arg).im();
                    case FLOAT -> truth = ((Number) arg1).doubleValue() == ((Number) arg).doubleValue();
                    case INT, UINT -> truth = bits(arg1) == bits(arg);
                    case STRING -> truth = arg1.equals(arg);
                    default -> {
                        Kind ka = Executor.kindOf(arg1);
                        Kind kb = Executor.kindOf(arg);
                        if (!(ka == kb || ka == Kind.INVALID || kb == Kind.INVALID)) {
                            throw new CallFailure("non-comparable types " + fmtValue(arg1, 's') + ": "
                                    + typeName(arg1) + ", " + typeName(arg) + ": " + fmtValue(arg, 'v'));
                        }
                        if (isNil(arg1) || isNil(arg)) {
                            truth = isNil(arg) == isNil(arg1);
                        } else {
                            if (kb == Kind.SLICE || kb == Kind.MAP || kb == Kind.FUNC) {
                                throw new CallFailure("non-comparable type " + fmtValue(arg, 's') + ": "
                                        + typeName(arg));
                            }
                            truth = Objects.equals(arg1, arg);
                        }
                    }
                }
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    private static String fmtValue(Object v, char verb) {
        if (v == Nothing.INSTANCE) {
            return "<invalid reflect.Value>";
        }
        return GoFmt.format(Executor.unboxed(v), verb);
    }

    private static boolean lt(Object arg1, Object arg2) throws CallFailure {
        arg1 = Executor.indirectInterface(arg1);
        BasicKind k1 = basicKind(arg1);
        if (k1 == BasicKind.INVALID) {
            throw new CallFailure("invalid type for comparison");
        }
        arg2 = Executor.indirectInterface(arg2);
        BasicKind k2 = basicKind(arg2);
        if (k2 == BasicKind.INVALID) {
            throw new CallFailure("invalid type for comparison");
        }
        if (k1 != k2) {
            if (k1 == BasicKind.INT && k2 == BasicKind.UINT) {
                return bits(arg1) < 0 || Long.compareUnsigned(bits(arg1), bits(arg2)) < 0;
            }
            if (k1 == BasicKind.UINT && k2 == BasicKind.INT) {
                return bits(arg2) >= 0 && Long.compareUnsigned(bits(arg1), bits(arg2)) < 0;
            }
            throw new CallFailure("incompatible types for comparison: " + typeName(arg1) + " and " + typeName(arg2));
        }
        return switch (k1) {
            case BOOL, COMPLEX -> throw new CallFailure("invalid type for comparison");
            case FLOAT -> ((Number) arg1).doubleValue() < ((Number) arg2).doubleValue();
            case INT -> bits(arg1) < bits(arg2);
            case STRING -> compareStrings((String) arg1, (String) arg2) < 0;
            case UINT -> Long.compareUnsigned(bits(arg1), bits(arg2)) < 0;
            default -> throw new IllegalStateException("invalid kind");
        };
    }

    private static int compareStrings(String a, String b) {
        return dev.charter.template.fmt.MapOrder.compareStrings(a, b);
    }

    private static boolean le(Object arg1, Object arg2) throws CallFailure {
        boolean lessThan = lt(arg1, arg2);
        if (lessThan) {
            return true;
        }
        return eq(arg1, List.of(arg2));
    }

    // ---- escaping ----

    /** Go's evalArgs: a lone string as is, otherwise Sprint with nil shown as {@code <no value>}. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1) {
            Object only = Executor.unboxed(args.get(0));
            if (only instanceof String s) {
                return s;
            }
        }
        List<Object> vals = new ArrayList<>(args.size());
        for (Object a : args) {
            Object p = Executor.unboxed(a);
            vals.add(p == null ? "<no value>" : p);
        }
        return GoFmt.sprint(vals);
    }

    static String htmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> sb.append('\uFFFD');
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String jsEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r < 0x80) {
                switch (r) {
                    case '\\' -> sb.append("\\\\");
                    case '\'' -> sb.append("\\'");
                    case '"' -> sb.append("\\\"");
                    case '<' -> sb.append("\\u003C");
                    case '>' -> sb.append("\\u003E");
                    case '&' -> sb.append("\\u0026");
                    case '=' -> sb.append("\\u003D");
                    default -> {
                        if (r < ' ') {
                            sb.append("\\u00").append("0123456789ABCDEF".charAt(r >> 4))
                                    .append("0123456789ABCDEF".charAt(r & 0xF));
                        } else {
                            sb.append((char) r);
                        }
                    }
                }
            } else if (Strconv.isPrint(r)) {
                sb.appendCodePoint(r);
            } else {
                String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
                sb.append("\\u");
                for (int k = hex.length(); k < 4; k++) {
                    sb.append('0');
                }
                sb.append(hex);
            }
        }
        return sb.toString();
    }

    static String queryEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : Utf8.bytes(s)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
            }
        }
        return sb.toString();
    }
}

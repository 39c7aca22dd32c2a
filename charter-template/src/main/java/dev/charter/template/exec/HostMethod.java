package dev.charter.template.exec;

import dev.charter.template.Signature;
import dev.charter.template.value.GoType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link dev.charter.template.value.GoVisible} method bound to its receiver, called like a Go
 * method value. Java parameter types give the Go signature; an exception thrown by the method is
 * the method's error result.
 */
record HostMethod(Object receiver, Method method) implements Callee {
    @Override
    public Signature signature() {
        Class<?>[] p = method.getParameterTypes();
        List<GoType> fixed = new ArrayList<>();
        GoType variadic = null;
        for (int i = 0; i < p.length; i++) {
            if (i == p.length - 1 && method.isVarArgs()) {
                variadic = GoType.ofJava(p[i].getComponentType());
            } else {
                fixed.add(GoType.ofJava(p[i]));
            }
        }
        GoType result = method.getReturnType() == void.class ? null : GoType.ofJava(method.getReturnType());
        return new Signature(fixed, variadic, result);
    }

    @Override
    public int numOut() {
        return method.getReturnType() == void.class ? 0 : 1;
    }

    @Override
    public Object invoke(Executor ex, List<Object> argv) throws Exception {
        Class<?>[] p = method.getParameterTypes();
        Object[] args = new Object[p.length];
        int fixed = method.isVarArgs() ? p.length - 1 : p.length;
        for (int i = 0; i < fixed; i++) {
            args[i] = convert(Executor.unboxed(argv.get(i)), p[i]);
        }
        if (method.isVarArgs()) {
            Class<?> c = p[p.length - 1].getComponentType();
            Object rest = Array.newInstance(c, Math.max(0, argv.size() - fixed));
            for (int i = fixed; i < argv.size(); i++) {
                Array.set(rest, i - fixed, convert(Executor.unboxed(argv.get(i)), c));
            }
            args[p.length - 1] = rest;
        }
        Object r;
        try {
            r = method.invoke(receiver, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception x) {
                throw x;
            }
            throw new Executor.CallFailure(Executor.messageOf(c), c);
        }
        return Executor.wrapResult(r, GoType.ofJava(method.getReturnType()));
    }

    private static Object convert(Object v, Class<?> c) {
        if (v instanceof Number n) {
            if (c == long.class || c == Long.class) {
                return n.longValue();
            }
            if (c == int.class || c == Integer.class) {
                return n.intValue();
            }
            if (c == double.class || c == Double.class) {
                return n.doubleValue();
            }
        }
        return v;
    }
}

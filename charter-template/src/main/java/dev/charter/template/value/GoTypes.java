package dev.charter.template.value;

import java.util.List;
import java.util.Map;

/** Go type names and kinds of plain Java values (never of the executor's internal wrappers). */
public final class GoTypes {
    private GoTypes() {}

    public static Kind kind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Kind.INT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT64;
        }
        if (v instanceof GoInt g) {
            return Kind.valueOf(g.type().name());
        }
        if (v instanceof Float) {
            return Kind.FLOAT32;
        }
        if (v instanceof Complex) {
            return Kind.COMPLEX128;
        }
        if (v instanceof GoTyped t) {
            return t.goType().kind();
        }
        if (v instanceof Map) {
            return Kind.MAP;
        }
        if (v instanceof List || v.getClass().isArray()) {
            return Kind.SLICE;
        }
        // A host class named like *common.Capabilities stands for a pointer to the struct.
        return hostTypeName(v.getClass()).startsWith("*") ? Kind.POINTER : Kind.STRUCT;
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof GoTyped t) {
            return t.goType().name();
        }
        switch (kind(v)) {
            case STRING: return "string";
            case BOOL: return "bool";
            case INT: return "int";
            case FLOAT64: return "float64";
            case FLOAT32: return "float32";
            case COMPLEX128: return "complex128";
            case MAP: return v.getClass().isAnnotationPresent(GoTypeName.class)
                    ? v.getClass().getAnnotation(GoTypeName.class).value() : "map[string]interface {}";
            case SLICE: return sliceTypeName(v);
            case STRUCT, POINTER: return hostTypeName(v.getClass());
            default:
                if (v instanceof GoInt g) {
                    return g.type().goName;
                }
                return v.getClass().getSimpleName();
        }
    }

    private static String sliceTypeName(Object v) {
        if (v instanceof List) {
            return v.getClass().isAnnotationPresent(GoTypeName.class)
                    ? v.getClass().getAnnotation(GoTypeName.class).value() : "[]interface {}";
        }
        Class<?> c = v.getClass().getComponentType();
        if (c == String.class) {
            return "[]string";
        }
        if (c == long.class || c == int.class || c == Long.class || c == Integer.class) {
            return "[]int";
        }
        if (c == double.class || c == Double.class) {
            return "[]float64";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "[]bool";
        }
        if (c == byte.class) {
            return "[]uint8";
        }
        return "[]interface {}";
    }

    public static String hostTypeName(Class<?> c) {
        GoTypeName n = c.getAnnotation(GoTypeName.class);
        return n != null ? n.value() : c.getSimpleName();
    }

    /**
     * Whether a concrete value is assignable to a parameter of type {@code t}: Go's
     * {@code reflect.Type.AssignableTo} for the types templates meet. Types are identical when their
     * names are; otherwise a map or slice value is assignable only if one of the two types is named
     * and both have the same underlying type (a named map type such as {@code chartutil.Values} to
     * {@code map[string]interface {}}). So {@code []string} does not go into {@code []interface {}},
     * nor {@code map[string]string} into {@code map[string]interface {}}: Go has no variance.
     */
    public static boolean assignable(Object v, GoType t) {
        if (t.kind() == Kind.INTERFACE || t.kind() == Kind.VALUE) {
            return true;
        }
        if (v == null) {
            return false;
        }
        if (t.hostClass() != null && t.kind().isHost()) {
            return t.hostClass().isInstance(v);
        }
        String name = typeName(v);
        if (name.equals(t.name())) {
            return true;
        }
        if ((t.kind() == Kind.MAP || t.kind() == Kind.SLICE) && kind(v) == t.kind()
                && t.hostClass() != null && t.hostClass().isInstance(v)) {
            boolean valueNamed = !(name.startsWith("[]") || name.startsWith("map["));
            return valueNamed != t.named() && underlying(name, t.kind()).equals(underlying(t.name(), t.kind()));
        }
        return false;
    }

    /**
     * The underlying type of a map or slice type name. Java has no declaration to read it from, so a
     * named map or slice type (a {@code Map} annotated {@code @GoTypeName("chartutil.Values")}) is taken
     * to be defined over Helm's one such shape: {@code map[string]interface {}} / {@code []interface {}}.
     */
    private static String underlying(String name, Kind kind) {
        if (name.startsWith("[]") || name.startsWith("map[")) {
            return name;
        }
        return kind == Kind.MAP ? GoType.MAP.name() : GoType.SLICE.name();
    }
}

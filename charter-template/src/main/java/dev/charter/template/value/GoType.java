package dev.charter.template.value;

import java.util.List;
import java.util.Map;

/**
 * A Go type as far as templates need one: for declaring the parameters and result of functions and
 * host methods, for argument checks ({@code wrong type for value; expected string; got int}) and for
 * the names shown by {@code %T} and in errors.
 *
 * @param name      the Go spelling, e.g. {@code string}, {@code interface {}}, {@code []interface {}}
 * @param kind      the reflect kind
 * @param hostClass for host types, the Java class whose instances are assignable; otherwise null
 * @param elem      the pointed-to type of a {@link Kind#POINTER}; otherwise null
 */
public record GoType(String name, Kind kind, Class<?> hostClass, GoType elem) {
    public static final GoType ANY = new GoType("interface {}", Kind.INTERFACE, null);
    public static final GoType STRING = new GoType("string", Kind.STRING, null);
    public static final GoType BOOL = new GoType("bool", Kind.BOOL, null);
    public static final GoType INT = new GoType("int", Kind.INT, null);
    public static final GoType INT64 = new GoType("int64", Kind.INT64, null);
    public static final GoType UINT64 = new GoType("uint64", Kind.UINT64, null);
    public static final GoType FLOAT64 = new GoType("float64", Kind.FLOAT64, null);
    public static final GoType COMPLEX128 = new GoType("complex128", Kind.COMPLEX128, null);
    public static final GoType SLICE = new GoType("[]interface {}", Kind.SLICE, List.class);
    public static final GoType MAP = new GoType("map[string]interface {}", Kind.MAP, Map.class);
    /** Go's reflect.Value: the parameter receives the value exactly as evaluated. */
    public static final GoType VALUE = new GoType("reflect.Value", Kind.VALUE, null);

    public GoType(String name, Kind kind, Class<?> hostClass) {
        this(name, kind, hostClass, null);
    }

    /**
     * A pointer to {@code elem} ({@code *semver.Version}): kind {@code ptr}, Go name {@code *NAME}, and the
     * same host class, since a Java reference plays both the struct and the pointer to it.
     */
    public static GoType pointerTo(GoType elem) {
        return new GoType("*" + elem.name(), Kind.POINTER, elem.hostClass(), elem);
    }

    /**
     * Whether Go calls this a named (defined) type: {@code chartutil.Values} is named, the type literals
     * {@code map[string]interface {}}, {@code []string} and {@code *T} are not. Assignability between
     * two different composite types needs one of them to be unnamed.
     */
    public boolean named() {
        return !(name.startsWith("[]") || name.startsWith("map[") || name.startsWith("*") || name.startsWith("["));
    }

    public static GoType of(GoInt.IntType t) {
        return new GoType(t.goName, Kind.valueOf(t.name()), null);
    }

    /** The Go type that a Java parameter or result type stands for. */
    public static GoType ofJava(Class<?> c) {
        if (c == String.class) {
            return STRING;
        }
        if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
            return INT;
        }
        if (c == double.class || c == Double.class) {
            return FLOAT64;
        }
        if (c == boolean.class || c == Boolean.class) {
            return BOOL;
        }
        if (c == Object.class) {
            return ANY;
        }
        if (List.class.isAssignableFrom(c)) {
            return SLICE;
        }
        if (Map.class.isAssignableFrom(c)) {
            return MAP;
        }
        String name = GoTypes.hostTypeName(c);
        if (name.startsWith("*")) {
            return pointerTo(new GoType(name.substring(1), Kind.STRUCT, c));
        }
        return new GoType(name, Kind.STRUCT, c);
    }

    @Override
    public String toString() {
        return name;
    }
}

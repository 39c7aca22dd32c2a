package dev.charter.template;

import dev.charter.template.value.GoType;
import java.util.List;

/**
 * The Go signature of a template function: fixed parameter types, an optional variadic element
 * type and the result type. Templates check calls against it exactly as Go checks a func's
 * reflect.Type, so {@code wrong number of args for X: want 1 got 2} and
 * {@code wrong type for value; expected string; got int} come out as in Go.
 *
 * @param params   fixed parameters
 * @param variadic element type of the trailing {@code ...T} parameter, or null
 * @param result   the result type; {@link GoType#ANY} for {@code interface{}}
 */
public record Signature(List<GoType> params, GoType variadic, GoType result) {
    public Signature {
        params = List.copyOf(params);
    }

    /** {@code func(p0, p1, ...) result}. */
    public static Signature of(GoType result, GoType... params) {
        return new Signature(List.of(params), null, result);
    }

    /** {@code func(fixed..., ...elem) result}. */
    public static Signature variadic(GoType result, GoType elem, GoType... fixed) {
        return new Signature(List.of(fixed), elem, result);
    }

    /** {@code func(...interface{}) interface{}}: anything goes, as for most Sprig helpers. */
    public static Signature any() {
        return variadic(GoType.ANY, GoType.ANY);
    }

    public boolean isVariadic() {
        return variadic != null;
    }

    /** Go's NumIn: the variadic parameter counts as one. */
    public int numIn() {
        return params.size() + (variadic != null ? 1 : 0);
    }

    /** Go's In(i); for the variadic slot this is the element type (callers ask for it knowingly). */
    public GoType in(int i) {
        return i < params.size() ? params.get(i) : variadic;
    }

    /** The Go spelling, e.g. {@code func(string, ...interface {}) interface {}}. */
    public String goName() {
        StringBuilder sb = new StringBuilder("func(");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(params.get(i).name());
        }
        if (variadic != null) {
            if (!params.isEmpty()) {
                sb.append(", ");
            }
            sb.append("...").append(variadic.name());
        }
        sb.append(')');
        if (result != null) {
            sb.append(' ').append(result.name());
        }
        return sb.toString();
    }
}

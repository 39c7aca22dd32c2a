package dev.charter.sprig;

import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTyped;
import dev.charter.template.value.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A Go slice of a specific element type ({@code []string}, {@code []int}, {@code [][]interface {}})
 * or a nil slice. Plain {@link List}s stand for {@code []interface {}}; this class carries the type
 * for {@code typeOf}/{@code %T} and the nil-ness for JSON ({@code null}) and {@code deepEqual}.
 */
public final class GoSlice extends ArrayList<Object> implements GoTyped {
    public static final GoType STRINGS = new GoType("[]string", Kind.SLICE, List.class);
    public static final GoType INTS = new GoType("[]int", Kind.SLICE, List.class);
    public static final GoType ANYS = new GoType("[]interface {}", Kind.SLICE, List.class);
    public static final GoType ANYS2 = new GoType("[][]interface {}", Kind.SLICE, List.class);

    private final GoType type;
    private final boolean nil;

    private GoSlice(GoType type, boolean nil, Collection<?> items) {
        super(items);
        this.type = type;
        this.nil = nil;
    }

    public static GoSlice of(GoType type, Collection<?> items) {
        return new GoSlice(type, false, items);
    }

    public static GoSlice strings(Collection<String> items) {
        return new GoSlice(STRINGS, false, items);
    }

    public static GoSlice nil(GoType type) {
        return new GoSlice(type, true, List.of());
    }

    /** Whether this is Go's nil slice (prints as {@code []}, marshals as {@code null}). */
    public boolean isNil() {
        return nil && isEmpty();
    }

    @Override
    public GoType goType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

package dev.charter.sprig;

import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTyped;
import dev.charter.template.value.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Go map whose type is not {@code map[string]interface {}}, e.g. {@code map[string]string}. */
public final class GoMap extends LinkedHashMap<String, Object> implements GoTyped {
    public static final GoType STRING_STRING = new GoType("map[string]string", Kind.MAP, Map.class);

    private final GoType type;

    public GoMap(GoType type) {
        this.type = type;
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

package dev.charter.template.exec;

/**
 * Go's invalid reflect.Value: "no value at all", what a missing map key yields by default and what
 * prints as {@code <no value>}. Distinct from a nil interface ({@code Boxed(null)}).
 */
enum Nothing {
    INSTANCE;

    @Override
    public String toString() {
        return "<invalid reflect.Value>";
    }
}

package dev.charter.template.exec;

/**
 * A value whose static Go type is {@code interface{}}: an element of a map or slice, a function
 * result of type {@code interface{}}. Go's executor treats these differently from concrete values
 * (errors name the type {@code interface {}}, a nil one fails field access with "nil pointer
 * evaluating"), and pipelines unwrap them after each command.
 */
record Boxed(Object inner) {
    static Object of(Object v) {
        return v instanceof Boxed ? v : new Boxed(v);
    }
}

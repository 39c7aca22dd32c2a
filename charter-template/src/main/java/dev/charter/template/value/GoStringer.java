package dev.charter.template.value;

/**
 * Go's {@code fmt.Stringer} for host objects: when a value implements it, printing with
 * {@code %v}, {@code %s}, {@code %q}, {@code %x} or {@code %X} uses this text.
 */
public interface GoStringer {
    String goString();
}

package dev.charter.template.value;

/**
 * Implemented by values that know their own Go type, for instance a {@code Map} that stands for a
 * named Go map type such as Helm's {@code chartutil.Values}. The kind decides how templates treat the
 * value (a MAP kind still has to be a {@link java.util.Map}); the name is what {@code %T} prints.
 */
public interface GoTyped {
    GoType goType();
}

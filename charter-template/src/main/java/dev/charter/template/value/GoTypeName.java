package dev.charter.template.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Go type name of a host class as shown by {@code %T} and in error messages such as
 * {@code can't evaluate field X in type chart.Metadata}. Without it the simple class name is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GoTypeName {
    String value();
}

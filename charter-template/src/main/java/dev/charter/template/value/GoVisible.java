package dev.charter.template.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method or field of a host object as visible to templates, the way an exported
 * method or field is visible in Go. The template name defaults to the Java name with its first
 * letter upper-cased ({@code has} becomes {@code .Has}), because Go only exports capitalised names.
 * Record components are visible without this annotation; annotate the accessor to rename one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface GoVisible {
    /** The Go name; empty means "capitalised Java name". */
    String value() default "";
}

package dev.charter.template;

import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTyped;
import dev.charter.template.value.Kind;

/**
 * A function together with its signature. Registered in a {@link FunctionRegistry} it is callable
 * by name; placed in template data it is a Go func value that the {@code call} builtin can invoke.
 */
public record Func(String name, Signature signature, TemplateFunction impl) implements GoTyped {
    @Override
    public GoType goType() {
        return new GoType(signature.goName(), Kind.FUNC, null);
    }
}

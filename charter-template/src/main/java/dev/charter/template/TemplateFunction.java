package dev.charter.template;

import java.util.List;

/**
 * The Java side of a template function. Arguments arrive evaluated and type-checked against the
 * function's {@link Signature}, as plain Java values: {@code null} for Go's nil, {@link String},
 * {@link Long} for int, {@link Double} for float64, {@link Boolean}, {@link java.util.Map},
 * {@link java.util.List} or host objects. Throwing any exception is Go's non-nil error result:
 * execution stops with {@code error calling NAME: <message>}.
 */
@FunctionalInterface
public interface TemplateFunction {
    Object call(CallContext context, List<Object> args) throws Exception;
}

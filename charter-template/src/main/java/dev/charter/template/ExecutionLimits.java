package dev.charter.template;

/**
 * Optional bounds on one execution, for running untrusted templates: the number of evaluation
 * steps (actions, commands, loop iterations) and the number of output characters. Go has no such
 * limits; exceeding one ends execution with an error naming the limit. Zero means unlimited.
 */
public record ExecutionLimits(long maxSteps, long maxOutputChars) {
    public static final ExecutionLimits NONE = new ExecutionLimits(0, 0);
}

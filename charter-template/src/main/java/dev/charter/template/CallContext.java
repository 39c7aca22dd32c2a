package dev.charter.template;

/**
 * What a function can see of the execution that calls it. Functions such as Helm's
 * {@code include} and {@code tpl} call back into the template set through this.
 */
public interface CallContext {
    /** The template set being executed (its name is the template currently executing). */
    Template template();

    /**
     * Executes the named template of the current set with {@code data} as dot and returns its
     * output, like Go's {@code ExecuteTemplate} into a buffer.
     *
     * @throws TemplateException with Go's error text
     */
    String execute(String name, Object data);
}

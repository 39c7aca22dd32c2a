package dev.charter.template;

/**
 * An execution error, Go's {@code ExecError}: {@code template: NAME:LINE:COL: executing "NAME" at
 * <...>: ...}. The cause, when present, is the exception a function threw.
 */
public final class TemplateExecException extends TemplateException {
    private final String templateName;

    public TemplateExecException(String templateName, String message, Throwable cause) {
        super(message, cause);
        this.templateName = templateName;
    }

    /** The name of the template that was executing when the error happened. */
    public String templateName() {
        return templateName;
    }
}

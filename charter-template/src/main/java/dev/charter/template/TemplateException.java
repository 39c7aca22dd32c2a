package dev.charter.template;

/**
 * An error from parsing or executing a template. The message is exactly the text Go's
 * text/template would return from {@code err.Error()}.
 */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message, null, false, false);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

package dev.charter.template;

/** A parse error such as {@code template: t:1: unexpected EOF}. */
public final class TemplateParseException extends TemplateException {
    public TemplateParseException(String message) {
        super(message);
    }
}

package dev.charter.chart.render;

/** A rendering failure carrying Helm's exact message. */
public class RenderException extends RuntimeException {
    private final transient RenderResult partial;

    public RenderException(String message) {
        this(message, null, null);
    }

    public RenderException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public RenderException(String message, Throwable cause, RenderResult partial) {
        super(message, cause);
        this.partial = partial;
    }

    /** What was rendered before the failure (Helm's release with the invalid manifests), or null. */
    public RenderResult partial() {
        return partial;
    }
}

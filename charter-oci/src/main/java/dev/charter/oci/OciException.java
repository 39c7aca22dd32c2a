package dev.charter.oci;

/**
 * A failed registry operation. The message is the text Helm (ORAS, Go's net/http) prints for the
 * same failure, so a CLI can show it verbatim after {@code Error: }.
 */
public class OciException extends RuntimeException {

    public OciException(String message) {
        super(message);
    }

    public OciException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps a cause with a prefix the way Go's {@code fmt.Errorf("prefix: %w", err)} does. */
    public static OciException wrap(String prefix, RuntimeException cause) {
        return new OciException(prefix + ": " + cause.getMessage(), cause);
    }
}

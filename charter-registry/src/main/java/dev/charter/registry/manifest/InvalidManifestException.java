package dev.charter.registry.manifest;

/** The pushed bytes are not a valid manifest of the type they claim; the message is the detail. */
public final class InvalidManifestException extends Exception {
    public InvalidManifestException(String message) {
        super(message);
    }
}

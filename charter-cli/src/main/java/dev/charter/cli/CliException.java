package dev.charter.cli;

/** A failure the CLI reports as Helm does: {@code Error: <message>} on stderr and exit code 1. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.charter.repo;

/** A failure with Helm's error text as its message. */
public class RepoException extends RuntimeException {

    public RepoException(String message) {
        super(message);
    }

    public RepoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Go's {@code errors.Wrap(err, prefix)}: {@code prefix: cause}. */
    public static RepoException wrap(String prefix, Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new RepoException(prefix + ": " + message, cause);
    }
}

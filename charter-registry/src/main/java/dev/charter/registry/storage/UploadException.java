package dev.charter.registry.storage;

/** Why an upload operation was refused; the API layer turns each kind into its spec error. */
public final class UploadException extends Exception {

    public enum Kind {
        /** No such session in this repository. */
        UNKNOWN,
        /** A chunk did not start where the upload currently ends. */
        OUT_OF_ORDER,
        /** The finished content does not hash to the claimed digest. */
        DIGEST_MISMATCH
    }

    private final Kind kind;
    private final long size;

    public UploadException(Kind kind, long size, String message) {
        super(message);
        this.kind = kind;
        this.size = size;
    }

    public Kind kind() {
        return kind;
    }

    /** Bytes the upload held when the operation was refused. */
    public long size() {
        return size;
    }
}

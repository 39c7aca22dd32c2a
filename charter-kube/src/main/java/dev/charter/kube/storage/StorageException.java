package dev.charter.kube.storage;

/** A storage driver failure; the message is Helm's error text. */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

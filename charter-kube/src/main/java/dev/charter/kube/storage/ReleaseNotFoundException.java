package dev.charter.kube.storage;

/** Helm's {@code driver.ErrReleaseNotFound} ({@code release: not found}). */
public class ReleaseNotFoundException extends StorageException {
    public ReleaseNotFoundException() {
        super("release: not found");
    }

    public ReleaseNotFoundException(String message) {
        super(message);
    }
}

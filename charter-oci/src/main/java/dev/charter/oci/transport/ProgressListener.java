package dev.charter.oci.transport;

/**
 * Observes request and response bodies as they stream (blob uploads and downloads), for a progress
 * display. The transport asks for a {@link Tracker} whenever a body of known size starts moving;
 * the listener decides what is worth showing and returns {@code null} for the rest.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * A transfer of {@code total} bytes begins; {@code label} names it ({@code Uploading sha256:…},
     * {@code Downloading sha256:…}). Returns {@code null} to ignore the transfer.
     */
    Tracker start(String label, long total);

    /** One transfer. {@link #finish()} may be called more than once; only the first call counts. */
    interface Tracker {
        void advance(long bytes);

        void finish();
    }
}

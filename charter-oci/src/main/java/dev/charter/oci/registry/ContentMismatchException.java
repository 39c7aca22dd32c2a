package dev.charter.oci.registry;

import dev.charter.oci.OciException;

/**
 * Downloaded bytes that are not the content the descriptor names. The message is ORAS' bare
 * {@code mismatched digest} / {@code trailing data} / {@code unexpected EOF}; Helm reports it as a
 * failure to store ("Push" on the destination), not to fetch.
 */
public final class ContentMismatchException extends OciException {

    public ContentMismatchException(String message) {
        super(message);
    }
}

package dev.charter.oci.reference;

import dev.charter.oci.OciException;

/** ORAS's {@code errdef.ErrInvalidReference}: the message always starts with {@code invalid reference: }. */
public final class InvalidReferenceException extends OciException {

    public InvalidReferenceException(String detail) {
        super("invalid reference: " + detail);
    }
}

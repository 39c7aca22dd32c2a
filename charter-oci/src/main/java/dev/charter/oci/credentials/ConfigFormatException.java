package dev.charter.oci.credentials;

import dev.charter.oci.OciException;

/** A credentials file that cannot be used; messages follow ORAS ({@code ... invalid config format: ...}). */
public final class ConfigFormatException extends OciException {

    public ConfigFormatException(String message) {
        super(message);
    }
}

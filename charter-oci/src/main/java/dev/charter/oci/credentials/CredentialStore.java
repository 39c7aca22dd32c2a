package dev.charter.oci.credentials;

import dev.charter.oci.auth.Credential;

/** Where logins live, keyed by server address (see {@link ServerAddress}); ORAS' {@code credentials.Store}. */
public interface CredentialStore {

    /** The stored credential, or {@link Credential#EMPTY}. */
    Credential get(String serverAddress);

    void put(String serverAddress, Credential credential);

    void delete(String serverAddress);
}

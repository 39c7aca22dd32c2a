package dev.charter.oci.auth;

/** Looks up the credential for a registry host ({@code host[:port]}); {@link Credential#EMPTY} when none. */
@FunctionalInterface
public interface CredentialProvider {

    Credential credential(String registryHost);

    static CredentialProvider anonymous() {
        return host -> Credential.EMPTY;
    }

    /** The same credential for every host (Helm's {@code --username}/{@code --password}). */
    static CredentialProvider fixed(Credential credential) {
        return host -> credential;
    }
}

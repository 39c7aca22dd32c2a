package dev.charter.oci.credentials;

import dev.charter.oci.OciException;
import dev.charter.oci.auth.AuthClient;
import dev.charter.oci.auth.Credential;
import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.TransportOptions;

/**
 * Helm v4's {@code registry login}/{@code logout}: verify the credential by pinging {@code /v2/}
 * (first forcing the OAuth2 password grant, then the classic token GET/Basic), then store the
 * user name and password — never a token — under the registry's server address.
 */
public final class RegistryLogin {

    private RegistryLogin() {
    }

    /** @throws OciException with Helm's {@code authenticating to "<host>": …} or reference texts */
    public static void login(String host, Credential credential, TransportOptions options, CredentialStore store) {
        Reference.validateRegistry(host);
        try (RegistryClient client = new RegistryClient(options, CredentialProvider.fixed(credential))) {
            AuthClient auth = client.auth();
            auth.setForceOAuth2(true);
            try {
                client.catalog().ping(host);
            } catch (OciException first) {
                auth.setForceOAuth2(false);
                try {
                    client.catalog().ping(host);
                } catch (OciException second) {
                    throw OciException.wrap("authenticating to " + dev.charter.oci.reference.GoStrings.quote(host), second);
                }
            }
        }
        store.put(ServerAddress.fromHostname(ServerAddress.fromRegistry(host)), credential);
    }

    /** Removes the stored login (a missing one is not an error, as in Helm v4). */
    public static void logout(String host, CredentialStore store) {
        store.delete(ServerAddress.fromRegistry(host));
    }
}

package dev.charter.oci.registry;

import dev.charter.oci.auth.AuthClient;
import dev.charter.oci.reference.Reference;
import java.net.URI;

/** How to address one registry's {@code /v2/} API: the authenticated caller plus URL building. */
public record Endpoint(AuthClient client) {

    public URI base(Reference ref) {
        return URI.create(client.transport().scheme() + "://" + ref.endpointHost() + "/v2/");
    }

    /** {@code <scheme>://<host>/v2/<repository>/<suffix>}. */
    public URI uri(Reference ref, String suffix) {
        return URI.create(client.transport().scheme() + "://" + ref.endpointHost() + "/v2/" + ref.repository() + "/" + suffix);
    }
}

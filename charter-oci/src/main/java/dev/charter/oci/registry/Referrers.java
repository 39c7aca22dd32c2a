package dev.charter.oci.registry;

import dev.charter.oci.OciException;
import dev.charter.oci.auth.Scopes;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.transport.Request;
import dev.charter.oci.transport.Response;
import dev.charter.oci.transport.ResponseException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The referrers of a manifest: the OCI 1.1 referrers API, or on registries without it (404) the
 * tag schema fallback, an index tagged {@code <alg>-<hex>}.
 */
public final class Referrers {

    private final Endpoint endpoint;
    private final Manifests manifests;

    public Referrers(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.manifests = new Manifests(endpoint);
    }

    /** Descriptors of manifests whose subject is {@code digest}, optionally filtered by artifact type. */
    public List<Descriptor> list(Reference repo, String digest, String artifactType) {
        String query = artifactType == null || artifactType.isEmpty() ? "" : "?artifactType=" + URLEncoder.encode(artifactType, StandardCharsets.UTF_8);
        URI uri = URI.create(endpoint.uri(repo, "referrers/" + digest) + query);
        try (Response response = endpoint.client().send(Request.of("GET", uri, Scopes.pull(repo.repository()))
                .withHeader("Accept", MediaTypes.OCI_INDEX))) {
            if (response.status() == 200) {
                byte[] body = response.readBody(Manifests.MAX_MANIFEST_BYTES);
                return Manifest.parse(body, "", MediaTypes.OCI_INDEX).layers();
            }
            if (response.status() != 404) {
                throw ResponseException.from(response);
            }
        }
        try {
            Manifest index = manifests.fetch(repo.withReference(digest.replace(':', '-')));
            return index.layers();
        } catch (OciException notFound) {
            if (notFound.getMessage().endsWith(": not found")) {
                return List.of();
            }
            throw notFound;
        }
    }
}

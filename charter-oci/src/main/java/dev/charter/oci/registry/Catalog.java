package dev.charter.oci.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.oci.OciException;
import dev.charter.oci.auth.Scopes;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.transport.Request;
import dev.charter.oci.transport.Response;
import dev.charter.oci.transport.ResponseException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Registry-level calls: the {@code /v2/} ping and the {@code _catalog} listing. */
public final class Catalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Endpoint endpoint;

    public Catalog(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** ORAS' {@code Registry.Ping}: {@code GET /v2/} must answer 200. */
    public void ping(String registry) {
        Reference ref = new Reference(registry, "", "");
        URI uri = endpoint.base(ref);
        try (Response response = endpoint.client().send(Request.of("GET", uri, List.of()))) {
            if (response.status() == 200) {
                return;
            }
            if (response.status() == 404) {
                throw new OciException(uri + ": not found");
            }
            throw ResponseException.from(response);
        }
    }

    /** All repository names, following pagination; empty when the registry has no catalog (404). */
    public List<String> repositories(String registry) {
        List<String> names = new ArrayList<>();
        URI next = endpoint.base(new Reference(registry, "", "")).resolve("_catalog");
        while (next != null) {
            try (Response response = endpoint.client().send(Request.of("GET", next, Scopes.catalog()))) {
                if (response.status() == 404) {
                    return names;
                }
                if (response.status() != 200) {
                    throw ResponseException.from(response);
                }
                JsonNode page = JSON.readTree(response.readBody(Manifests.MAX_MANIFEST_BYTES));
                for (JsonNode name : page.path("repositories")) {
                    names.add(name.asText());
                }
                next = Tags.nextPage(response);
            } catch (IOException e) {
                throw new OciException(next + ": " + e.getMessage(), e);
            }
        }
        return names;
    }
}

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tag listing ({@code GET /tags/list}) following {@code Link: <…>; rel="next"} pages. */
public final class Tags {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    private final Endpoint endpoint;

    public Tags(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public List<String> list(Reference repo) {
        List<String> tags = new ArrayList<>();
        URI next = endpoint.uri(repo, "tags/list");
        while (next != null) {
            try (Response response = endpoint.client().send(Request.of("GET", next, Scopes.pull(repo.repository())))) {
                if (response.status() != 200) {
                    throw ResponseException.from(response);
                }
                JsonNode page = JSON.readTree(response.readBody(Manifests.MAX_MANIFEST_BYTES));
                for (JsonNode tag : page.path("tags")) {
                    tags.add(tag.asText());
                }
                next = nextPage(response);
            } catch (IOException e) {
                throw new OciException(next + ": " + e.getMessage(), e);
            }
        }
        return tags;
    }

    /** The next page's URL from a {@code Link} header, resolved against the current request. */
    static URI nextPage(Response response) {
        String link = response.header("Link").orElse(null);
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? response.uri().resolve(m.group(1)) : null;
    }
}

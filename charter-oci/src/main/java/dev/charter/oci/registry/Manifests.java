package dev.charter.oci.registry;

import dev.charter.oci.OciException;
import dev.charter.oci.auth.Scopes;
import dev.charter.oci.reference.Digest;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.transport.Body;
import dev.charter.oci.transport.Request;
import dev.charter.oci.transport.Response;
import dev.charter.oci.transport.ResponseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Manifest operations: resolve (HEAD), fetch (GET, verified), push (PUT). */
public final class Manifests {

    /** ORAS' default limit for manifests and other metadata bodies. */
    public static final long MAX_MANIFEST_BYTES = 4L << 20;

    private final Endpoint endpoint;

    public Manifests(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * {@code HEAD} by tag or digest; empty when the registry says 404. The descriptor comes from
     * {@code Docker-Content-Digest}, {@code Content-Length} and {@code Content-Type}.
     */
    public Optional<Descriptor> resolve(Reference ref, List<String> scopes) {
        Request head = Request.of("HEAD", endpoint.uri(ref, "manifests/" + ref.reference()), scopes)
                .withHeader("Accept", MediaTypes.MANIFEST_ACCEPT);
        try (Response response = endpoint.client().send(head)) {
            if (response.status() == 404) {
                return Optional.empty();
            }
            if (response.status() != 200) {
                throw ResponseException.from(response);
            }
            String digest = response.header("Docker-Content-Digest").orElse(ref.hasDigest() ? ref.reference() : "");
            if (digest.isEmpty()) {
                // without the header only a GET can tell the digest
                Manifest fetched = fetch(ref, MediaTypes.MANIFEST_ACCEPT);
                return Optional.of(fetched.descriptor());
            }
            long size = response.header("Content-Length").map(Long::parseLong).orElse(-1L);
            String type = response.header("Content-Type").orElse("").split(";")[0].trim();
            return Optional.of(new Descriptor(type, digest, size));
        }
    }

    /** {@code GET} with ORAS' Accept list; {@code <ref>: not found} on 404. */
    public Manifest fetch(Reference ref) {
        return fetch(ref, MediaTypes.MANIFEST_ACCEPT);
    }

    public Manifest fetch(Reference ref, String accept) {
        Request get = Request.of("GET", endpoint.uri(ref, "manifests/" + ref.reference()), Scopes.pull(ref.repository()))
                .withHeader("Accept", accept);
        try (Response response = endpoint.client().send(get)) {
            if (response.status() == 404) {
                throw new OciException(ref + ": not found");
            }
            if (response.status() != 200) {
                throw ResponseException.from(response);
            }
            byte[] bytes = response.readBody(MAX_MANIFEST_BYTES);
            String computed = Digest.sha256(bytes).toString();
            // verify against what we asked for (by digest) or what the registry claims (by tag)
            String expected = ref.hasDigest() ? ref.reference() : response.header("Docker-Content-Digest").orElse(computed);
            if (expected.startsWith("sha256:") && !expected.equals(computed)) {
                throw new OciException(ref + ": mismatched digest: " + expected + ": got " + computed);
            }
            return Manifest.parse(bytes, ref.hasDigest() ? ref.reference() : computed, response.header("Content-Type").orElse(null));
        }
    }

    /** {@code PUT /manifests/<reference>} with the exact bytes and media type. */
    public void push(Reference ref, byte[] manifest, String mediaType) {
        Request put = new Request("PUT", endpoint.uri(ref, "manifests/" + ref.reference()), Map.of("Content-Type", mediaType),
                Body.of(manifest), Scopes.pullPush(ref.repository()));
        try (Response response = endpoint.client().send(put)) {
            if (response.status() != 201) {
                throw ResponseException.from(response);
            }
        }
    }
}

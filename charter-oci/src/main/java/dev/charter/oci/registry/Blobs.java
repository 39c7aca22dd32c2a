package dev.charter.oci.registry;

import dev.charter.oci.OciException;
import dev.charter.oci.auth.Scopes;
import dev.charter.oci.reference.Digest;
import dev.charter.oci.reference.GoStrings;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.transport.Body;
import dev.charter.oci.transport.Request;
import dev.charter.oci.transport.Response;
import dev.charter.oci.transport.ResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blob operations on a repository: existence check, verified streaming download, Helm's
 * monolithic upload (POST then one PUT), chunked upload (PATCH) and cross-repository mount.
 */
public final class Blobs {

    private static final String OCTET_STREAM = "application/octet-stream";
    private final Endpoint endpoint;

    public Blobs(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** {@code HEAD /v2/<repo>/blobs/<digest>}: whether the registry has it. */
    public boolean exists(Reference repo, String digest, List<String> scopes) {
        try (Response response = endpoint.client().send(Request.of("HEAD", endpoint.uri(repo, "blobs/" + digest), scopes))) {
            if (response.status() == 200) {
                return true;
            }
            if (response.status() == 404) {
                return false;
            }
            throw ResponseException.from(response);
        }
    }

    /** Resumptions of one blob download after its connection broke part-way. */
    static final int MAX_RESUMES = 3;

    /**
     * Streams the blob into {@code sink}, verifying size and digest as it goes. The sink sees every
     * byte before verification ends, so callers write to a temporary place and only publish it after
     * this method returns (see {@link #download}).
     *
     * <p>A connection that breaks part-way through the body is resumed where it stopped with a
     * {@code Range} request (the GET is idempotent and the digest covers the whole), up to
     * {@link #MAX_RESUMES} times — Helm gives up at the first
     * break. When it cannot be completed the error is Helm's: {@code read failed: expected content
     * size of N, got M, for digest D: unexpected EOF}.
     */
    public void fetch(Reference repo, Descriptor descriptor, OutputStream sink) {
        URI uri = endpoint.uri(repo, "blobs/" + descriptor.digest());
        Digest expected = Digest.parse(descriptor.digest());
        BlobVerifier verifier = new BlobVerifier(expected, descriptor.size());
        for (int attempt = 0; ; attempt++) {
            Request request = Request.of("GET", uri, Scopes.pull(repo.repository()));
            boolean resuming = verifier.count() > 0;
            if (resuming) {
                request = request.withHeader("Range", "bytes=" + verifier.count() + "-");
            }
            try (Response response = endpoint.client().send(request)) {
                if (response.status() == 404 && !resuming) {
                    throw new OciException(descriptor.digest() + ": not found");
                }
                // a registry that ignores Range answers 200 with the whole blob: skip what we have
                long skip = resuming && response.status() == 200 ? verifier.count() : 0;
                if (response.status() != 200 && !(resuming && response.status() == 206)) {
                    throw ResponseException.from(response);
                }
                if (copyBody(response.body(), skip, verifier, sink)) {
                    verifier.verifyComplete();
                    return;
                }
            } catch (BlobVerifier.Mismatch e) {
                throw new ContentMismatchException(e.getMessage());
            }
            if (attempt >= MAX_RESUMES) {
                throw new ContentMismatchException("read failed: expected content size of " + descriptor.size() + ", got "
                        + verifier.count() + ", for digest " + descriptor.digest() + ": unexpected EOF");
            }
        }
    }

    /**
     * Copies the body into the verifier and the sink; false when the connection broke before the
     * end (the caller resumes). Failures of the sink itself are not retried.
     */
    private static boolean copyBody(InputStream body, long skip, BlobVerifier verifier, OutputStream sink)
            throws BlobVerifier.Mismatch {
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            long toSkip = skip;
            while (toSkip > 0) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, toSkip));
                if (n < 0) {
                    return false;
                }
                toSkip -= n;
            }
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    return false;
                }
                if (n < 0) {
                    return true;
                }
                verifier.update(buffer, n);
                try {
                    sink.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new OciException(e.getMessage(), e);
                }
            }
        } catch (BlobVerifier.Mismatch e) {
            throw e;
        } catch (IOException e) {
            return false;
        }
    }

    /** Downloads to {@code target} through a temporary sibling and an atomic rename; nothing is left on failure. */
    public void download(Reference repo, Descriptor descriptor, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                fetch(repo, descriptor, out);
            }
            AtomicFiles.publish(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new OciException(e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Helm/ORAS upload: {@code POST /blobs/uploads/}, then one {@code PUT <location>&digest=…} with the content. */
    public void upload(Reference repo, Descriptor descriptor, Body content) {
        List<String> scopes = Scopes.pullPush(repo.repository());
        URI location = startUpload(repo, scopes);
        finishUpload(location, descriptor, content, scopes);
    }

    /** Chunked upload: POST, then PATCH each {@code chunkSize} piece of the file, then a closing PUT. */
    public void uploadChunked(Reference repo, Descriptor descriptor, Path file, long chunkSize) {
        List<String> scopes = Scopes.pullPush(repo.repository());
        URI location = startUpload(repo, scopes);
        long offset = 0;
        long size = descriptor.size();
        while (offset < size) {
            long length = Math.min(chunkSize, size - offset);
            Request patch = new Request("PATCH", location, Map.of(
                    "Content-Type", OCTET_STREAM,
                    "Content-Range", offset + "-" + (offset + length - 1)), Body.range(file, offset, length), scopes);
            try (Response response = endpoint.client().send(patch)) {
                if (response.status() != 202) {
                    throw ResponseException.from(response);
                }
                location = location(response);
            }
            offset += length;
        }
        finishUpload(location, descriptor, Body.of(new byte[0]), scopes);
    }

    /**
     * Cross-repository mount ({@code POST ?mount=<digest>&from=<repo>}). Returns true when mounted;
     * false when the registry started a normal upload instead, which is then completed with {@code content}.
     */
    public boolean mount(Reference repo, Descriptor descriptor, String fromRepository, Body content) {
        List<String> scopes = List.of(Scopes.repository(repo.repository(), Scopes.PULL, Scopes.PUSH),
                Scopes.repository(fromRepository, Scopes.PULL));
        URI uri = URI.create(endpoint.uri(repo, "blobs/uploads/") + "?mount=" + escape(descriptor.digest()) + "&from=" + escape(fromRepository));
        try (Response response = endpoint.client().send(new Request("POST", uri, Map.of(), Body.of(new byte[0]), scopes))) {
            if (response.status() == 201) {
                return true;
            }
            if (response.status() != 202) {
                throw ResponseException.from(response);
            }
            finishUpload(location(response), descriptor, content, scopes);
            return false;
        }
    }

    private URI startUpload(Reference repo, List<String> scopes) {
        Request post = new Request("POST", endpoint.uri(repo, "blobs/uploads/"), Map.of(), Body.of(new byte[0]), scopes);
        try (Response response = endpoint.client().send(post)) {
            if (response.status() != 202) {
                throw ResponseException.from(response);
            }
            return location(response);
        }
    }

    private void finishUpload(URI location, Descriptor descriptor, Body content, List<String> scopes) {
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + separator + "digest=" + escape(descriptor.digest()));
        try (Response response = endpoint.client().send(new Request("PUT", put, Map.of("Content-Type", OCTET_STREAM), content, scopes))) {
            if (response.status() != 201) {
                throw ResponseException.from(response);
            }
        }
    }

    private static URI location(Response response) {
        Optional<String> location = response.header("Location");
        if (location.isEmpty()) {
            throw new OciException(response.method() + " " + GoStrings.quote(response.uri().toString()) + ": missing Location header");
        }
        return response.uri().resolve(location.get());
    }

    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package dev.charter.registry.api;

import dev.charter.registry.storage.Digest;
import dev.charter.registry.storage.RepositoryName;
import dev.charter.registry.storage.UploadException;
import dev.charter.registry.storage.UploadStore;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Blob uploads: {@code POST /v2/<name>/blobs/uploads/} (new session, monolithic with
 * {@code ?digest=}, or cross-repository mount) and {@code PATCH}/{@code PUT}/{@code GET}/
 * {@code DELETE} on the session URL.
 */
final class UploadEndpoints {

    private final Storage storage;

    UploadEndpoints(Storage storage) {
        this.storage = storage;
    }

    void start(Exchange ex, Route.UploadStart route) throws IOException {
        RepositoryName name = route.name();
        String mount = ex.query("mount");
        String from = ex.query("from");
        if (mount != null && from != null && RepositoryName.isValid(from)) {
            Optional<Digest> digest = Digest.tryParse(mount);
            if (digest.isPresent() && storage.repositories().layerSize(new RepositoryName(from), digest.get()).isPresent()) {
                storage.blobs().markUsed(digest.get());
                storage.repositories().linkLayer(name, digest.get());
                created(ex, name, digest.get());
                return;
            }
            // not mountable: the spec says to fall back to an ordinary upload session
        }
        String claimed = ex.query("digest");
        UploadStore.Status status = storage.uploads().start(name);
        if (claimed != null) {
            Digest digest = BlobEndpoints.parse(claimed);
            finish(ex, name, status.uuid(), digest, -1);
            return;
        }
        accepted(ex, name, status, 202);
    }

    void patch(Exchange ex, Route.Upload route) throws IOException {
        long offset = chunkOffset(ex, route);
        try {
            UploadStore.Status status = storage.uploads().append(route.name(), route.uuid(), offset, ex.bodySource());
            accepted(ex, route.name(), status, 202);
        } catch (UploadException e) {
            throw translate(e, route);
        }
    }

    void put(Exchange ex, Route.Upload route) throws IOException {
        String claimed = ex.query("digest");
        if (claimed == null) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "digest missing");
        }
        Digest digest = BlobEndpoints.parse(claimed);
        finish(ex, route.name(), route.uuid(), digest, chunkOffset(ex, route));
    }

    void status(Exchange ex, Route.Upload route) throws IOException {
        try {
            accepted(ex, route.name(), storage.uploads().status(route.name(), route.uuid()), 204);
        } catch (UploadException e) {
            throw translate(e, route);
        }
    }

    void cancel(Exchange ex, Route.Upload route) throws IOException {
        try {
            storage.uploads().cancel(route.name(), route.uuid());
            ex.sendEmpty(204);
        } catch (UploadException e) {
            throw translate(e, route);
        }
    }

    private void finish(Exchange ex, RepositoryName name, String uuid, Digest digest, long offset) throws IOException {
        try {
            // Jetty ends the body with an error when fewer bytes than Content-Length arrive
            storage.uploads().finish(name, uuid, offset, ex.bodySource(), digest);
            created(ex, name, digest);
        } catch (UploadException e) {
            throw translate(e, new Route.Upload(name, uuid));
        }
    }

    /** The first byte a {@code Content-Range} claims, checked against {@code Content-Length}; -1 without one. */
    private static long chunkOffset(Exchange ex, Route.Upload route) {
        String header = ex.header("Content-Range");
        if (header == null) {
            return -1;
        }
        ByteRange range = ByteRange.parseContentRange(header)
                .orElseThrow(() -> new RegistryException(ErrorCode.RANGE_INVALID, "malformed Content-Range " + header, 416,
                        Map.of("Location", location(route.name(), route.uuid()))));
        long length = ex.contentLength();
        if (length >= 0 && length != range.length()) {
            throw new RegistryException(ErrorCode.RANGE_INVALID, "Content-Range covers " + range.length()
                    + " bytes but Content-Length is " + length, 416, Map.of("Location", location(route.name(), route.uuid())));
        }
        return range.first();
    }

    private static RegistryException translate(UploadException e, Route.Upload route) {
        return switch (e.kind()) {
            case UNKNOWN -> new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, route.uuid());
            case OUT_OF_ORDER -> new RegistryException(ErrorCode.RANGE_INVALID, e.getMessage(), 416, Map.of(
                    "Location", location(route.name(), route.uuid()),
                    "Range", range(e.size()),
                    "Docker-Upload-UUID", route.uuid()));
            case DIGEST_MISMATCH -> new RegistryException(ErrorCode.DIGEST_INVALID, e.getMessage());
        };
    }

    private static void accepted(Exchange ex, RepositoryName name, UploadStore.Status status, int code) {
        ex.setHeader("Location", location(name, status.uuid()));
        ex.setHeader("Range", range(status.size()));
        ex.setHeader("Docker-Upload-UUID", status.uuid());
        ex.sendEmpty(code);
    }

    private static void created(Exchange ex, RepositoryName name, Digest digest) {
        ex.setHeader("Location", "/v2/" + name + "/blobs/" + digest);
        ex.setHeader("Docker-Content-Digest", digest.toString());
        ex.sendEmpty(201);
    }

    static String location(RepositoryName name, String uuid) {
        return "/v2/" + name + "/blobs/uploads/" + uuid;
    }

    /** Distribution's {@code Range} of an upload: {@code 0-<last byte>}, {@code 0-0} when empty. */
    private static String range(long size) {
        return "0-" + Math.max(0, size - 1);
    }
}

package dev.charter.registry.api;

import dev.charter.registry.storage.Digest;
import dev.charter.registry.storage.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/<name>/blobs/<digest>}: fetch (with single ranges), existence check and delete. */
final class BlobEndpoints {

    private final Storage storage;

    BlobEndpoints(Storage storage) {
        this.storage = storage;
    }

    void get(Exchange ex, Route.Blob route) throws IOException {
        Digest digest = parse(route.digest());
        long size = sizeIn(route.name(), digest)
                .orElseThrow(() -> new RegistryException(ErrorCode.BLOB_UNKNOWN, digest.toString()));
        ex.setHeader("Docker-Content-Digest", digest.toString());
        ex.setHeader("ETag", "\"" + digest + "\"");
        ex.setHeader("Accept-Ranges", "bytes");
        // content-addressed: the bytes behind this URL can never change
        ex.setHeader("Cache-Control", "max-age=31536000");
        switch (ByteRange.parse(ex.header("Range"), size)) {
            case ByteRange.Request.Whole whole -> send(ex, 200, digest, 0, size);
            case ByteRange.Request.Partial partial -> {
                ByteRange range = partial.range();
                ex.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
                send(ex, 206, digest, range.first(), range.length());
            }
            case ByteRange.Request.Unsatisfiable unsatisfiable ->
                    throw new RegistryException(ErrorCode.RANGE_INVALID, "requested range not satisfiable for " + size + " bytes",
                            416, Map.of("Content-Range", "bytes */" + size));
        }
    }

    private void send(Exchange ex, int status, Digest digest, long offset, long length) throws IOException {
        if (ex.isHead()) {
            ex.sendStream(status, "application/octet-stream", InputStream.nullInputStream(), length);
            return;
        }
        Optional<java.nio.channels.SeekableByteChannel> channel = storage.blobs().channel(digest);
        if (channel.isPresent()) {
            ex.sendChannel(status, "application/octet-stream", channel.get(), offset, length);
        } else {
            ex.sendStream(status, "application/octet-stream", storage.blobs().open(digest, offset), length);
        }
    }

    void delete(Exchange ex, Route.Blob route) throws IOException {
        Digest digest = parse(route.digest());
        if (storage.repositories().layerSize(route.name(), digest).isEmpty()) {
            throw new RegistryException(ErrorCode.BLOB_UNKNOWN, digest.toString());
        }
        // only the repository's link goes; the bytes are collected by `registry gc` once unused
        storage.repositories().unlinkLayer(route.name(), digest);
        ex.sendEmpty(202);
    }

    /** Layers, and manifests fetched through the blob endpoint, as Distribution also serves them. */
    private Optional<Long> sizeIn(RepositoryName name, Digest digest) throws IOException {
        Optional<Long> layer = storage.repositories().layerSize(name, digest);
        if (layer.isPresent()) {
            return layer;
        }
        return storage.repositories().hasRevision(name, digest) ? storage.blobs().size(digest) : Optional.empty();
    }

    static Digest parse(String text) {
        return Digest.tryParse(text).orElseThrow(() -> new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest " + text));
    }
}

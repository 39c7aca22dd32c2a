package dev.charter.oci.cache;

import dev.charter.oci.OciException;
import dev.charter.oci.reference.Digest;
import dev.charter.oci.registry.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A content-addressed cache laid out as an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/<alg>/<hex>}); Charter keeps it at
 * {@code <helm cache home>/oci}. Blobs are only ever written under their digest after the content
 * was verified, through {@code ingest/} and an atomic rename, so concurrent processes can share it:
 * a reader sees a complete blob or none, and two writers of the same blob write the same bytes.
 * {@code index.json} stays empty; lookups go by digest only.
 */
public final class BlobCache {

    private final Path root;

    private BlobCache(Path root) {
        this.root = root;
    }

    public static BlobCache open(Path root) {
        try {
            Files.createDirectories(root.resolve("blobs"));
            Files.createDirectories(root.resolve("ingest"));
            writeIfAbsent(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            writeIfAbsent(root.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
        } catch (IOException e) {
            throw new OciException("cannot create cache at " + root + ": " + e.getMessage(), e);
        }
        return new BlobCache(root);
    }

    private static void writeIfAbsent(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path temp = Files.createTempFile(file.getParent(), ".tmp", "");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            if (!Files.exists(file)) {
                throw e;
            }
        }
    }

    public Path root() {
        return root;
    }

    public Path path(String digest) {
        Digest d = Digest.parse(digest);
        return root.resolve("blobs").resolve(d.algorithm()).resolve(d.encoded());
    }

    /** The cached blob when present with the expected size ({@code size < 0}: any). */
    public Optional<Path> find(String digest, long size) {
        Path path = path(digest);
        try {
            if (Files.isRegularFile(path) && (size < 0 || Files.size(path) == size)) {
                return Optional.of(path);
            }
        } catch (IOException ignored) {
            // treat as absent
        }
        return Optional.empty();
    }

    /**
     * Stores a blob produced by {@code writer}, which must fail (throw) unless it wrote verified
     * content for {@code digest}. Returns the cached path.
     */
    public Path store(String digest, Consumer<OutputStream> writer) {
        Path target = path(digest);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(root.resolve("ingest"), "blob-", ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.accept(out);
            }
            AtomicFiles.publish(temp, target);
            temp = null;
            return target;
        } catch (IOException e) {
            throw new OciException("cannot write cache blob " + digest + ": " + e.getMessage(), e);
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

    public Path store(String digest, byte[] content) {
        return store(digest, out -> {
            try {
                out.write(content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The provenance blob recorded for a chart archive (both cached blobs, named by digest), like
     * Helm's content cache keeps {@code <digest>.prov} beside {@code <digest>.chart}: a verification
     * that finds it does not fetch the provenance layer again.
     */
    public Optional<Path> provenanceFor(Path cachedChart) {
        Path link = provenanceLink(cachedChart);
        try {
            return Files.isRegularFile(link) ? find(Files.readString(link).strip(), -1) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged link only costs a download
        }
    }

    /** Records {@code cachedProvenance} as the provenance of {@code cachedChart} (both blobs of this cache). */
    public void linkProvenance(Path cachedChart, Path cachedProvenance) {
        Path link = provenanceLink(cachedChart);
        String digest = cachedProvenance.getParent().getFileName() + ":" + cachedProvenance.getFileName();
        try {
            Files.createDirectories(link.getParent());
            Path temp = Files.createTempFile(root.resolve("ingest"), "prov-", ".part");
            Files.writeString(temp, digest);
            AtomicFiles.publish(temp, link);
        } catch (IOException e) {
            throw new OciException("cannot write cache link " + link + ": " + e.getMessage(), e);
        }
    }

    private Path provenanceLink(Path cachedChart) {
        return root.resolve("provenance").resolve(cachedChart.getParent().getFileName().toString())
                .resolve(cachedChart.getFileName().toString());
    }
}

package dev.charter.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the registry keeps bytes, modelled on Distribution's {@code storagedriver.StorageDriver}:
 * slash-separated absolute paths ({@code /docker/registry/v2/...}), whole-file reads and writes
 * for small metadata, streams for blobs and an atomic {@link #move} used to publish finished
 * uploads. Implementations must make {@link #putContent} and {@link #move} atomic: readers see
 * the old content or the new, never a torn file.
 */
public interface StorageDriver {

    /** The whole content of a small file; throws {@link PathNotFoundException} when absent. */
    byte[] getContent(String path) throws IOException;

    /** Replaces a file's content atomically and durably, creating parents as needed. */
    void putContent(String path, byte[] content) throws IOException;

    /** A stream over the file from {@code offset}; throws {@link PathNotFoundException} when absent. */
    InputStream reader(String path, long offset) throws IOException;

    /**
     * A seekable channel over the file when the driver has one (local disks): lets the server
     * stream large blobs through pooled direct buffers instead of an {@link InputStream}'s heap
     * copies. Empty by default; throws {@link PathNotFoundException} when absent.
     */
    default java.util.Optional<java.nio.channels.SeekableByteChannel> channel(String path) throws IOException {
        return java.util.Optional.empty();
    }

    /**
     * A stream that appends to (or creates) the file. {@link FileWriter#commit} makes the written
     * bytes durable; closing without commit keeps whatever was written so far, like a crashed
     * client would.
     */
    FileWriter writer(String path, boolean append) throws IOException;

    /** Size and modification time, or empty when there is no such file or directory. */
    Optional<FileInfo> stat(String path) throws IOException;

    /** The full paths of the direct children of a directory; empty when it does not exist. */
    List<String> list(String path) throws IOException;

    /** Moves a file atomically, replacing the destination; creates the destination's parents. */
    void move(String source, String destination) throws IOException;

    /** Deletes a file or a whole directory tree; absent paths are fine. */
    void delete(String path) throws IOException;

    /** Sets a file's modification time to now (marks recently used blobs for the collector). */
    void touch(String path) throws IOException;

    /** What {@link #stat} reports. */
    record FileInfo(String path, long size, Instant modified, boolean directory) {
    }

    /** A streaming writer, see {@link #writer}. */
    abstract class FileWriter extends OutputStream {
        /** Writes all remaining bytes of {@code bytes}; drivers with channels write it without a copy. */
        public void write(java.nio.ByteBuffer bytes) throws IOException {
            if (bytes.hasArray()) {
                write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                bytes.position(bytes.limit());
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                write(copy, 0, copy.length);
            }
        }

        /** Bytes in the file, including those present before opening. */
        public abstract long size();

        /** Flushes and forces the content to stable storage. */
        public abstract void commit() throws IOException;
    }

    /** Thrown for reads of paths that do not exist. */
    final class PathNotFoundException extends IOException {
        public PathNotFoundException(String path) {
            super("path not found: " + path);
        }
    }
}

package dev.charter.oci.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body that can be sent again (after a 401 challenge or a retry), like Go's
 * {@code Request.GetBody}. File bodies are streamed from disk each time, never held in memory.
 */
public sealed interface Body {

    long length();

    BodyPublisher publisher();

    static Body of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static Body of(Path file) {
        try {
            return new FileBody(file, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A part of a file, for chunked uploads. */
    static Body range(Path file, long offset, long length) {
        return new FileRange(file, offset, length);
    }

    record Bytes(byte[] bytes) implements Body {
        @Override public long length() { return bytes.length; }
        @Override public BodyPublisher publisher() { return BodyPublishers.ofByteArray(bytes); }
    }

    record FileBody(Path file, long length) implements Body {
        @Override public BodyPublisher publisher() {
            return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> open(file)), length);
        }
    }

    record FileRange(Path file, long offset, long length) implements Body {
        @Override public BodyPublisher publisher() {
            return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
                InputStream in = open(file);
                try {
                    in.skipNBytes(offset);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new BoundedInputStream(in, length);
            }), length);
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads at most {@code limit} bytes of the wrapped stream. */
    final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}

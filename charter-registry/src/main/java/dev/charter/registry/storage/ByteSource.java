package dev.charter.registry.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Bytes that arrive in buffers, such as a request body, read once and in order. Uploads consume
 * them buffer by buffer, so the server's own (direct) network buffers are hashed and written to
 * the file as they are, without a copy into a byte array in between.
 */
@FunctionalInterface
public interface ByteSource {

    /**
     * Hands every buffer of the source to {@code sink}, in order, until the source ends. A
     * buffer is only valid during the call that receives it.
     */
    void drainTo(Sink sink) throws IOException;

    /** Receives the buffers of a {@link ByteSource}. */
    @FunctionalInterface
    interface Sink {
        void accept(ByteBuffer bytes) throws IOException;
    }

    /** A source without bytes. */
    static ByteSource empty() {
        return sink -> { };
    }
}

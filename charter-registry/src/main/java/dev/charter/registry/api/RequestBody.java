package dev.charter.registry.api;

import dev.charter.registry.storage.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

/**
 * A request body as the buffers Jetty read it into: each chunk goes to the sink as it arrived
 * (a slice of the connection's direct input buffer), with no copy into a byte array as
 * {@link Content.Source#asInputStream} makes. The calling (virtual) thread blocks while the
 * client has not sent more.
 */
final class RequestBody implements ByteSource {

    private final Request request;

    RequestBody(Request request) {
        this.request = request;
    }

    @Override
    public void drainTo(Sink sink) throws IOException {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                awaitContent();
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    // Jetty reports a body shorter than its Content-Length as an EofException here
                    Throwable failure = chunk.getFailure();
                    throw failure instanceof IOException io ? io : new IOException(failure);
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                if (bytes.hasRemaining()) {
                    sink.accept(bytes);
                }
            } finally {
                chunk.release();
            }
            if (chunk.isLast()) {
                return;
            }
        }
    }

    private void awaitContent() throws IOException {
        try (Blocker.Runnable blocker = Blocker.runnable()) {
            request.demand(blocker);
            blocker.block();
        }
    }
}

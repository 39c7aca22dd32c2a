package dev.charter.registry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response, with the few operations the endpoints need. Every terminal
 * method ({@code send*}) completes the Jetty callback exactly once; HEAD requests get headers,
 * including the real {@code Content-Length}, and no body.
 */
public final class Exchange {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Blob bytes move through direct buffers of this size from the server's pool: large enough
     * that a 1 MiB blob takes four file reads and socket writes, small enough that sixteen
     * parallel downloads hold 4 MiB. Pooled, because a fresh direct buffer per read leaves
     * megabytes of direct memory waiting for a GC.
     */
    private static final int TRANSFER_BUFFER = 256 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private Fields query;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    public String method() {
        return request.getMethod();
    }

    public boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    public String path() {
        return request.getHttpURI().getPath();
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A query parameter, or null. */
    public String query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query.getValue(name);
    }

    /** All values of a repeated query parameter; empty when absent. */
    public java.util.List<String> queryValues(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        java.util.List<String> values = query.getValues(name);
        return values == null ? java.util.List.of() : values;
    }

    /** The declared body length, or -1. */
    public long contentLength() {
        return request.getLength();
    }

    public InputStream body() {
        return Content.Source.asInputStream(request);
    }

    /** The body as the buffers it arrives in, for uploads; see {@link RequestBody}. */
    public dev.charter.registry.storage.ByteSource bodySource() {
        return new RequestBody(request);
    }

    /** Reads at most {@code limit} bytes of body; returns null when the body is larger. */
    public byte[] bodyUpTo(int limit) throws IOException {
        try (InputStream in = body()) {
            byte[] content = in.readNBytes(limit + 1);
            if (content.length > limit) {
                drain(in);
                return null;
            }
            return content;
        }
    }

    /**
     * Reads and drops a refused request's body (up to a bound) so that the client, still sending,
     * reads the error answer instead of a reset connection.
     */
    public void discardBody() throws IOException {
        try (InputStream in = body()) {
            drain(in);
        }
    }

    private static final long DRAIN_LIMIT = 64L << 20;

    private static void drain(InputStream in) throws IOException {
        long left = DRAIN_LIMIT;
        byte[] sink = new byte[64 * 1024];
        for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
            left -= n;
        }
    }

    /** {@code scheme://host[:port]} as the client addressed us, for realms in challenges. */
    public String baseUrl() {
        String host = header("Host");
        if (host == null || host.isBlank()) {
            host = Request.getServerName(request) + ":" + Request.getServerPort(request);
        }
        return request.getHttpURI().getScheme() + "://" + host;
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public void sendEmpty(int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.write(true, null, callback);
    }

    public void sendJson(int status, Object value) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sendBytes(status, "application/json; charset=utf-8", bytes);
    }

    public void sendText(int status, String contentType, String text) {
        sendBytes(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(int status, String contentType, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) bytes.length);
        response.write(true, isHead() ? null : ByteBuffer.wrap(bytes), callback);
    }

    /**
     * Streams {@code length} bytes of {@code in} asynchronously with pooled buffers; {@code in}
     * is closed when done. Jetty takes over the callback.
     */
    public void sendStream(int status, String contentType, InputStream in, long length) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        if (isHead() || length == 0) {
            closeQuietly(in);
            response.write(true, null, callback);
            return;
        }
        Content.Source source = Content.Source.from(transferBuffers(), in, 0, length);
        Content.copy(source, response, Callback.from(callback, () -> closeQuietly(in)));
    }

    /**
     * Like {@link #sendStream} over a channel: file reads go straight into pooled direct buffers
     * that the socket writes take as they are, with no heap copy in between. The copy runs
     * asynchronously, as Jetty's own static-file serving does: each piece is read and written by
     * whichever thread saw the previous write complete, usually the I/O thread, which serves the
     * parallel downloads in turn. (A blocking loop on the request's virtual thread cost more CPU
     * per blob and gave 50 MiB downloads a p99 two to three times Distribution's; virtual threads
     * are not time-sliced.)
     */
    public void sendChannel(int status, String contentType, java.nio.channels.SeekableByteChannel channel, long offset, long length) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        if (isHead() || length == 0) {
            closeQuietly(channel);
            response.write(true, null, callback);
            return;
        }
        Content.Source source = Content.Source.from(transferBuffers(), channel, offset, length);
        Content.copy(source, response, Callback.from(callback, () -> closeQuietly(channel)));
    }

    private ByteBufferPool.Sized transferBuffers() {
        return new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), true, TRANSFER_BUFFER);
    }

    private static void closeQuietly(java.io.Closeable in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to do with a stream we only read
        }
    }

    Response response() {
        return response;
    }

    Request request() {
        return request;
    }

    Callback callback() {
        return callback;
    }
}

package dev.charter.oci.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A response whose body is still a stream; close it to release the connection. */
public record Response(String method, URI uri, int status, HttpHeaders headers, InputStream body) implements AutoCloseable {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Reads the whole body, refusing more than {@code limit} bytes (ORAS caps metadata at 4 MiB). */
    public byte[] readBody(long limit) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new dev.charter.oci.OciException(method + " " + dev.charter.oci.reference.GoStrings.quote(uri.toString())
                        + ": response body exceeds the limit of " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing useful to do; the connection is dropped
        }
    }
}

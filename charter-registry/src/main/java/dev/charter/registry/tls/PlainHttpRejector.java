package dev.charter.registry.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * On a TLS port, answers plain-HTTP requests the way Go's {@code net/http} (and so Distribution)
 * does: {@code 400 Client sent an HTTP request to an HTTPS server}, then closes. Without it a
 * client that forgot {@code https} would get a TLS alert it cannot print, or hang; with it
 * Helm and curl show a message that names the mistake. The request never reaches the registry.
 */
public final class PlainHttpRejector extends Handler.Wrapper {

    private static final ByteBuffer MESSAGE = ByteBuffer.wrap(
            "Client sent an HTTP request to an HTTPS server.\n".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

    public PlainHttpRejector(Handler registry) {
        super(registry);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.isSecure()) {
            return super.handle(request, response, callback);
        }
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, MESSAGE.slice(), callback);
        return true;
    }
}

package dev.charter.registry.api;

import java.util.concurrent.Executor;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Decides where each request runs. A manifest read on an open registry is served right on the
 * Jetty I/O thread that parsed it: it reads two small link files that are in the page cache, the
 * manifest itself comes from the {@link ManifestCache}, and the response is written
 * asynchronously; skipping the hand-off to another thread halves its latency on a single
 * connection. Everything else (uploads that block reading their body, authentication that may
 * run bcrypt, listings, blob transfers) runs on a virtual thread of its own, so it can block.
 */
public final class Dispatcher extends Handler.Wrapper {

    private final Executor blocking;
    private final boolean inlineManifestReads;

    /**
     * @param inlineManifestReads true when no request needs authentication, which could be slow
     * @param blocking runs everything else; a virtual thread per task
     */
    public Dispatcher(RegistryHandler registry, boolean inlineManifestReads, Executor blocking) {
        super(registry);
        this.inlineManifestReads = inlineManifestReads;
        this.blocking = blocking;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (inlineManifestReads && isManifestRead(request)) {
            return super.handle(request, response, callback);
        }
        blocking.execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable e) {
                callback.failed(e);
            }
        });
        return true;
    }

    private static boolean isManifestRead(Request request) {
        String method = request.getMethod();
        return (method.equals("GET") || method.equals("HEAD"))
                && Route.parse(request.getHttpURI().getPath()) instanceof Route.Manifest;
    }
}

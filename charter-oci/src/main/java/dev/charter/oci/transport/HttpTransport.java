package dev.charter.oci.transport;

import dev.charter.oci.OciException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Sends registry requests over one keep-alive JDK {@link HttpClient}: adds the User-Agent, follows
 * redirects of GET/HEAD itself (dropping {@code Authorization} when the host changes, since blob
 * redirects usually point at storage that must not see registry credentials) and retries
 * idempotent requests per the {@link RetryPolicy}. Failures carry Go's error texts.
 */
public final class HttpTransport implements AutoCloseable {

    private static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final TransportOptions options;
    private final HttpClient client;

    public HttpTransport(TransportOptions options) {
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Distribution and most registries speak HTTP/1.1; h2c upgrade attempts only cost round trips
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout());
        if (!options.usesPlainHttp()) {
            builder.sslContext(TlsContexts.create(options));
        }
        this.client = builder.build();
    }

    public TransportOptions options() {
        return options;
    }

    /** {@code http} or {@code https}, as the options decide. */
    public String scheme() {
        return options.scheme();
    }

    /** Sends {@code request}, following redirects and retrying; the caller closes the response. */
    public Response send(Request request) {
        Request current = request;
        for (int redirects = 0; ; redirects++) {
            Response response = sendWithRetry(current);
            if (!REDIRECTS.contains(response.status()) || !current.idempotent()) {
                return response;
            }
            String location = response.header("Location").orElse(null);
            if (location == null) {
                return response;
            }
            response.close();
            if (redirects >= MAX_REDIRECTS) {
                throw new OciException(GoErrors.urlError(request.method(), current.uri(), new IOException("stopped after 10 redirects")));
            }
            URI next = current.uri().resolve(location);
            Request redirected = current.withUri(next);
            if (!sameOrigin(current.uri(), next)) {
                redirected = redirected.withoutHeader("Authorization");
            }
            current = redirected;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private Response sendWithRetry(Request request) {
        RetryPolicy policy = options.retry();
        int attempts = request.idempotent() ? policy.maxRetries() + 1 : 1;
        boolean staleRetried = false;
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt + 1 >= attempts;
            try {
                Response response = sendOnce(request);
                if (last || !policy.retryableStatus(response.status())) {
                    return response;
                }
                String retryAfter = response.header("Retry-After").orElse(null);
                response.close();
                pause(policy.backoff(attempt, retryAfter));
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new OciException(GoErrors.urlError(request.method(), request.uri(), e), e);
                }
                pause(policy.backoff(attempt, null));
            } catch (IOException e) {
                // A pooled keep-alive connection the server had already closed fails before any
                // response byte arrives; the request never reached the server, and every body here
                // can be sent again, so one immediate retry on a fresh connection is safe for any
                // method (Go's transport does the same for requests it can replay).
                if (!staleRetried && staleConnection(e)) {
                    staleRetried = true;
                    attempt--;
                    continue;
                }
                throw new OciException(GoErrors.urlError(request.method(), request.uri(), e), e);
            }
        }
    }

    private static boolean staleConnection(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("header parser received no bytes") || m.contains("Connection reset")
                    || m.contains("EOF reached while reading"))) {
                return true;
            }
        }
        return false;
    }

    private Response sendOnce(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(options.requestTimeout());
        builder.setHeader("User-Agent", options.userAgent());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.setHeader(header.getKey(), header.getValue());
        }
        builder.method(request.method(), request.body() != null ? request.body().publisher() : HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Response(request.method(), request.uri(), response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OciException("interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

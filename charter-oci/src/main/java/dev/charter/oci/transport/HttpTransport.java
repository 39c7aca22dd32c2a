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
import java.util.ArrayList;
import java.util.List;
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

    static {
        // The JDK client reads responses in 16 KiB buffers by default; blobs stream 1.7x faster with
        // 256 KiB (bench/oci/library.sh). Read once when the client classes load; an explicit
        // setting by the application wins.
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", Integer.toString(256 * 1024));
        }
    }
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
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        sent.add(Map.entry("User-Agent", options.userAgent()));
        builder.setHeader("User-Agent", options.userAgent());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.setHeader(header.getKey(), header.getValue());
            sent.add(Map.entry(header.getKey(), header.getValue()));
        }
        RequestLog log = options.debugLog();
        long id = -1;
        if (log != null) {
            id = log.nextId();
            log.request(id, request.method(), request.uri(), sent);
        }
        ProgressListener progress = options.progress();
        ProgressListener.Tracker upload = null;
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (request.body() != null) {
            publisher = request.body().publisher();
            if (progress != null && request.body().length() > 0) {
                upload = progress.start(Progress.label("Uploading", request.uri()), request.body().length());
                if (upload != null) {
                    publisher = Progress.counting(publisher, upload);
                }
            }
        }
        builder.method(request.method(), publisher);
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (upload != null) {
                upload.finish();
            }
            InputStream body = response.body();
            if (log != null) {
                body = log.response(id, request.method(), response.statusCode(), response.headers(), body);
            }
            if (progress != null && request.method().equals("GET") && response.statusCode() == 200) {
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                ProgressListener.Tracker download = length > 0
                        ? progress.start(Progress.label("Downloading", request.uri()), length) : null;
                if (download != null) {
                    body = Progress.counting(body, download);
                }
            }
            return new Response(request.method(), request.uri(), response.statusCode(), response.headers(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IOException failure = new IOException("interrupted", e);
            logFailure(log, id, request, failure, upload);
            throw failure;
        } catch (java.io.UncheckedIOException e) {
            logFailure(log, id, request, e.getCause(), upload);
            throw e.getCause();
        } catch (IOException e) {
            logFailure(log, id, request, e, upload);
            throw e;
        }
    }

    private static void logFailure(RequestLog log, long id, Request request, IOException failure, ProgressListener.Tracker upload) {
        if (upload != null) {
            upload.finish();
        }
        if (log != null) {
            log.failure(id, request.method(), GoErrors.cause(request.uri(), failure));
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

package dev.charter.repo;

import dev.charter.oci.OciException;
import dev.charter.oci.transport.GoErrors;
import dev.charter.oci.transport.HttpTransport;
import dev.charter.oci.transport.Request;
import dev.charter.oci.transport.Response;
import dev.charter.oci.transport.RetryPolicy;
import dev.charter.oci.transport.TransportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Helm's {@code getter.HTTPGetter}: a GET with the repository's TLS settings and Basic auth, the
 * credentials sent only to the repository's own scheme and host unless {@code passCredentialsAll}.
 */
public final class HttpGetter {

    /** Where and how to fetch: Helm's getter options. */
    public record Options(String repoUrl, String username, String password, boolean passCredentialsAll,
                          String caFile, String certFile, String keyFile, boolean insecureSkipTlsVerify) {

        public static Options forEntry(RepoEntry e) {
            return new Options(e.url(), e.username(), e.password(), e.passCredentialsAll(), e.caFile(), e.certFile(),
                    e.keyFile(), e.insecureSkipTlsVerify());
        }

        public static Options none() {
            return new Options("", "", "", false, "", "", "", false);
        }
    }

    /** One HTTP client per distinct transport setting, shared by all requests (and threads) of the process. */
    private static final java.util.concurrent.ConcurrentMap<TransportOptions, HttpTransport> CLIENTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private HttpGetter() {
    }

    /** Helm's default HTTP getter timeout for chart and index downloads (none set: the transport's). */
    private static final java.time.Duration DEFAULT_TIMEOUT = TransportOptions.defaults().requestTimeout();

    public static byte[] get(String href, Options options) {
        return get(href, options, DEFAULT_TIMEOUT);
    }

    /** A GET bounded by {@code timeout} as a whole, like Go's {@code http.Client.Timeout} ({@code repo add|update --timeout}). */
    public static byte[] get(String href, Options options, java.time.Duration timeout) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        get(href, options, out, timeout);
        return out.toByteArray();
    }

    public static void get(String href, Options options, OutputStream out) {
        get(href, options, out, DEFAULT_TIMEOUT);
    }

    private static void get(String href, Options options, OutputStream out, java.time.Duration timeout) {
        URI uri;
        try {
            uri = URI.create(href);
        } catch (IllegalArgumentException e) {
            throw new RepoException("parse " + dev.charter.yaml.GoJson.quote(href) + ": invalid URL", e);
        }
        TransportOptions base = TransportOptions.defaults()
                .withRetry(RetryPolicy.none())
                .withPlainHttp("http".equalsIgnoreCase(uri.getScheme()))
                .withTls(options.insecureSkipTlsVerify(), path(options.caFile()), path(options.certFile()), path(options.keyFile()));
        // Go's Client.Timeout also bounds connecting: the shorter of the two applies
        java.time.Duration connect = timeout.compareTo(base.connectTimeout()) < 0 ? timeout : base.connectTimeout();
        TransportOptions transport = new TransportOptions(base.plainHttp(), base.insecureSkipTlsVerify(), base.caFile(),
                base.certFile(), base.keyFile(), base.userAgent(), connect, timeout, base.retry());
        Request request = Request.of("GET", uri, List.of());
        if (!options.username().isEmpty() && !options.password().isEmpty() && sendCredentials(options, uri)) {
            String token = Base64.getEncoder().encodeToString((options.username() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
            request = request.withHeader("Authorization", "Basic " + token);
        }
        HttpTransport http = CLIENTS.computeIfAbsent(transport, HttpTransport::new);
        try (Response response = http.send(request)) {
            if (response.status() != 200) {
                throw new RepoException("failed to fetch " + href + " : " + response.status() + " " + GoErrors.statusText(response.status()));
            }
            try (InputStream in = response.body()) {
                in.transferTo(out);
            }
        } catch (OciException e) {
            // Go 1.25 words a Client.Timeout as a context deadline
            throw new RepoException(String.valueOf(e.getMessage()).replace("net/http: request canceled (Client.Timeout",
                    "context deadline exceeded (Client.Timeout"), e);
        } catch (IOException e) {
            throw new RepoException(GoErrors.urlError("GET", uri, e), e);
        }
    }

    private static boolean sendCredentials(Options options, URI target) {
        if (options.passCredentialsAll() || options.repoUrl().isEmpty()) {
            return true;
        }
        try {
            URI repo = URI.create(options.repoUrl());
            return eq(repo.getScheme(), target.getScheme()) && eq(repo.getRawAuthority(), target.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static Path path(String s) {
        return s == null || s.isEmpty() ? null : Path.of(s);
    }

    /** Helm's {@code repo.ResolveReferenceURL}: relative chart URLs resolve below the repository URL. */
    public static String resolveReferenceUrl(String baseUrl, String refUrl) {
        URI ref = URI.create(refUrl);
        if (ref.isAbsolute()) {
            return refUrl;
        }
        URI base = URI.create(baseUrl);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        URI withSlash = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
        String resolved = withSlash.resolve(ref).toString();
        int q = resolved.indexOf('?');
        if (q >= 0) {
            resolved = resolved.substring(0, q);
        }
        return base.getRawQuery() == null ? resolved : resolved + "?" + base.getRawQuery();
    }
}

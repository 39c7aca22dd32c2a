package dev.charter.registry.api;

import dev.charter.registry.auth.Access;
import dev.charter.registry.auth.Authenticator;
import dev.charter.registry.auth.Identity;
import dev.charter.registry.auth.Outcome;
import dev.charter.registry.storage.RepositoryName;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The whole HTTP API: route, authenticate and authorize, dispatch to an endpoint, turn failures
 * into the spec's JSON errors and write one access-log line per request. It runs on a virtual
 * thread per request, so endpoints use plain blocking I/O.
 */
public final class RegistryHandler extends Handler.Abstract {

    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final Authenticator authenticator;
    private final TokenEndpoint tokenEndpoint;
    private final Policies policies;
    private final ManifestEndpoints manifests;
    private final BlobEndpoints blobs;
    private final UploadEndpoints uploads;
    private final ListingEndpoints listings;
    private final Consumer<String> accessLog;
    private final Consumer<String> errorLog;

    /**
     * @param tokenEndpoint null unless the built-in token server is on
     * @param accessLog receives one line per request (never credentials); may be null
     * @param errorLog receives unexpected failures with stack traces; may be null
     */
    public RegistryHandler(Storage storage, Policies policies, Authenticator authenticator, TokenEndpoint tokenEndpoint,
                           Consumer<String> accessLog, Consumer<String> errorLog) {
        this.authenticator = authenticator;
        this.tokenEndpoint = tokenEndpoint;
        this.policies = policies;
        this.manifests = new ManifestEndpoints(storage, policies);
        this.blobs = new BlobEndpoints(storage);
        this.uploads = new UploadEndpoints(storage);
        this.listings = new ListingEndpoints(storage);
        this.accessLog = accessLog;
        this.errorLog = errorLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange ex = new Exchange(request, response, callback);
        String[] user = {"-"};
        if (accessLog != null) {
            long started = System.nanoTime();
            Request.addCompletionListener(request, failure -> accessLog.accept(logLine(ex, user[0], started, failure)));
        }
        response.getHeaders().put("Docker-Distribution-API-Version", "registry/2.0");
        Route route = Route.parse(ex.path());
        try {
            dispatch(ex, route, user);
        } catch (RegistryException e) {
            sendError(ex, e);
        } catch (EofException e) {
            // the client went away mid-request; nothing to answer
            callback.failed(e);
        } catch (Exception e) {
            if (errorLog != null) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                errorLog.accept("error handling " + ex.method() + " " + ex.path() + ": " + trace);
            }
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                sendError(ex, new RegistryException(ErrorCode.UNKNOWN, e.getClass().getSimpleName()));
            }
        }
        return true;
    }

    private void dispatch(Exchange ex, Route route, String[] user) throws IOException {
        String method = ex.method();
        switch (route) {
            case Route.Health health -> {
                ex.sendJson(200, Map.of("status", "ok"));
                return;
            }
            case Route.NotFound notFound -> {
                ex.sendText(404, "text/plain; charset=utf-8", "404 page not found\n");
                return;
            }
            case Route.Token token -> {
                if (tokenEndpoint == null) {
                    ex.sendText(404, "text/plain; charset=utf-8", "404 page not found\n");
                    return;
                }
                Map<String, String> form = TokenEndpoint.form(ex);
                Optional<Identity> identity = tokenEndpoint.authenticate(ex, form);
                identity.ifPresent(id -> user[0] = id.logName());
                tokenEndpoint.handle(ex, form, identity);
                return;
            }
            default -> { }
        }
        Outcome outcome = authenticator.authenticate(ex.header("Authorization"), ex.baseUrl(), required(route, ex));
        switch (outcome) {
            case Outcome.Granted granted -> user[0] = granted.identity().logName();
            case Outcome.Challenge challenge -> throw new RegistryException(ErrorCode.UNAUTHORIZED, challenge.detail(), 401,
                    Map.of("WWW-Authenticate", challenge.wwwAuthenticate()));
            case Outcome.Forbidden forbidden -> {
                user[0] = forbidden.identity().logName();
                throw new RegistryException(ErrorCode.DENIED, null);
            }
        }
        if (policies.readOnly() && isWrite(method)) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "registry is in read-only mode");
        }
        switch (route) {
            case Route.Base base -> {
                requireMethod(method, "GET", "HEAD");
                ex.sendJson(200, Map.of());
            }
            case Route.Catalog catalog -> {
                requireMethod(method, "GET");
                listings.catalog(ex);
            }
            case Route.InvalidName invalid -> throw new RegistryException(ErrorCode.NAME_INVALID, Map.of("name", invalid.name()));
            case Route.Tags tags -> {
                requireMethod(method, "GET");
                listings.tags(ex, tags);
            }
            case Route.Referrers referrers -> {
                requireMethod(method, "GET");
                manifests.referrers(ex, referrers);
            }
            case Route.Manifest manifest -> {
                switch (method) {
                    case "GET", "HEAD" -> manifests.get(ex, manifest);
                    case "PUT" -> manifests.put(ex, manifest);
                    case "DELETE" -> {
                        requireDeleteEnabled();
                        manifests.delete(ex, manifest);
                    }
                    default -> throw methodNotAllowed(method);
                }
            }
            case Route.Blob blob -> {
                switch (method) {
                    case "GET", "HEAD" -> blobs.get(ex, blob);
                    case "DELETE" -> {
                        requireDeleteEnabled();
                        blobs.delete(ex, blob);
                    }
                    default -> throw methodNotAllowed(method);
                }
            }
            case Route.UploadStart start -> {
                requireMethod(method, "POST");
                uploads.start(ex, start);
            }
            case Route.Upload upload -> {
                switch (method) {
                    case "PATCH" -> uploads.patch(ex, upload);
                    case "PUT" -> uploads.put(ex, upload);
                    case "GET" -> uploads.status(ex, upload);
                    case "DELETE" -> uploads.cancel(ex, upload);
                    default -> throw methodNotAllowed(method);
                }
            }
            case Route.Health h -> throw new IllegalStateException("handled above");
            case Route.NotFound n -> throw new IllegalStateException("handled above");
            case Route.Token t -> throw new IllegalStateException("handled above");
        }
    }

    /** The permissions a request needs, as Distribution's access controller derives them. */
    static List<Access> required(Route route, Exchange ex) {
        RepositoryName name = route.repository();
        if (route instanceof Route.Catalog) {
            return List.of(Access.catalog());
        }
        if (name == null) {
            return List.of();
        }
        String repo = name.toString();
        String method = ex.method();
        List<Access> needed = new ArrayList<>();
        switch (method) {
            case "GET", "HEAD" -> needed.add(Access.pull(repo));
            case "DELETE" -> {
                if (route instanceof Route.Upload) {
                    needed.add(Access.pull(repo));
                    needed.add(Access.push(repo));
                } else {
                    needed.add(Access.delete(repo));
                }
            }
            default -> {
                needed.add(Access.pull(repo));
                needed.add(Access.push(repo));
            }
        }
        if (route instanceof Route.Upload && method.equals("GET")) {
            needed.add(Access.push(repo));
        }
        String from = route instanceof Route.UploadStart ? ex.query("from") : null;
        if (from != null && ex.query("mount") != null && RepositoryName.isValid(from)) {
            needed.add(Access.pull(from));
        }
        return needed;
    }

    private void requireDeleteEnabled() {
        if (!policies.deleteEnabled()) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "deletes are disabled (storage.delete.enabled)");
        }
    }

    private static boolean isWrite(String method) {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    private static void requireMethod(String method, String... allowed) {
        for (String m : allowed) {
            if (m.equals(method)) {
                return;
            }
        }
        throw methodNotAllowed(method);
    }

    private static RegistryException methodNotAllowed(String method) {
        return new RegistryException(ErrorCode.UNSUPPORTED, "method " + method + " not allowed here");
    }

    private static void sendError(Exchange ex, RegistryException e) {
        Response response = ex.response();
        if (response.isCommitted()) {
            ex.callback().failed(e);
            return;
        }
        e.headers().forEach(ex::setHeader);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code().name());
        error.put("message", e.code().message());
        if (e.detail() != null) {
            error.put("detail", e.detail());
        }
        ex.sendJson(e.status(), Map.of("errors", List.of(error)));
    }

    /** Common log format plus duration; the path without its query, which may carry state. */
    private static String logLine(Exchange ex, String user, long startedNanos, Throwable failure) {
        Request request = ex.request();
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        String agent = ex.header("User-Agent");
        return ex.remoteAddress() + " - " + user + " [" + CLF.format(ZonedDateTime.now(ZoneOffset.UTC)) + "] \""
                + ex.method() + " " + ex.path() + " " + request.getConnectionMetaData().getProtocol() + "\" "
                + ex.response().getStatus() + " " + Response.getContentBytesWritten(ex.response()) + " \""
                + (agent == null ? "-" : agent.replace("\"", "'")) + "\" " + millis + "ms"
                + (failure == null ? "" : " failed: " + failure.getClass().getSimpleName());
    }
}

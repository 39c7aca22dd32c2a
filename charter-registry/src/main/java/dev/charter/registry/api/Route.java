package dev.charter.registry.api;

import dev.charter.registry.storage.RepositoryName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request path addresses. Repository names may contain slashes and even words like
 * {@code manifests}, so each pattern matches greedily up to the <em>last</em> endpoint keyword,
 * as Distribution's router does; the reference part never contains a slash.
 */
public sealed interface Route {

    record Base() implements Route {}
    record Catalog() implements Route {}
    record Health() implements Route {}
    record Token() implements Route {}
    record NotFound() implements Route {}
    /** The path names a repository whose name breaks the grammar. */
    record InvalidName(String name) implements Route {}
    record Tags(RepositoryName name) implements Route {}
    record Manifest(RepositoryName name, String reference) implements Route {}
    record Blob(RepositoryName name, String digest) implements Route {}
    record UploadStart(RepositoryName name) implements Route {}
    record Upload(RepositoryName name, String uuid) implements Route {}
    record Referrers(RepositoryName name, String digest) implements Route {}

    Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");
    Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
    Pattern UPLOAD_START = Pattern.compile("/v2/(.+)/blobs/uploads/?");
    Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]+)");
    Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+)");
    Pattern REFERRERS = Pattern.compile("/v2/(.+)/referrers/([^/]+)");

    /** The repository the route is about, or null. */
    default RepositoryName repository() {
        return switch (this) {
            case Tags t -> t.name();
            case Manifest m -> m.name();
            case Blob b -> b.name();
            case UploadStart u -> u.name();
            case Upload u -> u.name();
            case Referrers r -> r.name();
            default -> null;
        };
    }

    static Route parse(String path) {
        switch (path) {
            case "/v2", "/v2/" -> { return new Base(); }
            case "/v2/_catalog" -> { return new Catalog(); }
            case "/healthz", "/debug/health" -> { return new Health(); }
            case "/token" -> { return new Token(); }
            default -> { }
        }
        if (!path.startsWith("/v2/")) {
            return new NotFound();
        }
        Matcher m;
        if ((m = TAGS.matcher(path)).matches()) {
            return named(m.group(1), name -> new Tags(name));
        }
        if ((m = MANIFEST.matcher(path)).matches()) {
            String reference = m.group(2);
            return named(m.group(1), name -> new Manifest(name, reference));
        }
        if ((m = UPLOAD_START.matcher(path)).matches()) {
            return named(m.group(1), UploadStart::new);
        }
        if ((m = UPLOAD.matcher(path)).matches()) {
            String uuid = m.group(2);
            return named(m.group(1), name -> new Upload(name, uuid));
        }
        if ((m = REFERRERS.matcher(path)).matches()) {
            String digest = m.group(2);
            return named(m.group(1), name -> new Referrers(name, digest));
        }
        if ((m = BLOB.matcher(path)).matches()) {
            String digest = m.group(2);
            return named(m.group(1), name -> new Blob(name, digest));
        }
        return new NotFound();
    }

    private static Route named(String name, java.util.function.Function<RepositoryName, Route> route) {
        return RepositoryName.isValid(name) ? route.apply(new RepositoryName(name)) : new InvalidName(name);
    }
}

package dev.charter.registry.api;

import dev.charter.registry.auth.AccessPolicy;
import dev.charter.registry.auth.Access;
import dev.charter.registry.auth.BasicCredentials;
import dev.charter.registry.auth.HtpasswdFile;
import dev.charter.registry.auth.Identity;
import dev.charter.registry.auth.Scope;
import dev.charter.registry.auth.TokenService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in token server at {@code /token}, speaking both flavours clients use: Docker's
 * {@code GET ?service=&scope=} with optional Basic credentials, and OAuth2's
 * {@code POST grant_type=password} form. The token grants the intersection of what was asked
 * and what the {@link AccessPolicy} allows; asking for more is not an error, as with Docker's
 * token servers, the registry then answers the request itself with {@code insufficient_scope}.
 */
public final class TokenEndpoint {

    private final TokenService tokens;
    private final HtpasswdFile htpasswd;
    private final AccessPolicy policy;
    private final String realm;

    public static TokenEndpoint create(TokenService tokens, HtpasswdFile htpasswd, AccessPolicy policy, String realm) {
        return new TokenEndpoint(tokens, htpasswd, policy, realm);
    }

    private TokenEndpoint(TokenService tokens, HtpasswdFile htpasswd, AccessPolicy policy, String realm) {
        this.tokens = tokens;
        this.htpasswd = htpasswd;
        this.policy = policy;
        this.realm = realm;
    }

    /** Who asked, decided first so the access log can name the user. */
    Optional<Identity> authenticate(Exchange ex, Map<String, String> form) {
        if (form.containsKey("username") || form.containsKey("password")) {
            String user = form.getOrDefault("username", "");
            char[] password = form.getOrDefault("password", "").toCharArray();
            return check(user, password);
        }
        String authorization = ex.header("Authorization");
        if (authorization == null) {
            return Optional.of(Identity.ANONYMOUS);
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        return check(credentials.get().user(), credentials.get().password());
    }

    private Optional<Identity> check(String user, char[] password) {
        try {
            boolean valid = htpasswd != null && !user.isEmpty() && htpasswd.verify(user, password);
            return valid ? Optional.of(new Identity.User(user)) : Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Reads the form of a POST (small, URL-encoded); an empty map for GET. */
    static Map<String, String> form(Exchange ex) throws IOException {
        if (!"POST".equals(ex.method())) {
            return Map.of();
        }
        byte[] body = ex.bodyUpTo(64 * 1024);
        if (body == null) {
            throw new RegistryException(ErrorCode.SIZE_INVALID, "token request too large");
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    void handle(Exchange ex, Map<String, String> form, Optional<Identity> identity) {
        if (identity.isEmpty()) {
            throw new RegistryException(ErrorCode.UNAUTHORIZED, "invalid username or password", 401,
                    Map.of("WWW-Authenticate", "Basic realm=\"" + realm.replace("\"", "") + "\""));
        }
        String grant = form.get("grant_type");
        if ("POST".equals(ex.method()) && !"password".equals(grant)) {
            ex.sendJson(400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        List<String> requested = new ArrayList<>();
        if ("POST".equals(ex.method())) {
            Optional.ofNullable(form.get("scope")).ifPresent(requested::add);
        } else {
            requested.addAll(ex.queryValues("scope"));
        }
        List<Scope> granted = new ArrayList<>();
        for (Scope scope : Scope.parseAll(requested)) {
            Set<String> allowed = new LinkedHashSet<>();
            for (String action : scope.actions()) {
                if (policy.permits(identity.get(), new Access(scope.type(), scope.name(), action))) {
                    allowed.add(action);
                }
            }
            if (!allowed.isEmpty()) {
                granted.add(new Scope(scope.type(), scope.name(), Set.copyOf(allowed)));
            }
        }
        String token = tokens.issue(identity.get(), granted);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token", token);
        response.put("access_token", token);
        response.put("expires_in", tokens.ttl().toSeconds());
        response.put("issued_at", Instant.now().toString());
        ex.setHeader("Cache-Control", "no-store");
        ex.sendJson(200, response);
    }
}

package dev.charter.registry.api;

import dev.charter.registry.auth.AccessPolicy;
import dev.charter.registry.auth.Access;
import dev.charter.registry.auth.BasicCredentials;
import dev.charter.registry.auth.HtpasswdFile;
import dev.charter.registry.auth.Identity;
import dev.charter.registry.auth.RefreshTokens;
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
 * {@code GET ?service=&scope=} with optional Basic credentials, and OAuth2's {@code POST} form
 * (Distribution's {@code docs/spec/auth/oauth.md}) with {@code grant_type=password} or
 * {@code grant_type=refresh_token}. {@code access_type=offline} on a POST (or
 * {@code offline_token=true} on a GET, as {@code docker login} asks) adds a {@link RefreshTokens
 * refresh token}, which later grants new access tokens for the same user without the password.
 * The token grants the intersection of what was asked and what the {@link AccessPolicy} allows;
 * asking for more is not an error, as with Docker's token servers, the registry then answers the
 * request itself with {@code insufficient_scope}.
 */
public final class TokenEndpoint {

    private static final String PASSWORD_GRANT = "password";
    private static final String REFRESH_GRANT = "refresh_token";

    private final TokenService tokens;
    private final RefreshTokens refreshTokens;
    private final HtpasswdFile htpasswd;
    private final AccessPolicy policy;
    private final String realm;

    public static TokenEndpoint create(TokenService tokens, RefreshTokens refreshTokens, HtpasswdFile htpasswd,
            AccessPolicy policy, String realm) {
        return new TokenEndpoint(tokens, refreshTokens, htpasswd, policy, realm);
    }

    private TokenEndpoint(TokenService tokens, RefreshTokens refreshTokens, HtpasswdFile htpasswd, AccessPolicy policy,
            String realm) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.htpasswd = htpasswd;
        this.policy = policy;
        this.realm = realm;
    }

    /** Who asked, decided first so the access log can name the user; empty when proof failed. */
    Optional<Identity> authenticate(Exchange ex, Map<String, String> form) {
        if (REFRESH_GRANT.equals(form.get("grant_type"))) {
            String presented = form.getOrDefault(REFRESH_GRANT, "");
            if (presented.isEmpty() || htpasswd == null) {
                return Optional.empty();
            }
            return refreshTokens.redeem(presented, form.get("service"), htpasswd::credentialHash).map(Identity.User::new);
        }
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
        boolean post = "POST".equals(ex.method());
        String grant = form.get("grant_type");
        boolean offline;
        if (post) {
            // request errors are OAuth2's (RFC 6749 5.2), checked before credentials like Distribution's token server
            if (grant == null || grant.isEmpty()) {
                oauthError(ex, "invalid_request", "missing grant_type value");
                return;
            }
            if (!PASSWORD_GRANT.equals(grant) && !REFRESH_GRANT.equals(grant)) {
                oauthError(ex, "unsupported_grant_type", "unknown grant_type value");
                return;
            }
            String accessType = form.getOrDefault("access_type", "");
            if (!accessType.isEmpty() && !accessType.equals("online") && !accessType.equals("offline")) {
                oauthError(ex, "invalid_request", "unknown access_type value");
                return;
            }
            if (REFRESH_GRANT.equals(grant) && form.getOrDefault(REFRESH_GRANT, "").isEmpty()) {
                oauthError(ex, "invalid_request", "missing refresh_token value");
                return;
            }
            offline = accessType.equals("offline");
        } else {
            Optional<Boolean> asked = goBool(ex.query("offline_token"));
            if (asked.isEmpty()) {
                oauthError(ex, "invalid_request", "invalid offline_token value");
                return;
            }
            offline = asked.get();
        }
        if (identity.isEmpty()) {
            if (REFRESH_GRANT.equals(grant)) {
                // unknown, forged, expired, for another service, or its user's password changed
                throw new RegistryException(ErrorCode.UNAUTHORIZED, "invalid refresh token", 401, Map.of());
            }
            throw new RegistryException(ErrorCode.UNAUTHORIZED, "invalid username or password", 401,
                    Map.of("WWW-Authenticate", "Basic realm=\"" + realm.replace("\"", "") + "\""));
        }
        List<String> requested = new ArrayList<>();
        if (post) {
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
        if (post) {
            response.put("scope", String.join(" ", granted.stream().map(TokenEndpoint::scopeText).toList()));
        }
        if (REFRESH_GRANT.equals(grant)) {
            // the spec: a refresh grant hands back the same refresh token, never a new one
            response.put("refresh_token", form.get(REFRESH_GRANT));
        } else if (offline && identity.get() instanceof Identity.User user) {
            htpasswd.credentialHash(user.name())
                    .ifPresent(hash -> response.put("refresh_token", refreshTokens.issue(user.name(), hash)));
        }
        ex.setHeader("Cache-Control", "no-store");
        ex.setHeader("Pragma", "no-cache");
        ex.sendJson(200, response);
    }

    private static String scopeText(Scope scope) {
        return scope.type() + ":" + scope.name() + ":" + String.join(",", scope.actions().stream().sorted().toList());
    }

    /** Go's {@code strconv.ParseBool}, which Distribution's token server uses for {@code offline_token}. */
    private static Optional<Boolean> goBool(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(false);
        }
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static void oauthError(Exchange ex, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        ex.setHeader("Cache-Control", "no-store");
        ex.sendJson(400, body);
    }
}

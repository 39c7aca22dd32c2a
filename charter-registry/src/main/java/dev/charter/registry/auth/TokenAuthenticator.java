package dev.charter.registry.auth;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer token authentication against the registry's own {@code /token} endpoint: requests carry
 * a token from {@link TokenService}; anything else gets the Docker token challenge naming the
 * realm, the service and the scope needed, so clients fetch a token and retry.
 */
public record TokenAuthenticator(TokenService tokens, String realmOverride) implements Authenticator {

    @Override
    public Outcome authenticate(String authorization, String baseUrl, List<Access> required) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return challenge(baseUrl, required, null, null);
        }
        Optional<TokenService.Claims> claims = tokens.verify(authorization.substring(7).strip());
        if (claims.isEmpty()) {
            return challenge(baseUrl, required, "invalid_token", "invalid or expired token");
        }
        if (required.stream().allMatch(claims.get()::allows)) {
            return new Outcome.Granted(claims.get().identity());
        }
        return challenge(baseUrl, required, "insufficient_scope", "token does not grant the required access");
    }

    private Outcome challenge(String baseUrl, List<Access> required, String error, String detail) {
        String realm = realmOverride != null ? realmOverride : baseUrl + "/token";
        StringBuilder header = new StringBuilder("Bearer realm=\"").append(realm)
                .append("\",service=\"").append(tokens.service()).append('"');
        if (!required.isEmpty()) {
            header.append(",scope=\"").append(String.join(" ", scopes(required))).append('"');
        }
        if (error != null) {
            header.append(",error=\"").append(error).append('"');
        }
        return new Outcome.Challenge(header.toString(), detail);
    }

    /** {@code repository:a:pull} + {@code repository:a:push} → {@code repository:a:pull,push}. */
    private static List<String> scopes(List<Access> required) {
        Map<String, Set<String>> grouped = new LinkedHashMap<>();
        for (Access access : required) {
            grouped.computeIfAbsent(access.type() + ":" + access.name(), k -> new LinkedHashSet<>()).add(access.action());
        }
        return grouped.entrySet().stream().map(e -> e.getKey() + ":" + String.join(",", e.getValue())).toList();
    }
}

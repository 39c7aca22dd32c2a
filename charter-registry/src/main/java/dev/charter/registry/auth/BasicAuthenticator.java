package dev.charter.registry.auth;

import java.util.List;
import java.util.Optional;

/**
 * htpasswd Basic authentication as Distribution's {@code auth.htpasswd}: a bad or missing
 * password is a 401 with {@code WWW-Authenticate: Basic realm="..."}. Requests without any
 * {@code Authorization} act as anonymous, which the policy may allow to pull; a request that
 * sends wrong credentials is always refused, never downgraded to anonymous.
 */
public record BasicAuthenticator(HtpasswdFile htpasswd, String realm, AccessPolicy policy) implements Authenticator {

    @Override
    public Outcome authenticate(String authorization, String baseUrl, List<Access> required) {
        Identity identity;
        if (authorization == null || authorization.isBlank()) {
            identity = Identity.ANONYMOUS;
        } else {
            Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
            if (credentials.isEmpty()) {
                return challenge("invalid authorization header");
            }
            BasicCredentials given = credentials.get();
            boolean valid = htpasswd.verify(given.user(), given.password());
            java.util.Arrays.fill(given.password(), '\0');
            if (!valid) {
                return challenge("invalid username or password");
            }
            identity = new Identity.User(given.user());
        }
        boolean allowed = required.isEmpty()
                ? policy.allowsAnything(identity)
                : required.stream().allMatch(access -> policy.permits(identity, access));
        if (allowed) {
            return new Outcome.Granted(identity);
        }
        return identity instanceof Identity.Anonymous ? challenge(null) : new Outcome.Forbidden(identity);
    }

    private Outcome challenge(String detail) {
        return new Outcome.Challenge("Basic realm=\"" + realm.replace("\"", "") + "\"", detail);
    }
}

package dev.charter.registry.auth;

import java.util.List;

/**
 * Decides whether a request with this {@code Authorization} header (may be null) may perform
 * every access in {@code required}; an empty list means "any client the registry accepts at
 * all", which is what {@code GET /v2/} checks.
 */
public sealed interface Authenticator permits Authenticator.Open, BasicAuthenticator, TokenAuthenticator {

    Outcome authenticate(String authorization, String baseUrl, List<Access> required);

    /** No authentication: everyone may do everything. */
    record Open() implements Authenticator {
        @Override
        public Outcome authenticate(String authorization, String baseUrl, List<Access> required) {
            return new Outcome.Granted(Identity.ANONYMOUS);
        }
    }
}

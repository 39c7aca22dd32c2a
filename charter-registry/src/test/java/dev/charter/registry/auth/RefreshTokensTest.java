package dev.charter.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expiry, service binding and key separation of refresh tokens, on a clock the test moves. */
class RefreshTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, String> HASHES = Map.of("alice", "$2y$05$hash-of-alice");

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void expiresAfterItsLifetime() {
        String token = new RefreshTokens(SECRET, "svc", Duration.ofDays(1), at("2026-01-01T00:00:00Z")).issue("alice", HASHES.get("alice"));
        RefreshTokens dayLater = new RefreshTokens(SECRET, "svc", Duration.ofDays(1), at("2026-01-02T00:00:00Z"));
        RefreshTokens justAfter = new RefreshTokens(SECRET, "svc", Duration.ofDays(1), at("2026-01-02T00:00:01Z"));
        assertThat(dayLater.redeem(token, "svc", u -> Optional.ofNullable(HASHES.get(u)))).hasValue("alice");
        assertThat(justAfter.redeem(token, "svc", u -> Optional.ofNullable(HASHES.get(u)))).isEmpty();
    }

    @Test
    void boundToSecretServiceAndCredential() {
        Clock now = at("2026-01-01T00:00:00Z");
        String token = new RefreshTokens(SECRET, "svc", Duration.ofDays(1), now).issue("alice", HASHES.get("alice"));
        byte[] otherSecret = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertThat(new RefreshTokens(otherSecret, "svc", Duration.ofDays(1), now).redeem(token, null, u -> Optional.ofNullable(HASHES.get(u)))).isEmpty();
        assertThat(new RefreshTokens(SECRET, "other", Duration.ofDays(1), now).redeem(token, null, u -> Optional.ofNullable(HASHES.get(u)))).isEmpty();
        RefreshTokens tokens = new RefreshTokens(SECRET, "svc", Duration.ofDays(1), now);
        assertThat(tokens.redeem(token, "other", u -> Optional.ofNullable(HASHES.get(u)))).isEmpty();
        assertThat(tokens.redeem(token, null, u -> Optional.of("$2y$05$new-password"))).isEmpty();
        assertThat(tokens.redeem(token, null, u -> Optional.empty())).isEmpty();
        // the stored hash is not readable from the token
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("hash-of-alice");
        // access tokens signed with the same secret are no refresh tokens
        String jwt = new TokenService(SECRET, "svc", Duration.ofMinutes(5), now).issue(new Identity.User("alice"), java.util.List.of());
        assertThat(tokens.redeem(jwt, null, u -> Optional.ofNullable(HASHES.get(u)))).isEmpty();
    }
}

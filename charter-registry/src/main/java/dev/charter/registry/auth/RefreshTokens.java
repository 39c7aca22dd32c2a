package dev.charter.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth2 refresh tokens for the built-in token server (Distribution's {@code docs/spec/auth/oauth.md}):
 * long-lived, opaque to clients, and stateless, so nothing has to be stored or cleaned up. A token
 * is {@code base64url(claims) "." base64url(HMAC-SHA256)}; the claims name the user, the service,
 * an expiry and a fingerprint of the user's current htpasswd entry. Redeeming checks all four, so
 * changing a user's password or removing the user revokes every refresh token issued to them.
 *
 * <p>The signing key is derived from the access-token secret with a fixed label, so an access
 * token can never pass as a refresh token or the other way round (they also differ in shape: two
 * parts here, three in a JWT). Tokens are secrets: nothing here logs them or puts them in errors.
 */
public final class RefreshTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] KEY_LABEL = "charter registry refresh token v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final String service;
    private final Duration ttl;
    private final Clock clock;

    public RefreshTokens(byte[] secret, String service, Duration ttl, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("token signing secret must be at least 16 bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("refresh token lifetime must be positive");
        }
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), KEY_LABEL), "HmacSHA256");
        this.service = service;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * A new refresh token for {@code user}, whose htpasswd entry is currently {@code credentialHash};
     * the hash itself is not in the token, only a keyed fingerprint of it.
     */
    public String issue(String user, String credentialHash) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("sub", user);
        claims.put("aud", service);
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("cred", fingerprint(user, credentialHash));
        String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(hmac(key, payload.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The user a refresh token was issued to, when it is genuine, unexpired, for {@code forService}
     * (null: this service) and the user's htpasswd entry ({@code currentHash}) is unchanged.
     */
    public Optional<String> redeem(String token, String forService, Function<String, Optional<String>> currentHash) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || token.length() > 4096) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] actual = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(hmac(key, payload.getBytes(StandardCharsets.US_ASCII)), actual)) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            String user = claims.path("sub").asText("");
            if (user.isEmpty() || claims.path("exp").asLong(0) < clock.instant().getEpochSecond()
                    || !service.equals(claims.path("aud").asText())
                    || (forService != null && !forService.isEmpty() && !service.equals(forService))) {
                return Optional.empty();
            }
            Optional<String> hash = currentHash.apply(user);
            if (hash.isEmpty() || !MessageDigest.isEqual(
                    fingerprint(user, hash.get()).getBytes(StandardCharsets.US_ASCII),
                    claims.path("cred").asText("").getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            return Optional.of(user);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private String fingerprint(String user, String credentialHash) {
        byte[] input = (user + "\0" + credentialHash).getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(Arrays.copyOf(hmac(key, input), 16));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

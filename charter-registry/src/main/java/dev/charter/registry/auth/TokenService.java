package dev.charter.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the built-in Bearer tokens: compact JWTs signed with HMAC-SHA256 carrying
 * Distribution's {@code access} claim ({@code [{type, name, actions}]}). The registry is its own
 * token server, so a symmetric key is enough; configure {@code http.secret} to keep tokens valid
 * across restarts and between replicas.
 */
public final class TokenService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));

    private final SecretKeySpec key;
    private final String service;
    private final Duration ttl;
    private final Clock clock;

    public TokenService(byte[] secret, String service, Duration ttl, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("token signing secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.service = service;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String service() {
        return service;
    }

    public Duration ttl() {
        return ttl;
    }

    /** What a valid token says. */
    public record Claims(Identity identity, Set<Access> access) {
        public boolean allows(Access wanted) {
            return access.contains(wanted);
        }
    }

    /** A signed token for {@code identity} granting exactly {@code granted}. */
    public String issue(Identity identity, List<Scope> granted) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", service);
        claims.put("sub", identity instanceof Identity.User user ? user.name() : "");
        claims.put("aud", service);
        claims.put("iat", now);
        claims.put("nbf", now - 1);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (Scope scope : granted) {
            ObjectNode entry = access.addObject();
            entry.put("type", scope.type());
            entry.put("name", scope.name());
            ArrayNode actions = entry.putArray("actions");
            scope.actions().stream().sorted().forEach(actions::add);
        }
        String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    /** The claims of a token this service signed that has not expired; empty for anything else. */
    public Optional<Claims> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            byte[] actual = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(expected, actual) || !HEADER.equals(parts[0])) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = clock.instant().getEpochSecond();
            if (claims.path("exp").asLong(0) < now || claims.path("nbf").asLong(Long.MAX_VALUE) > now
                    || !service.equals(claims.path("aud").asText())) {
                return Optional.empty();
            }
            String subject = claims.path("sub").asText("");
            Identity identity = subject.isEmpty() ? Identity.ANONYMOUS : new Identity.User(subject);
            Set<Access> access = new HashSet<>();
            for (JsonNode entry : claims.path("access")) {
                for (JsonNode action : entry.path("actions")) {
                    access.add(new Access(entry.path("type").asText(), entry.path("name").asText(), action.asText()));
                }
            }
            return Optional.of(new Claims(identity, Set.copyOf(access)));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

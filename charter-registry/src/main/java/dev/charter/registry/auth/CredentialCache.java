package dev.charter.registry.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers credentials that passed bcrypt for a while. Entries are HMAC-SHA256 values of
 * {@code user NUL password} under a random per-process key, so neither the cache nor a heap dump
 * yields a password or even an offline-guessable hash. Lookup is a hash-map probe on the MAC;
 * the MAC itself is unguessable, so the probe leaks nothing useful through timing.
 */
public final class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private final byte[] secret = new byte[32];
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    public CredentialCache(Duration ttl, Clock clock) {
        new SecureRandom().nextBytes(secret);
        this.ttl = ttl;
        this.clock = clock;
    }

    public CredentialCache() {
        this(Duration.ofMinutes(5), Clock.systemUTC());
    }

    byte[] key(String user, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            mac.update(bytes);
            Arrays.fill(bytes, (byte) 0);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean contains(byte[] key) {
        Long until = verifiedUntil.get(Base64.getEncoder().encodeToString(key));
        return until != null && until > clock.millis();
    }

    void add(byte[] key) {
        if (verifiedUntil.size() >= MAX_ENTRIES) {
            long now = clock.millis();
            verifiedUntil.values().removeIf(until -> until <= now);
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.clear();
            }
        }
        verifiedUntil.put(Base64.getEncoder().encodeToString(key), clock.millis() + ttl.toMillis());
    }

    void clear() {
        verifiedUntil.clear();
    }
}

package dev.charter.oci.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ORAS' default retry policy ({@code registry/remote/retry}): up to {@code maxRetries} retries on
 * timeouts, 408, 429 and 5xx, exponential backoff {@code base * factor^n} with ±{@code jitter},
 * clamped to {@code [minWait, maxWait]}; a {@code Retry-After} in seconds wins when present.
 * Only idempotent requests (GET, HEAD) are retried, so an upload is never replayed blindly.
 */
public record RetryPolicy(int maxRetries, Duration base, double factor, double jitter, Duration minWait, Duration maxWait) {

    public static RetryPolicy oras() {
        return new RetryPolicy(5, Duration.ofMillis(250), 2, 0.1, Duration.ofMillis(200), Duration.ofSeconds(3));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, 1, 0, Duration.ZERO, Duration.ZERO);
    }

    public boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The pause before retry number {@code attempt} (0-based). */
    public Duration backoff(int attempt, String retryAfter) {
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                if (seconds >= 0) {
                    return clamp(Duration.ofSeconds(seconds));
                }
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to the computed backoff
            }
        }
        double millis = base.toMillis() * Math.pow(factor, attempt);
        double spread = millis * jitter;
        millis += spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread);
        return clamp(Duration.ofMillis((long) millis));
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(minWait) < 0) {
            return minWait;
        }
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }
}

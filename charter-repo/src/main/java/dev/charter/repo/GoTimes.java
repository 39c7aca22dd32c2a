package dev.charter.repo;

import dev.charter.sprig.GoTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The {@code time.Time} texts of index and lock files, as Go's JSON/YAML round trip writes them. */
public final class GoTimes {

    public static final String ZERO = "0001-01-01T00:00:00Z";

    private GoTimes() {
    }

    public static String rfc3339Nano(Instant instant, ZoneId zone) {
        return GoTime.of(instant, zone).rfc3339Nano();
    }

    /** Now, with nanoseconds as far as the clock gives them. */
    public static String now(ZoneId zone) {
        return rfc3339Nano(Instant.now(), zone);
    }

    /** Go's {@code time.Time} JSON round trip: parse RFC 3339 and write it back (null/empty → zero time). */
    public static String normalize(Object value) {
        if (value == null || value.toString().isEmpty()) {
            return ZERO;
        }
        String text = value.toString();
        try {
            return GoTime.parsed(OffsetDateTime.parse(text)).rfc3339Nano();
        } catch (RuntimeException e) {
            return text;
        }
    }
}

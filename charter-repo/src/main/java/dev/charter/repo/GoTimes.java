package dev.charter.repo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Go's {@code time.Time} text form ({@code RFC3339Nano}) as {@code json.Marshal} writes it. */
public final class GoTimes {

    public static final String ZERO = "0001-01-01T00:00:00Z";

    private GoTimes() {
    }

    public static String rfc3339Nano(Instant instant, ZoneId zone) {
        OffsetDateTime t = instant.atZone(zone).toOffsetDateTime();
        StringBuilder b = new StringBuilder(40);
        b.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond()));
        if (t.getNano() != 0) {
            String frac = String.format("%09d", t.getNano());
            int end = frac.length();
            while (end > 0 && frac.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(frac, 0, end);
        }
        ZoneOffset off = t.getOffset();
        b.append(off.getTotalSeconds() == 0 ? "Z" : off.getId());
        return b.toString();
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
            OffsetDateTime t = OffsetDateTime.parse(text);
            ZoneId zone = t.getOffset().getTotalSeconds() == 0 ? ZoneOffset.UTC : t.getOffset();
            return rfc3339Nano(t.toInstant(), zone);
        } catch (RuntimeException e) {
            return text;
        }
    }
}

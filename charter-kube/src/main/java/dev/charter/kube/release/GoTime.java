package dev.charter.kube.release;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A Go {@code time.Time} as it travels through Helm's JSON: an instant with the UTC offset it was
 * written with. Formatting is Go's, through Sprig's {@link dev.charter.sprig.GoTime}.
 */
public record GoTime(OffsetDateTime time) implements Comparable<GoTime> {

    /** Now, in the given zone (Go's {@code time.Now()} in Local). */
    public static GoTime now(ZoneId zone) {
        return new GoTime(ZonedDateTime.now(zone).toOffsetDateTime());
    }

    public static GoTime parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return new GoTime(OffsetDateTime.parse(text));
    }

    public Instant instant() {
        return time.toInstant();
    }

    /** The same instant as Go's {@code time.Time} after Helm's JSON round trip (its zone rule included). */
    public dev.charter.sprig.GoTime goTime() {
        return dev.charter.sprig.GoTime.parsed(time);
    }

    /** RFC 3339 with nanoseconds, trailing zeros dropped, {@code Z} for offset 0 ({@code MarshalJSON}). */
    public String rfc3339Nano() {
        return goTime().rfc3339Nano();
    }

    /** Go's {@code time.RFC3339} (seconds only). */
    public String rfc3339() {
        return format("2006-01-02T15:04:05Z07:00");
    }

    /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    public String goString() {
        return goTime().goString();
    }

    /** Go's {@code time.ANSIC}: {@code Mon Jan _2 15:04:05 2006}. */
    public String ansic() {
        return format("Mon Jan _2 15:04:05 2006");
    }

    /** Go's {@code Time.Format} with any Go layout ({@code --time-format}). */
    public String format(String layout) {
        return goTime().format(layout);
    }

    @Override
    public int compareTo(GoTime o) {
        return time.toInstant().compareTo(o.time.toInstant());
    }
}

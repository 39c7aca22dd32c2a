package dev.charter.kube.release;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A Go {@code time.Time} as it travels through Helm's JSON: an instant with the UTC offset it was
 * written with. Formats like Go's RFC3339Nano ({@code MarshalJSON}), {@code String()} and ANSIC.
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

    /** RFC 3339 with nanoseconds, trailing zeros dropped, {@code Z} for offset 0. */
    public String rfc3339Nano() {
        StringBuilder b = new StringBuilder(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(time));
        appendFraction(b);
        b.append(offsetText(true));
        return b.toString();
    }

    /** Go's {@code time.RFC3339} (seconds only). */
    public String rfc3339() {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(time) + offsetText(true);
    }

    private void appendFraction(StringBuilder b) {
        int nanos = time.getNano();
        if (nanos != 0) {
            String f = String.format(Locale.ROOT, "%09d", nanos).replaceFirst("0+$", "");
            b.append('.').append(f);
        }
    }

    private String offsetText(boolean colon) {
        int secs = time.getOffset().getTotalSeconds();
        if (secs == 0 && colon) {
            return "Z";
        }
        int mins = Math.abs(secs) / 60;
        return (secs < 0 ? "-" : "+") + String.format(Locale.ROOT, colon ? "%02d:%02d" : "%02d%02d", mins / 60, mins % 60);
    }

    /** Go's zone abbreviation: UTC for Z, the local zone's name when the offset matches it, else +hhmm. */
    private String zoneName() {
        int secs = time.getOffset().getTotalSeconds();
        if (secs == 0) {
            ZoneId local = ZoneId.systemDefault();
            if (local.getRules().getOffset(time.toInstant()).getTotalSeconds() != 0) {
                return "UTC";
            }
            String n = local.getDisplayName(TextStyle.SHORT, Locale.ROOT);
            return n.equals("Z") || n.equals("GMT") && !local.getId().equals("GMT") ? "UTC" : n;
        }
        ZoneId local = ZoneId.systemDefault();
        ZoneOffset lo = local.getRules().getOffset(time.toInstant());
        if (lo.equals(time.getOffset())) {
            boolean dst = local.getRules().isDaylightSavings(time.toInstant());
            java.util.TimeZone tz = java.util.TimeZone.getTimeZone(local);
            return tz.getDisplayName(dst, java.util.TimeZone.SHORT, Locale.ROOT);
        }
        return offsetText(false);
    }

    /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    public String goString() {
        StringBuilder b = new StringBuilder(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").format(time));
        appendFraction(b);
        int secs = time.getOffset().getTotalSeconds();
        int mins = Math.abs(secs) / 60;
        b.append(' ').append(secs < 0 ? '-' : '+').append(String.format(Locale.ROOT, "%02d%02d", mins / 60, mins % 60));
        b.append(' ').append(zoneName());
        return b.toString();
    }

    /** Go's {@code time.ANSIC}: {@code Mon Jan _2 15:04:05 2006}. */
    public String ansic() {
        String day = Integer.toString(time.getDayOfMonth());
        return DateTimeFormatter.ofPattern("EEE MMM ", Locale.ENGLISH).format(time)
                + (day.length() == 1 ? " " + day : day)
                + DateTimeFormatter.ofPattern(" HH:mm:ss uuuu", Locale.ENGLISH).format(time);
    }

    @Override
    public int compareTo(GoTime o) {
        return time.toInstant().compareTo(o.time.toInstant());
    }
}

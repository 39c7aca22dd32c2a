package dev.charter.sprig;

import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTypeName;
import dev.charter.template.value.GoTyped;
import dev.charter.template.value.GoVisible;
import dev.charter.template.value.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's {@code time.Time}: an instant with nanoseconds, a location and (for {@code now}) a monotonic
 * reading. Prints like Go ({@code 2006-01-02 15:04:05.999999999 -0700 MST}), formats and parses Go
 * layouts.
 */
@GoTypeName("time.Time")
public final class GoTime implements GoStringer, GoTyped {
    public static final GoType TYPE = new GoType("time.Time", Kind.STRUCT, GoTime.class);
    private static volatile ZoneId local = ZoneId.systemDefault();
    private static final long PROCESS_START = System.nanoTime();

    final long sec;
    final int nsec;
    final ZoneId zone;
    /** For fixed zones created by parsing: the name Go records (may be empty). */
    final String fixedName;
    final long mono; // nanoseconds since process start, or Long.MIN_VALUE

    GoTime(long sec, int nsec, ZoneId zone, String fixedName, long mono) {
        this.sec = sec;
        this.nsec = nsec;
        this.zone = zone;
        this.fixedName = fixedName;
        this.mono = mono;
    }

    /** Sets Go's {@code time.Local} (Helm runs with the process TZ; tests use UTC). */
    public static void setLocal(ZoneId zone) {
        local = zone;
    }

    public static ZoneId local() {
        return local;
    }

    public static GoTime now() {
        Instant i = Instant.now();
        return new GoTime(i.getEpochSecond(), i.getNano(), local, null, System.nanoTime() - PROCESS_START + 1);
    }

    public static GoTime zero() {
        return new GoTime(-62135596800L, 0, ZoneOffset.UTC, null, Long.MIN_VALUE);
    }

    public static GoTime unix(long sec, ZoneId zone) {
        return new GoTime(sec, 0, zone, null, Long.MIN_VALUE);
    }

    /** A time in {@code time.FixedZone(name, offset)} (BurntSushi/toml's "datetime-local" &amp; co). */
    public static GoTime fixed(long sec, int nsec, int offsetSeconds, String name) {
        return new GoTime(sec, nsec, ZoneOffset.ofTotalSeconds(offsetSeconds), name, Long.MIN_VALUE);
    }

    /** An instant shown in {@code zone} (Go's {@code t.In(zone)} of a wall-clock reading). */
    public static GoTime of(Instant instant, ZoneId zone) {
        return new GoTime(instant.getEpochSecond(), instant.getNano(), zone, null, Long.MIN_VALUE);
    }

    /**
     * What Go's {@code time.Parse} (and so {@code json.Unmarshal}) makes of an RFC 3339 text with this
     * offset: {@code Z} gives UTC, the offset Local has at that instant gives Local, any other a
     * nameless fixed zone. Offset 0 is taken as {@code Z}, the form Go writes it in.
     */
    public static GoTime parsed(OffsetDateTime t) {
        return parsed(t.toEpochSecond(), t.getNano(), t.getOffset().getTotalSeconds());
    }

    /** {@link #parsed(OffsetDateTime)} from its parts. */
    public static GoTime parsed(long sec, int nsec, int offsetSeconds) {
        if (offsetSeconds == 0) {
            return new GoTime(sec, nsec, ZoneOffset.UTC, null, Long.MIN_VALUE);
        }
        ZoneId l = local;
        if (l.getRules().getOffset(Instant.ofEpochSecond(sec, nsec)).getTotalSeconds() == offsetSeconds) {
            return new GoTime(sec, nsec, l, null, Long.MIN_VALUE);
        }
        return fixed(sec, nsec, offsetSeconds, "");
    }

    /** Go's {@code time.RFC3339Nano} text, as {@code MarshalJSON} writes it. */
    public String rfc3339Nano() {
        return format("2006-01-02T15:04:05.999999999Z07:00");
    }

    /** The name of a fixed zone made by {@link #fixed}, or null. */
    public String fixedZoneName() {
        return fixedName;
    }

    public GoTime in(ZoneId z) {
        return new GoTime(sec, nsec, z, null, mono);
    }

    public Instant instant() {
        return Instant.ofEpochSecond(sec, nsec);
    }

    ZonedDateTime zdt() {
        return instant().atZone(zone);
    }

    int offsetSeconds() {
        return zone.getRules().getOffset(instant()).getTotalSeconds();
    }

    /** The zone abbreviation Go would print for {@code MST}. */
    String zoneName() {
        if (fixedName != null) {
            return fixedName;
        }
        if (zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") || zone.getId().equals("Etc/UTC")
                || zone.getId().equals("Z")) {
            return "UTC";
        }
        if (zone instanceof ZoneOffset) {
            return "";
        }
        String n = DateTimeFormatter.ofPattern("zzz", Locale.US).format(zdt());
        if (n.startsWith("GMT") && n.length() > 3 || n.startsWith("UTC") && n.length() > 3) {
            int off = offsetSeconds() / 60;
            String sign = off < 0 ? "-" : "+";
            off = Math.abs(off);
            String s = sign + String.format("%02d", off / 60);
            if (off % 60 != 0) {
                s += String.format("%02d", off % 60);
            }
            return s;
        }
        return n;
    }

    public GoTime add(long nanos) {
        long s = sec + Math.floorDiv(nsec + nanos, 1_000_000_000L);
        int ns = (int) Math.floorMod(nsec + nanos, 1_000_000_000L);
        long m = mono == Long.MIN_VALUE ? mono : mono + nanos;
        return new GoTime(s, ns, zone, fixedName, m);
    }

    /** Go's t.Sub(u) in nanoseconds, saturating. */
    public long sub(GoTime u) {
        if (mono != Long.MIN_VALUE && u.mono != Long.MIN_VALUE) {
            return mono - u.mono;
        }
        try {
            return Math.addExact(Math.multiplyExact(sec - u.sec, 1_000_000_000L), (long) (nsec - u.nsec));
        } catch (ArithmeticException e) {
            return sec > u.sec ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    @GoVisible("Format")
    public String format(String layout) {
        return TimeLayout.format(this, layout);
    }

    @GoVisible("Unix")
    public GoInt unixSeconds() {
        return GoInt.int64(sec);
    }

    @GoVisible("UnixNano")
    public GoInt unixNano() {
        return GoInt.int64(sec * 1_000_000_000L + nsec);
    }

    @GoVisible("UnixMilli")
    public GoInt unixMilli() {
        return GoInt.int64(sec * 1000L + nsec / 1_000_000);
    }

    @GoVisible("Year")
    public long year() {
        return zdt().getYear();
    }

    @GoVisible("YearDay")
    public long yearDay() {
        return zdt().getDayOfYear();
    }

    @GoVisible("Day")
    public long day() {
        return zdt().getDayOfMonth();
    }

    @GoVisible("Hour")
    public long hour() {
        return zdt().getHour();
    }

    @GoVisible("Minute")
    public long minute() {
        return zdt().getMinute();
    }

    @GoVisible("Second")
    public long second() {
        return zdt().getSecond();
    }

    @GoVisible("Nanosecond")
    public long nanosecond() {
        return nsec;
    }

    @GoVisible("Month")
    public String month() {
        return zdt().getMonth().getDisplayName(TextStyle.FULL, Locale.US);
    }

    @GoVisible("Weekday")
    public String weekday() {
        return zdt().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
    }

    @GoVisible("UTC")
    public GoTime utc() {
        return new GoTime(sec, nsec, ZoneOffset.UTC, null, mono);
    }

    @GoVisible("Local")
    public GoTime toLocal() {
        return new GoTime(sec, nsec, local, null, mono);
    }

    @GoVisible("IsZero")
    public boolean isZero() {
        return sec == -62135596800L && nsec == 0;
    }

    @GoVisible("String")
    public String string() {
        return goString();
    }

    @Override
    public String goString() {
        String s = format("2006-01-02 15:04:05.999999999 -0700 MST");
        if (mono != Long.MIN_VALUE) {
            long m = mono;
            String sign = "+";
            if (m < 0) {
                sign = "-";
                m = -m;
            }
            s += " m=" + sign + (m / 1_000_000_000L) + "." + String.format("%09d", m % 1_000_000_000L);
        }
        return s;
    }

    String marshalJson() {
        int y = zdt().getYear();
        if (y < 0 || y > 9999) {
            throw new SprigException("json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]");
        }
        return format("2006-01-02T15:04:05.999999999Z07:00");
    }

    @Override
    public GoType goType() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoTime t && t.sec == sec && t.nsec == nsec && t.zone.equals(zone) && mono == t.mono;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sec) * 31 + nsec;
    }

    static LocalDateTime date(long year, long month, long day, long hour, long min, long sec, long nsec) {
        return LocalDateTime.of((int) year, 1, 1, 0, 0).plusMonths(month - 1).plusDays(day - 1).plusHours(hour)
                .plusMinutes(min).plusSeconds(sec).plusNanos(nsec);
    }
}

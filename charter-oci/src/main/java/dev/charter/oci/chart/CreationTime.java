package dev.charter.oci.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The {@code org.opencontainers.image.created} value Helm v4 writes: the archive's modification
 * time, RFC 3339 to the second, in the local time zone ({@code TZ}), {@code Z} only at offset 0.
 */
public final class CreationTime {

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private CreationTime() {
    }

    public static String of(Path archive, ZoneId zone) {
        try {
            return format(Files.getLastModifiedTime(archive).toInstant(), zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String format(Instant instant, ZoneId zone) {
        return RFC3339.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /**
     * The zone Go's {@code time.Local} would use for this {@code TZ} value: unset means the system
     * zone, empty or unknown means UTC, a leading {@code :} is ignored.
     */
    public static ZoneId zoneFromTz(String tz) {
        if (tz == null) {
            return ZoneId.systemDefault();
        }
        String name = tz.startsWith(":") ? tz.substring(1) : tz;
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            int zoneinfo = name.indexOf("zoneinfo/");
            if (zoneinfo >= 0) {
                try {
                    return ZoneId.of(name.substring(zoneinfo + "zoneinfo/".length()));
                } catch (DateTimeException ignored) {
                    // fall through to UTC
                }
            }
            return ZoneOffset.UTC;
        }
    }
}

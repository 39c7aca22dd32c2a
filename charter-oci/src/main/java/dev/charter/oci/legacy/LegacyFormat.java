package dev.charter.oci.legacy;

import java.time.Duration;
import java.util.Locale;

/** The human-readable sizes and ages Helm 3.0–3.6 printed (its {@code byteCountBinary}, go-units' {@code HumanDuration}). */
public final class LegacyFormat {

    private LegacyFormat() {
    }

    /** {@code 512 B}, {@code 2.4 KiB}, {@code 1.0 MiB}: Go's {@code %.1f} of the binary multiple. */
    public static String byteCountBinary(long b) {
        final long unit = 1024;
        if (b < unit) {
            return b + " B";
        }
        long div = unit;
        int exp = 0;
        for (long n = b / unit; n >= unit; n /= unit) {
            div *= unit;
            exp++;
        }
        return String.format(Locale.ROOT, "%.1f %ciB", (double) b / div, "KMGTPE".charAt(exp));
    }

    /** The first 7 characters of a 64-character hex digest; anything else unchanged. */
    public static String shortDigest(String hex) {
        return hex.length() == 64 ? hex.substring(0, 7) : hex;
    }

    /** go-units' {@code HumanDuration}, which {@code helm chart list} showed as CREATED. */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        double exactHours = d.toNanos() / 3.6e12;
        long hours = (long) (exactHours + 0.5);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return (hours / 24) + " days";
        } else if (hours < 24 * 30 * 2) {
            return (hours / 24 / 7) + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return (hours / 24 / 30) + " months";
        }
        return ((long) exactHours / 24 / 365) + " years";
    }
}

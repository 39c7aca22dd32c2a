package dev.charter.chart.loader;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Go's {@code time.RFC3339Nano} layout: fraction without trailing zeros, {@code Z} for UTC. */
final class GoTime {

    private GoTime() {
    }

    static String rfc3339Nano(OffsetDateTime t) {
        StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
        if (t.getNano() != 0) {
            String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
            b.append('.').append(frac);
        }
        ZoneOffset off = t.getOffset();
        if (off.getTotalSeconds() == 0) {
            b.append('Z');
        } else {
            b.append(off.getId());
        }
        return b.toString();
    }
}

package dev.charter.cli.kube;

import dev.charter.cli.CliException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.ParseDuration} for flag values (h, m, s, ms). */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    private Durations() {
    }

    static long parseMillis(String s) {
        if (s.equals("0")) return 0;
        Matcher m = PART.matcher(s);
        double total = 0;
        int pos = 0;
        while (m.find() && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> v * 3_600_000;
                case "m" -> v * 60_000;
                case "s" -> v * 1000;
                case "ms" -> v;
                default -> v / 1000;
            };
            pos = m.end();
        }
        if (pos != s.length() || pos == 0) {
            throw new CliException("invalid argument \"" + s + "\" for \"--timeout\" flag: time: invalid duration \"" + s + "\"");
        }
        return (long) total;
    }
}

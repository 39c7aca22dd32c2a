package dev.charter.cli.repo;

import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.oci.chart.CreationTime;
import dev.charter.yaml.GoJsonWriter;
import dev.charter.yaml.GoYaml;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Shared pieces of the repository commands: output formats, time zone, path display. */
final class RepoSupport {

    private RepoSupport() {
    }

    /** Helm's {@code -o} formats. */
    enum Format { TABLE, JSON, YAML }

    static Format format(String value) {
        return switch (value) {
            case "table" -> Format.TABLE;
            case "json" -> Format.JSON;
            case "yaml" -> Format.YAML;
            default -> throw new CliException("invalid argument \"" + value + "\" for \"-o, --output\" flag: invalid format type");
        };
    }

    /** {@code output.EncodeJSON}: compact JSON and a newline. */
    static String json(List<? extends Map<String, Object>> rows) {
        return GoJsonWriter.write(rows) + "\n";
    }

    /** {@code output.EncodeYAML}: sigs.k8s.io/yaml. */
    static String yaml(List<? extends Map<String, Object>> rows) {
        return GoYaml.marshal(rows);
    }

    static ZoneId zone(CliContext ctx) {
        return CreationTime.zoneFromTz(ctx.env().get("TZ"));
    }

    /** Go's {@code filepath.Clean}. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String c = java.nio.file.Path.of(path).normalize().toString();
        return c.isEmpty() ? "." : c;
    }

    private static final java.util.regex.Pattern DURATION_PART = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    /**
     * {@code --timeout} as Go's {@code time.ParseDuration} reads it ({@code 90s}, {@code 1m30s},
     * {@code 1.5h}); null means Helm's default of 2m0s. Errors read like pflag's.
     */
    static java.time.Duration timeout(String text) {
        if (text == null) {
            return java.time.Duration.ofMinutes(2);
        }
        String s = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        java.util.regex.Matcher m = DURATION_PART.matcher(s);
        double nanos = 0;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            double unit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            nanos += Double.parseDouble(m.group(1)) * unit;
            at = m.end();
        }
        if (s.equals("0")) {
            at = s.length();
        }
        if (!s.isEmpty() && at != s.length() && !s.equals("0")) {
            // Go names what went wrong: a number without a unit, or a unit it does not know
            java.util.regex.Matcher rest = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([^\\d.]*)").matcher(s);
            if (rest.find(at) && rest.start() == at) {
                String unit = rest.group(2);
                throw new dev.charter.cli.CliException("invalid argument \"" + text + "\" for \"--timeout\" flag: time: "
                        + (unit.isEmpty() ? "missing unit in duration " : "unknown unit " + dev.charter.yaml.GoJson.quote(unit) + " in duration ")
                        + dev.charter.yaml.GoJson.quote(text));
            }
        }
        if (s.isEmpty() || at != s.length()) {
            throw new dev.charter.cli.CliException("invalid argument \"" + text + "\" for \"--timeout\" flag: time: invalid duration \""
                    + text + "\"");
        }
        // Go: a zero (or negative) Client.Timeout means no timeout at all
        return text.startsWith("-") || nanos <= 0 ? java.time.Duration.ofDays(365) : java.time.Duration.ofNanos((long) nanos);
    }
}

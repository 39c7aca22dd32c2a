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
}

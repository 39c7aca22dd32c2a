package dev.charter.template.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One golden case: a template, its data (JSON, as Go saw it after Helm's YAML-to-JSON), and what
 * Go's text/template produced: the output, or the error text.
 *
 * @param data       JSON text of the data, or null when the case has no data (Go's nil)
 * @param parseError the error is a parse error; Helm reports those as {@code parse error at (LOC):
 *                   LAST}, keeping only the last {@code ": "}-separated part of Go's message, so
 *                   such cases are compared through that same transformation
 */
public record GoldenCase(String suite, String name, String template, String data, String output, String error,
                         boolean parseError) {
    /** The template name Helm gives the case file; errors carry it. */
    public static final String TEMPLATE_NAME = "c/templates/_t";

    public String toJsonLine() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"name\":").append(Json.quote(name));
        sb.append(",\"template\":").append(Json.quote(template));
        if (data != null) {
            sb.append(",\"data\":").append(Json.quote(data));
        }
        if (error != null) {
            sb.append(",\"error\":").append(Json.quote(error));
            if (parseError) {
                sb.append(",\"parseError\":true");
            }
        } else {
            sb.append(",\"output\":").append(Json.quote(output));
        }
        return sb.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    public static List<GoldenCase> read(Path file) throws IOException {
        String suite = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        List<GoldenCase> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) Json.parse(line);
            out.add(new GoldenCase(suite, (String) m.get("name"), (String) m.get("template"), (String) m.get("data"),
                    (String) m.get("output"), (String) m.get("error"), Boolean.TRUE.equals(m.get("parseError"))));
        }
        return out;
    }

    /** Helm's cleanupParseError applied to Go's parse error text. */
    public static String helmParseError(String goError) {
        String[] tokens = goError.split(": ", -1);
        if (tokens.length == 1) {
            return goError;
        }
        return "parse error at (" + tokens[1] + "): " + tokens[tokens.length - 1];
    }

    @Override
    public String toString() {
        return suite + "/" + name;
    }
}

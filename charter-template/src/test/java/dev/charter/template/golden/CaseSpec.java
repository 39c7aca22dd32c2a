package dev.charter.template.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written case format under {@code src/test/golden/cases/*.txt}:
 *
 * <pre>
 * #### case-name
 * #data: {"a": 1, "l": [1, "x"]}      (optional; one line of YAML/JSON, becomes the data)
 * template text, possibly
 * on several lines
 * </pre>
 *
 * The template is every line up to the next {@code ####} header joined with newlines (so it has
 * no trailing newline unless a blank line is left before the next header).
 */
public record CaseSpec(String suite, String name, String data, String template) {
    public static List<CaseSpec> read(Path file) throws IOException {
        String suite = file.getFileName().toString().replaceFirst("\\.txt$", "");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<CaseSpec> out = new ArrayList<>();
        String name = null;
        String data = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#### ")) {
                if (name != null) {
                    out.add(new CaseSpec(suite, name, data, String.join("\n", body)));
                }
                name = line.substring(5).trim();
                data = null;
                body = new ArrayList<>();
            } else if (name != null && body.isEmpty() && data == null && line.startsWith("#data: ")) {
                data = line.substring(7);
            } else if (name != null) {
                body.add(line);
            }
        }
        if (name != null) {
            out.add(new CaseSpec(suite, name, data, String.join("\n", body)));
        }
        return out;
    }
}

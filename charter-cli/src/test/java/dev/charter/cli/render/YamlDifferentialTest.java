package dev.charter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML layer against real Helm v4. {@code src/test/resources/yaml/valid.txt} holds documents
 * that must be read exactly as Helm reads them (templates print {@code toJson}, {@code toYaml} and
 * {@code toYamlPretty} of {@code .Values}); {@code malformed.txt} holds documents Helm rejects, fed
 * as chart values, as a {@code -f} file, as {@code Chart.yaml} and as a rendered manifest: the
 * error message must be identical. A case starts with {@code === name [crlf] [bom]}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YamlDifferentialTest {

    static final Path CORPUS = Path.of("src/test/resources/yaml");
    static final String CHART_YAML = "apiVersion: v2\nname: y\nversion: 0.1.0\n";

    HelmOracle helm;
    Path work;

    @BeforeAll
    void setUp() throws IOException {
        helm = HelmOracle.v4();
        work = Files.createTempDirectory("yaml-diff-");
    }

    /** {@code skip-chart}: Helm 4 names {@code loader.chartBase} for a non-map Chart.yaml (a loader matter, not YAML). */
    record Case(String name, String text, boolean skipShow) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> read(String file) throws IOException {
        List<Case> out = new ArrayList<>();
        String name = null;
        boolean crlf = false;
        boolean bom = false;
        boolean skipShow = false;
        StringBuilder body = new StringBuilder();
        List<String> lines = Files.readAllLines(CORPUS.resolve(file), StandardCharsets.UTF_8);
        lines.add("=== <end>");
        for (String line : lines) {
            if (line.startsWith("=== ")) {
                if (name != null) {
                    String t = body.toString().replace("\\t", "\t");
                    if (crlf) {
                        t = t.replace("\n", "\r\n");
                    }
                    if (bom) {
                        t = "\uFEFF" + t;
                    }
                    out.add(new Case(name, t, skipShow));
                }
                String[] w = line.substring(4).trim().split(" ");
                name = w[0];
                crlf = List.of(w).contains("crlf");
                bom = List.of(w).contains("bom");
                skipShow = List.of(w).contains("skip-chart");
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        return out;
    }

    static Stream<Arguments> valid() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Case c : read("valid.txt")) {
            out.add(Arguments.of(c, "values"));
            out.add(Arguments.of(c, "file"));
        }
        return out.stream();
    }

    static Stream<Arguments> malformed() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Case c : read("malformed.txt")) {
            for (String mode : List.of("values", "file", "chart", "show", "manifest")) {
                if ((mode.equals("show") || mode.equals("chart")) && c.skipShow()) {
                    continue;
                }
                out.add(Arguments.of(c, mode));
            }
        }
        return out.stream();
    }

    Path chart(String id, String chartYaml, String values, String template) throws IOException {
        Path dir = work.resolve(id);
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("Chart.yaml"), chartYaml);
        if (values != null) {
            Files.writeString(dir.resolve("values.yaml"), values);
        }
        Files.writeString(dir.resolve("templates/out.yaml"), template);
        return dir;
    }

    static final String PRINT = "# json: {{ toJson .Values }}\n"
            + "yaml: |\n{{ toYaml .Values | indent 2 }}\n"
            + "pretty: |\n{{ toYamlPretty .Values | indent 2 }}\n";

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("valid")
    void validSameAsHelm(Case c, String mode) throws IOException {
        String id = "v-" + mode + "-" + c.name();
        Path dir = chart(id, CHART_YAML, mode.equals("values") ? c.text() : null, PRINT);
        List<String> args = new ArrayList<>(List.of("template", "x", dir.toString()));
        if (mode.equals("file")) {
            Path f = work.resolve(id + ".yaml");
            Files.writeString(f, c.text());
            args.addAll(List.of("-f", f.toString()));
        }
        compare(args);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void malformedSameAsHelm(Case c, String mode) throws IOException {
        String id = "m-" + mode + "-" + c.name();
        List<String> args = new ArrayList<>();
        Path dir = switch (mode) {
            case "values" -> chart(id, CHART_YAML, c.text(), "a: 1\n");
            case "file" -> chart(id, CHART_YAML, null, "a: 1\n");
            case "chart", "show" -> chart(id, c.text(), null, "a: 1\n");
            default -> chart(id, CHART_YAML, null, c.text().replace("{{", "{{`{{`}}"));
        };
        if (mode.equals("show")) {
            args.addAll(List.of("show", "chart", dir.toString()));
        } else {
            args.addAll(List.of("template", "x", dir.toString()));
        }
        if (mode.equals("file")) {
            Path f = work.resolve(id + ".yaml");
            Files.writeString(f, c.text());
            args.addAll(List.of("-f", f.toString()));
        }
        compare(args);
    }

    void compare(List<String> args) {
        String[] argv = args.toArray(String[]::new);
        ProcessResult h = helm.run(work, argv);
        ProcessResult c = new CharterRunner(helm.environment()).run(work, argv);
        assertThat(c.err().replace("charter", "helm")).as("stderr").isEqualTo(h.err());
        assertThat(c.out()).as("stdout").isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit code").isEqualTo(h.exitCode());
    }
}

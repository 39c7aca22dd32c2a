package dev.charter.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.Charter;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken charts and hostile archives: Charter must fail exactly like Helm v4 (stderr, stdout, exit code). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedChartTest {

    Path tmp;
    HelmOracle helm;

    @BeforeAll
    void setUp() throws IOException {
        tmp = Files.createTempDirectory("chart-malformed-");
        helm = HelmOracle.v4();
        Map<String, Map<String, String>> dirs = new LinkedHashMap<>();
        dirs.put("badname", Map.of("Chart.yaml", "apiVersion: v2\nname: a/b\nversion: 1.0.0\n"));
        dirs.put("dotdot", Map.of("Chart.yaml", "apiVersion: v2\nname: ..\nversion: 1.0.0\n"));
        dirs.put("noname", Map.of("Chart.yaml", "apiVersion: v2\nversion: 1.0.0\n"));
        dirs.put("badversion", Map.of("Chart.yaml", "apiVersion: v2\nname: c\nversion: one\n"));
        dirs.put("noversion", Map.of("Chart.yaml", "apiVersion: v2\nname: c\n"));
        dirs.put("badtype", Map.of("Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\ntype: plugin\n"));
        dirs.put("unsupported", Map.of("Chart.yaml", "apiVersion: v9\nname: c\nversion: 1.0.0\n"));
        dirs.put("nochartyaml", Map.of("values.yaml", "a: 1\n"));
        dirs.put("invalidyaml", Map.of("Chart.yaml", "apiVersion: v2\nname: c\n  version: 1.0.0\n"));
        dirs.put("doublestar", Map.of("Chart.yaml", Fixtures.chartYaml("c", "1.0.0"), ".helmignore", "**/foo\n"));
        dirs.put("badschema", Map.of("Chart.yaml", Fixtures.chartYaml("c", "1.0.0"), "values.schema.json", "{\"type\": \n"));
        dirs.put("badvalues", Map.of("Chart.yaml", Fixtures.chartYaml("c", "1.0.0"), "values.yaml", "- a\n- b\n"));
        dirs.put("badalias", Map.of("Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: x\n  alias: bad.alias\n  repository: ''\n"));
        dirs.put("missingdep", Map.of("Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: x\n  repository: file://x\n- name: y\n  repository: file://y\n"));
        dirs.put("maintainersnull", Map.of("Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\nmaintainers:\n- \n"));
        for (Map.Entry<String, Map<String, String>> e : dirs.entrySet()) {
            Path d = tmp.resolve("dirs").resolve(e.getKey());
            Files.createDirectories(d);
            Fixtures.write(d, e.getValue());
        }
        Path a = Files.createDirectories(tmp.resolve("archives"));
        byte[] chartYaml = Fixtures.utf8(Fixtures.chartYaml("c", "1.0.0"));
        Files.write(a.resolve("parent.tgz"), Fixtures.tgz(Map.of("c/Chart.yaml", chartYaml, "c/../../evil", Fixtures.utf8("x")), Map.of()));
        Files.write(a.resolve("absolute.tgz"), Fixtures.tgz(Map.of("/c/Chart.yaml", chartYaml), Map.of()));
        Files.write(a.resolve("toplevel.tgz"), Fixtures.tgz(Map.of("Chart.yaml", chartYaml), Map.of()));
        Files.write(a.resolve("symlink.tgz"), Fixtures.tgz(Map.of("c/Chart.yaml", chartYaml), Map.of("c/templates/passwd.yaml", "/etc/passwd")));
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        Files.write(a.resolve("oversize.tgz"), Fixtures.tgz(Map.of("c/Chart.yaml", chartYaml, "c/big.txt", big), Map.of()));
        Files.write(a.resolve("empty.tgz"), Fixtures.tgz(Map.of(), Map.of()));
        Files.write(a.resolve("notgzip.tgz"), Fixtures.utf8("just some text\n"));
        Files.write(a.resolve("binary.tgz"), new byte[] {0, 1, 2, 3, 4, 5});
        Files.write(a.resolve("chart.yaml"), chartYaml);
        Files.write(a.resolve("nochart.tgz"), Fixtures.tgz(Map.of("c/values.yaml", Fixtures.utf8("a: 1\n")), Map.of()));
    }

    Stream<List<String>> cases() {
        String d = tmp.resolve("dirs").toString() + "/";
        String a = tmp.resolve("archives").toString() + "/";
        return Stream.of(
                List.of("package", d + "badname"), List.of("package", d + "dotdot"), List.of("package", d + "noname"),
                List.of("package", d + "badversion"), List.of("package", d + "noversion"), List.of("package", d + "badtype"),
                List.of("package", d + "unsupported"), List.of("package", d + "nochartyaml"), List.of("show", "chart", d + "nochartyaml"),
                List.of("package", d + "invalidyaml"), List.of("show", "chart", d + "invalidyaml"),
                List.of("package", d + "doublestar"), List.of("package", d + "badschema"), List.of("show", "values", d + "badvalues"),
                List.of("package", d + "badalias"), List.of("package", d + "missingdep"), List.of("package", d + "maintainersnull"),
                List.of("package", "--version", "one", d + "noversion"), List.of("package", "nosuch"), List.of("package"),
                List.of("show", "chart", a + "parent.tgz"), List.of("show", "chart", a + "absolute.tgz"),
                List.of("show", "chart", a + "toplevel.tgz"), List.of("show", "all", a + "symlink.tgz"),
                List.of("show", "chart", a + "oversize.tgz"), List.of("show", "chart", a + "empty.tgz"),
                List.of("show", "chart", a + "notgzip.tgz"), List.of("show", "chart", a + "binary.tgz"),
                List.of("show", "chart", a + "chart.yaml"), List.of("show", "chart", a + "nochart.tgz"),
                List.of("show", "chart", "./nosuch"), List.of("show", "chart", "nosuch"), List.of("show", "chart", "repo/chart"),
                List.of("show", "chart"), List.of("show", "readme", "/abs/nosuch"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void failsLikeHelm(List<String> args) throws IOException {
        Path work = Files.createTempDirectory(tmp, "work");
        ProcessResult h = helm.run(work, args.toArray(String[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Charter.execute(args.toArray(String[]::new), helm.environment(), work, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String helmErr = h.err().replace("helm ", "charter ");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(helmErr);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(h.out());
        assertThat(code).isEqualTo(h.exitCode());
    }
}

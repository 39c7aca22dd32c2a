package dev.charter.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.Charter;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code charter package/show/create} against the real Helm v4 binary on the same inputs:
 * uncompressed tar bytes, gzip header, stdout/stderr and exit codes must be identical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartDifferentialTest {

    Path tmp;

    HelmOracle helm;
    Map<String, String> env;

    record Run(int exitCode, byte[] stdout, String err) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    void setUp() throws IOException {
        tmp = Files.createTempDirectory("chart-diff-");
        helm = HelmOracle.v4();
        env = new LinkedHashMap<>(helm.environment());
        Path charts = tmp.resolve("charts");
        for (Map.Entry<String, Map<String, String>> e : Fixtures.charts().entrySet()) {
            Fixtures.write(charts.resolve(e.getKey()), e.getValue());
        }
        // large but legal file, generated rather than committed
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        Fixtures.write(charts.resolve("bigfile"), Map.of("Chart.yaml", Fixtures.chartYaml("bigfile", "0.1.0")));
        Files.createDirectories(charts.resolve("bigfile/files"));
        Files.write(charts.resolve("bigfile/files/big.txt"), big);
        // a long path Go splits into the USTAR prefix, and one it must put in a PAX record
        Fixtures.write(charts.resolve("longpath"), Map.of("Chart.yaml", Fixtures.chartYaml("longpath", "0.1.0"),
                "files/" + "d".repeat(60) + "/" + "e".repeat(60) + "/f.txt", "split\n",
                "files/" + "x".repeat(120), "pax\n"));
        // a subchart shipped as an archive (built by helm itself)
        Fixtures.write(charts.resolve("withtgz"), Map.of("Chart.yaml", Fixtures.chartYaml("withtgz", "0.1.0")));
        Fixtures.touchAll(charts, Fixtures.MTIME);
        Files.createDirectories(tmp.resolve("withtgz-build"));
        assertThat(helm.run(tmp.resolve("withtgz-build"), "package", charts.resolve("nested").toString()).exitCode()).isZero();
        Files.createDirectories(charts.resolve("withtgz/charts"));
        Files.copy(tmp.resolve("withtgz-build/nested-1.0.0.tgz"), charts.resolve("withtgz/charts/nested-1.0.0.tgz"));
        Files.setLastModifiedTime(charts.resolve("withtgz/charts/nested-1.0.0.tgz"), java.nio.file.attribute.FileTime.from(Fixtures.MTIME));
        // helm create output, generated now by the real helm
        assertThat(helm.run(charts, "create", "helmcreated").exitCode()).isZero();
        Fixtures.touchAll(charts.resolve("helmcreated"), Fixtures.MTIME);
    }

    Stream<String> fixtures() {
        List<String> names = new ArrayList<>(Fixtures.charts().keySet());
        names.addAll(List.of("bigfile", "longpath", "withtgz", "helmcreated"));
        return names.stream();
    }

    Run charter(Path workDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Charter.execute(args, env, workDir, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void packageMatchesHelm(String name) throws IOException {
        Path chart = tmp.resolve("charts").resolve(name);
        Path helmOut = Files.createDirectories(tmp.resolve("helm-pkg").resolve(name));
        Path ourOut = Files.createDirectories(tmp.resolve("our-pkg").resolve(name));
        ProcessResult h = helm.run(helmOut, "package", chart.toString());
        Run c = charter(ourOut, "package", chart.toString());
        assertThat(c.err()).isEqualTo(h.err());
        assertThat(c.exitCode()).isEqualTo(h.exitCode());
        assertThat(c.out().replace(ourOut.toString(), "<dir>")).isEqualTo(h.out().replace(helmOut.toString(), "<dir>"));
        if (h.exitCode() != 0) {
            return;
        }
        Path helmFile;
        try (Stream<Path> s = Files.list(helmOut)) {
            helmFile = s.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
        }
        Path ourFile = ourOut.resolve(helmFile.getFileName());
        assertThat(ourFile).exists();
        byte[] helmBytes = Files.readAllBytes(helmFile);
        byte[] ourBytes = Files.readAllBytes(ourFile);
        int headerLength = 10 + 2 + 41 + 5;
        assertThat(Arrays.copyOf(ourBytes, headerLength)).isEqualTo(Arrays.copyOf(helmBytes, headerLength));
        byte[] helmTar = gunzip(helmBytes);
        byte[] ourTar = gunzip(ourBytes);
        if (subchartCount(chart) <= 1) {
            assertThat(firstDifference(ourTar, helmTar)).as("first differing tar byte").isEqualTo(-1);
        } else {
            // Helm orders sibling subcharts randomly: compare the entries as a set
            assertThat(entries(ourTar)).containsExactlyInAnyOrderElementsOf(entries(helmTar));
        }
        // and what we wrote loads back in helm
        ProcessResult back = helm.run(ourOut, "show", "chart", ourFile.toString());
        assertThat(back.exitCode()).as(back.err()).isZero();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void showMatchesHelm(String name) throws IOException {
        Path chart = tmp.resolve("charts").resolve(name);
        Path archiveDir = Files.createDirectories(tmp.resolve("show-pkg").resolve(name));
        helm.run(archiveDir, "package", chart.toString());
        List<String> targets = new ArrayList<>(List.of(chart.toString()));
        try (Stream<Path> s = Files.list(archiveDir)) {
            s.forEach(p -> targets.add(p.toString()));
        }
        for (String target : targets) {
            for (String what : List.of("chart", "values", "readme", "crds", "all")) {
                ProcessResult h = helm.run(tmp, "show", what, target);
                Run c = charter(tmp, "show", what, target);
                assertThat(c.out()).as(what + " " + target).isEqualTo(h.out());
                assertThat(c.stdout()).isEqualTo(h.stdout());
                assertThat(c.err()).as(what + " " + target).isEqualTo(h.err());
                assertThat(c.exitCode()).isEqualTo(h.exitCode());
            }
        }
    }

    /** -1 when equal, else the first differing offset (with both tars dumped around it on failure). */
    static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                System.err.println("ours:  " + new String(a, Math.max(0, i - 64), Math.min(128, a.length - Math.max(0, i - 64)), StandardCharsets.ISO_8859_1));
                System.err.println("helm:  " + new String(b, Math.max(0, i - 64), Math.min(128, b.length - Math.max(0, i - 64)), StandardCharsets.ISO_8859_1));
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    static int subchartCount(Path chart) throws IOException {
        Path charts = chart.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(charts)) {
            return (int) s.count();
        }
    }

    static byte[] gunzip(byte[] data) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    static List<String> entries(byte[] tar) throws IOException {
        List<String> out = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.add(e.getName() + " " + e.getMode() + " " + e.getSize() + " " + e.getModTime().getTime()
                        + " " + Arrays.hashCode(in.readAllBytes()));
            }
        }
        return out;
    }

    @Test
    void createMatchesHelmMessagesAndProducesAChartHelmAccepts() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("create"));
        Files.writeString(work.resolve("afile"), "x");
        for (String name : List.of("Bad_Name", "nodir/x", "afile", "a b", "UP")) {
            Path theirs = Files.createDirectories(tmp.resolve("create-helm-" + name.replace('/', '_')));
            Path ours = Files.createDirectories(tmp.resolve("create-ours-" + name.replace('/', '_')));
            if (name.equals("afile")) {
                Files.writeString(ours.resolve("afile"), "x");
                Files.writeString(theirs.resolve("afile"), "x");
            }
            ProcessResult h = helm.run(theirs, "create", name);
            Run c = charter(ours, "create", name);
            assertThat(c.out()).isEqualTo(h.out());
            assertThat(c.err().replace(ours.toString(), "<d>"))
                    .isEqualTo(h.err().replace(tmp.resolve("create-helm-" + name.replace('/', '_')).toString(), "<d>"));
            assertThat(c.exitCode()).isEqualTo(h.exitCode());
        }
        Run c = charter(work, "create", "fresh");
        assertThat(c.out()).isEqualTo("Creating fresh\n");
        ProcessResult lint = helm.run(work, "lint", "fresh");
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        ProcessResult template = helm.run(work, "template", "rel", "fresh");
        assertThat(template.exitCode()).as(template.toString()).isZero();
        assertThat(template.out()).contains("kind: Deployment", "kind: Service");
    }
}

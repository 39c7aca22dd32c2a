package dev.charter.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same fixture charts against Helm 3.17.3, where Helm 3 and Helm 4 agree: archive entries (names,
 * order, modes, owners, contents — Helm 3 stamps every entry with the current time, so mtimes are
 * not compared) and {@code show chart|values|readme} output. {@code show crds|all} differ between
 * Helm 3 and 4 in their separators (spec §5); Charter follows Helm 4 there, and for charts without
 * CRDs all three agree, which is checked too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmV3ChartDifferentialTest {

    Path tmp;
    HelmOracle helm3;
    CharterRunner charter;

    @BeforeAll
    void setUp() throws IOException {
        tmp = Files.createTempDirectory("chart-diff-v3-");
        helm3 = HelmOracle.v3();
        charter = new CharterRunner(helm3.environment());
        for (Map.Entry<String, Map<String, String>> e : Fixtures.charts().entrySet()) {
            Fixtures.write(tmp.resolve("charts").resolve(e.getKey()), e.getValue());
        }
        Fixtures.touchAll(tmp.resolve("charts"), Fixtures.MTIME);
        assertThat(helm3.run(tmp.resolve("charts"), "create", "helm3created").exitCode()).isZero();
    }

    Stream<String> fixtures() {
        List<String> names = new ArrayList<>(Fixtures.charts().keySet());
        names.add("helm3created");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void archiveEntriesMatchHelm3(String name) throws IOException {
        Path chart = tmp.resolve("charts").resolve(name);
        Path helmOut = Files.createDirectories(tmp.resolve("helm3-pkg").resolve(name));
        Path ourOut = Files.createDirectories(tmp.resolve("our-pkg").resolve(name));
        ProcessResult h = helm3.run(helmOut, "package", chart.toString());
        ProcessResult c = charter.run(ourOut, "package", chart.toString());
        assertThat(c.exitCode()).as(c.err() + " / helm3: " + h.err()).isEqualTo(h.exitCode());
        if (h.exitCode() != 0) {
            return;
        }
        assertThat(c.out().replace(ourOut.toString(), "<dir>")).isEqualTo(h.out().replace(helmOut.toString(), "<dir>"));
        Path helmFile;
        try (Stream<Path> s = Files.list(helmOut)) {
            helmFile = s.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
        }
        List<String> ours = entries(ChartDifferentialTest.gunzip(Files.readAllBytes(ourOut.resolve(helmFile.getFileName()))));
        List<String> theirs = entries(ChartDifferentialTest.gunzip(Files.readAllBytes(helmFile)));
        if (ChartDifferentialTest.subchartCount(chart) <= 1) {
            assertThat(ours).containsExactlyElementsOf(theirs);
        } else {
            assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void showMatchesHelm3(String name) {
        Path chart = tmp.resolve("charts").resolve(name);
        boolean hasCrds = Files.isDirectory(chart.resolve("crds")) || hasNestedCrds(chart);
        List<String> subcommands = new ArrayList<>(List.of("chart", "values", "readme"));
        if (!hasCrds) {
            subcommands.addAll(List.of("crds", "all"));
        }
        for (String what : subcommands) {
            ProcessResult h = helm3.run(tmp, "show", what, chart.toString());
            ProcessResult c = charter.run(tmp, "show", what, chart.toString());
            assertThat(c.exitCode()).as(what + " " + name).isEqualTo(h.exitCode());
            assertThat(c.out()).as(what + " " + name).isEqualTo(h.out());
        }
    }

    private static boolean hasNestedCrds(Path chart) {
        try (Stream<Path> s = Files.walk(chart)) {
            return s.anyMatch(p -> p.getFileName().toString().equals("crds") && Files.isDirectory(p));
        } catch (IOException e) {
            return true;
        }
    }

    /** Entry name, type, mode, owner and content hash — everything but the mtime. */
    private static List<String> entries(byte[] tar) throws IOException {
        List<String> out = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.add(e.getName() + " " + (e.isFile() ? "f" : "o") + " " + Integer.toOctalString(e.getMode()) + " "
                        + e.getLongUserId() + ":" + e.getLongGroupId() + " " + e.getSize() + " " + Arrays.hashCode(in.readAllBytes()));
            }
        }
        return out;
    }
}

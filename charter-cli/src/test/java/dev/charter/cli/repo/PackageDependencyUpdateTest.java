package dev.charter.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code package --dependency-update} against Helm v4: same output, same archive contents. */
class PackageDependencyUpdateTest {

    @TempDir
    Path dir;

    @Test
    void updatesDependenciesBeforePackaging() throws IOException {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner(helm.environment());
        for (String side : List.of("helm", "charter")) {
            Path root = Files.createDirectories(dir.resolve(side));
            write(root.resolve("sub/Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 0.3.0\n");
            write(root.resolve("sub/values.yaml"), "x: 1\n");
            write(root.resolve("parent/Chart.yaml"), "apiVersion: v2\nname: parent\nversion: 1.0.0\n"
                    + "dependencies:\n- name: sub\n  version: \"~0.3\"\n  repository: file://../sub\n");
            write(root.resolve("parent/templates/cm.yaml"), "kind: ConfigMap\n");
        }
        ProcessResult h = helm.run(dir.resolve("helm"), "package", "-u", "parent");
        ProcessResult c = charter.run(dir.resolve("charter"), "package", "-u", "parent");
        assertThat(c.exitCode()).as(c.toString()).isEqualTo(h.exitCode()).isZero();
        assertThat(c.out().replace(dir.resolve("charter").toString(), "<dir>"))
                .isEqualTo(h.out().replace(dir.resolve("helm").toString(), "<dir>"));
        assertThat(c.err()).isEqualTo(h.err());
        assertThat(Files.readString(dir.resolve("charter/parent/Chart.lock")).replaceAll("generated: .*", ""))
                .isEqualTo(Files.readString(dir.resolve("helm/parent/Chart.lock")).replaceAll("generated: .*", ""));
        assertThat(names(dir.resolve("charter/parent-1.0.0.tgz"))).isEqualTo(names(dir.resolve("helm/parent-1.0.0.tgz")))
                .contains("parent/charts/sub/Chart.yaml", "parent/Chart.lock");
    }

    @Test
    void aMissingDependencyFailsLikeHelm() throws IOException {
        HelmOracle helm = HelmOracle.v4();
        write(dir.resolve("broken/Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 1.0.0\n"
                + "dependencies:\n- name: nothere\n  version: 1.0.0\n  repository: file://../nothere\n");
        ProcessResult h = helm.run(dir, "package", "-u", "broken");
        ProcessResult c = new CharterRunner(helm.environment()).run(dir, "package", "-u", "broken");
        assertThat(c.exitCode()).isEqualTo(h.exitCode()).isEqualTo(1);
        assertThat(c.err()).isEqualTo(h.err());
        assertThat(dir.resolve("broken-1.0.0.tgz")).doesNotExist();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> names(Path tgz) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(tgz)));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                out.add(e.getName());
            }
        }
        return out;
    }
}

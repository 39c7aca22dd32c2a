package dev.charter.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCI dependencies go through Charter's digest cache: a second {@code dependency update} with
 * nothing changed downloads no blob (Helm downloads the chart again), and the result is the same.
 */
class DependencyCacheTest {

    @TempDir
    Path dir;

    @Test
    void secondUpdateDownloadsNoBlob() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner(helm.environment());
        try (DistributionRegistry registry = DistributionRegistry.startOpen()) {
            assertThat(helm.run(dir, "create", "lib").exitCode()).isZero();
            assertThat(helm.run(dir, "package", "lib").exitCode()).isZero();
            assertThat(helm.run(dir, "push", "lib-0.1.0.tgz", "oci://" + registry.host() + "/deps", "--plain-http").exitCode()).isZero();
            Files.createDirectories(dir.resolve("app/templates"));
            Files.writeString(dir.resolve("app/Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n"
                    + "dependencies:\n- name: lib\n  version: \"^0.1\"\n  repository: oci://" + registry.host() + "/deps\n");
            ProcessResult first = charter.run(dir, "dependency", "update", "app", "--plain-http");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            byte[] archive = Files.readAllBytes(dir.resolve("app/charts/lib-0.1.0.tgz"));
            long blobGets = blobGets(registry);
            assertThat(blobGets).isPositive();

            ProcessResult second = charter.run(dir, "dependency", "update", "app", "--plain-http");
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.out()).isEqualTo(first.out());
            assertThat(blobGets(registry)).isEqualTo(blobGets);
            assertThat(dir.resolve("app/charts/lib-0.1.0.tgz")).hasBinaryContent(archive);
        }
    }

    private static long blobGets(DistributionRegistry registry) {
        return registry.logText().lines().filter(l -> l.contains("\"GET /v2/") && l.contains("/blobs/sha256:")).count();
    }
}

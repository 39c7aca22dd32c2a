package dev.charter.cli.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code charter search oci://…} (beyond Helm): versions of charts that real Helm pushed to Debian's
 * Distribution, read from config blobs only.
 */
class OciSearchTest {

    static DistributionRegistry registry;
    static HelmOracle helm;
    static CharterRunner charter;

    @TempDir
    static Path work;

    @BeforeAll
    static void publish() throws Exception {
        registry = DistributionRegistry.startOpen();
        helm = HelmOracle.v4();
        charter = new CharterRunner(helm.environment());
        ok(helm.run(work, "create", "mychart"));
        ok(helm.run(work, "create", "other"));
        Files.writeString(work.resolve("mychart/Chart.yaml"),
                Files.readString(work.resolve("mychart/Chart.yaml")).replace("description: A Helm chart for Kubernetes", "description: My <chart> & co"));
        for (String[] v : new String[][] {{"0.1.0", "1.0"}, {"0.2.0", "1.1"}, {"1.0.0-rc.1", "2.0-rc"}, {"1.0.0+build.5", "2.0"}}) {
            ok(helm.run(work, "package", "mychart", "--version", v[0], "--app-version", v[1]));
            ok(helm.run(work, "push", "mychart-" + v[0] + ".tgz", "oci://" + registry.host() + "/charts", "--plain-http"));
        }
        ok(helm.run(work, "package", "other", "--version", "2.0.0"));
        ok(helm.run(work, "push", "other-2.0.0.tgz", "oci://" + registry.host() + "/charts", "--plain-http"));
        ok(helm.run(work, "push", "other-2.0.0.tgz", "oci://" + registry.host() + "/elsewhere", "--plain-http"));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private ProcessResult search(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "search";
        System.arraycopy(args, 0, all, 1, args.length);
        return ok(charter.run(work, all));
    }

    @Test
    void newestStableVersionOfAChart() {
        String ref = "oci://" + registry.host() + "/charts/mychart";
        ProcessResult r = search(ref, "--plain-http");
        assertThat(r.out()).isEqualTo(
                "NAME                                   \tCHART VERSION\tAPP VERSION\tDESCRIPTION    \n".replace("NAME                                   ", pad("NAME", ref.length()))
                        + ref + "\t1.0.0+build.5\t2.0        \tMy <chart> & co\n");
        assertThat(r.err()).isEmpty();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    @Test
    void versionsConstraintsAndPrereleases() {
        String ref = "oci://" + registry.host() + "/charts/mychart";
        assertThat(search(ref, "--plain-http", "--versions", "-o", "json").out()).isEqualTo("["
                + "{\"name\":\"" + ref + "\",\"version\":\"1.0.0+build.5\",\"app_version\":\"2.0\",\"description\":\"My \\u003cchart\\u003e \\u0026 co\"},"
                + "{\"name\":\"" + ref + "\",\"version\":\"0.2.0\",\"app_version\":\"1.1\",\"description\":\"My \\u003cchart\\u003e \\u0026 co\"},"
                + "{\"name\":\"" + ref + "\",\"version\":\"0.1.0\",\"app_version\":\"1.0\",\"description\":\"My \\u003cchart\\u003e \\u0026 co\"}]\n");
        assertThat(search(ref, "--plain-http", "--versions", "--devel", "-o", "yaml").out())
                .contains("version: 1.0.0-rc.1").contains("version: 1.0.0+build.5");
        assertThat(search(ref, "--plain-http", "--version", "<1.0.0", "-o", "yaml").out())
                .isEqualTo("- app_version: \"1.1\"\n  description: My <chart> & co\n  name: " + ref + "\n  version: 0.2.0\n");
    }

    @Test
    void namespaceListsEveryChartBelowIt() {
        ProcessResult r = search("oci://" + registry.host() + "/charts", "--plain-http", "-o", "yaml");
        assertThat(r.out()).contains("name: oci://" + registry.host() + "/charts/mychart\n  version: 1.0.0+build.5")
                .contains("name: oci://" + registry.host() + "/charts/other\n  version: 2.0.0")
                .doesNotContain("elsewhere");
        assertThat(search("oci://" + registry.host() + "/nothing-here", "--plain-http").out()).isEqualTo("No results found\n");
    }

    @Test
    void namespaceOnCharterRegistry() throws Exception {
        try (dev.charter.registry.RegistryServer own = dev.charter.registry.RegistryServer.builder()
                .root(Files.createTempDirectory(work, "own-")).port(0).start()) {
            ok(helm.run(work, "push", "other-2.0.0.tgz", "oci://" + own.host() + "/team/charts", "--plain-http"));
            ProcessResult r = search("oci://" + own.host() + "/team", "--plain-http", "-o", "yaml");
            assertThat(r.out()).isEqualTo("- app_version: 1.16.0\n  description: A Helm chart for Kubernetes\n  name: oci://"
                    + own.host() + "/team/charts/other\n  version: 2.0.0\n");
        }
    }

    @Test
    void configBlobsComeFromTheCacheTheSecondTime() {
        String ref = "oci://" + registry.host() + "/charts/mychart";
        search(ref, "--plain-http", "--versions");
        long before = blobGets();
        ProcessResult again = search(ref, "--plain-http", "--versions");
        assertThat(again.out()).contains("0.1.0");
        assertThat(blobGets()).isEqualTo(before);
    }

    private static long blobGets() {
        return registry.logText().lines().filter(l -> l.contains("\"GET /v2/") && l.contains("/blobs/sha256:")).count();
    }

    @Test
    void badInputIsAnError() {
        ProcessResult notOci = charter.run(work, "search", "nope");
        assertThat(notOci.exitCode()).isEqualTo(1);
        assertThat(notOci.err()).isEqualTo("Error: unknown command \"nope\" for \"charter search\"\n");
        ProcessResult unreachable = charter.run(work, "search", "oci://127.0.0.1:1/charts/x", "--plain-http");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("Error: Get \"http://127.0.0.1:1/v2/charts/x/tags/list\": dial tcp 127.0.0.1:1: connect: connection refused");
    }
}

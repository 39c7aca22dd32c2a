package dev.charter.cli.repo;

import static dev.charter.cli.repo.RepoFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** charter mirror from a real HTTP repository and from an OCI namespace into a real registry, checked with Helm. */
class MirrorCommandTest {

    static Path root;
    static Path charts;
    static Path broken;
    static FileServer server;
    static FileServer brokenServer;
    static DistributionRegistry registry;
    static HelmOracle helm;

    @BeforeAll
    static void setUp() throws Exception {
        helm = HelmOracle.v4();
        root = Files.createTempDirectory("mirror-");
        charts = root.resolve("charts");
        Path work = root.resolve("work");
        for (String v : List.of("0.1.0", "0.2.0", "1.0.0-rc.1", "1.0.0+build.5")) {
            RepoFixtures.chart(helm, work, charts, "alpha", v, "");
        }
        RepoFixtures.chart(helm, work, charts, "beta", "0.1.0", "");
        Files.writeString(charts.resolve("beta-0.1.0.tgz.prov"), "-----BEGIN PGP SIGNED MESSAGE-----\nnot really signed\n");
        ok(helm.run(root, "repo", "index", charts.toString()));
        server = FileServer.start(charts);
        broken = root.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(charts.resolve("beta-0.1.0.tgz"), broken.resolve("beta-0.1.0.tgz"));
        Files.writeString(broken.resolve("index.yaml"), """
                apiVersion: v1
                entries:
                  beta:
                  - apiVersion: v2
                    name: beta
                    version: 0.1.0
                    digest: 0000000000000000000000000000000000000000000000000000000000000000
                    urls: [beta-0.1.0.tgz]
                  gone:
                  - apiVersion: v2
                    name: gone
                    version: 1.0.0
                    urls: [gone-1.0.0.tgz]
                """);
        brokenServer = FileServer.start(broken);
        registry = DistributionRegistry.startOpen();
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
        brokenServer.close();
        registry.close();
    }

    private static CharterRunner charter() {
        return new CharterRunner(HelmOracle.v4().environment());
    }

    @Test
    void mirrorsAnIndexRepositoryResumablyWithProvenance(@TempDir Path wd) throws Exception {
        String dest = "oci://" + registry.host() + "/mirror";
        CharterRunner charter = charter();
        ProcessResult dry = charter.run(wd, "mirror", server.url(), dest, "--plain-http", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would copy alpha 1.0.0+build.5 -> " + dest + "/alpha:1.0.0_build.5")
                .contains("Dry run: 5 to copy, 0 skipped");
        ProcessResult first = charter.run(wd, "mirror", server.url(), dest, "--plain-http", "--jobs", "3");
        assertThat(first.exitCode()).as(first.err() + first.out()).isZero();
        assertThat(first.out()).contains("Mirror complete: 5 copied, 0 skipped, 0 failed")
                .containsPattern("copied  beta 0.1.0 -> .* with provenance");
        // what Helm pulls is byte-identical to the source archives; the .prov came along
        for (String[] c : List.of(new String[] {"alpha", "0.2.0"}, new String[] {"alpha", "1.0.0+build.5"}, new String[] {"beta", "0.1.0"})) {
            Path out = Files.createDirectories(wd.resolve("pulled-" + c[0] + c[1]));
            ok(helm.run(out, "pull", dest + "/" + c[0], "--version", c[1], "--plain-http", "--prov"));
            assertThat(Files.readAllBytes(out.resolve(c[0] + "-" + c[1] + ".tgz")))
                    .isEqualTo(Files.readAllBytes(charts.resolve(c[0] + "-" + c[1] + ".tgz")));
        }
        assertThat(wd.resolve("pulled-beta0.1.0/beta-0.1.0.tgz.prov")).hasContent(Files.readString(charts.resolve("beta-0.1.0.tgz.prov")));
        ProcessResult again = charter.run(wd, "mirror", server.url(), dest, "--plain-http");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Mirror complete: 0 copied, 5 skipped, 0 failed");
        ProcessResult some = charter.run(wd, "mirror", server.url(), "oci://" + registry.host() + "/some", "--plain-http",
                "--chart", "alpha", "--version", "^0.1 || >=1.0.0-0");
        assertThat(some.out()).contains("Mirror complete: 3 copied, 0 skipped, 0 failed").doesNotContain("alpha 0.2.0");
        ProcessResult future = charter.run(wd, "mirror", server.url(), "oci://" + registry.host() + "/none", "--plain-http",
                "--since", "2999-01-01");
        assertThat(future.out()).contains("Mirror complete: 0 copied, 0 skipped, 0 failed");
        // by repository name, as configured with repo add
        ok(charter.run(wd, "repo", "add", "src", server.url()));
        ProcessResult byName = charter.run(wd, "mirror", "src", dest, "--plain-http", "--chart", "beta");
        assertThat(byName.out()).contains("Mirror complete: 0 copied, 1 skipped, 0 failed");
    }

    @Test
    void mirrorsBetweenOciNamespaces(@TempDir Path wd) throws Exception {
        String src = "oci://" + registry.host() + "/ocisrc";
        for (String f : List.of("alpha-0.1.0.tgz", "alpha-1.0.0+build.5.tgz", "beta-0.1.0.tgz")) {
            ok(helm.run(wd, "push", charts.resolve(f).toString(), src, "--plain-http"));
        }
        CharterRunner charter = charter();
        String dest = "oci://" + registry.host() + "/ocidst";
        ProcessResult r = charter.run(wd, "mirror", src, dest, "--plain-http", "--jobs", "2");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("Mirror complete: 3 copied, 0 skipped, 0 failed");
        ok(helm.run(wd, "pull", dest + "/alpha", "--version", "1.0.0+build.5", "--plain-http"));
        assertThat(Files.readAllBytes(wd.resolve("alpha-1.0.0+build.5.tgz"))).isEqualTo(Files.readAllBytes(charts.resolve("alpha-1.0.0+build.5.tgz")));
        ProcessResult again = charter.run(wd, "mirror", src, dest, "--plain-http");
        assertThat(again.out()).contains("Mirror complete: 0 copied, 3 skipped, 0 failed");
    }

    @Test
    void failuresAreReportedAndExitNonZero(@TempDir Path wd) {
        CharterRunner charter = charter();
        ProcessResult r = charter.run(wd, "mirror", brokenServer.url(), "oci://" + registry.host() + "/broken", "--plain-http");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("Mirror complete: 0 copied, 0 skipped, 2 failed")
                .contains("beta 0.1.0: digest mismatch: source says sha256:0000000000000000000000000000000000000000000000000000000000000000")
                .contains("gone 1.0.0: failed to fetch " + brokenServer.url() + "/gone-1.0.0.tgz : 404 Not Found");
        assertThat(r.err()).isEqualTo("Error: 2 chart version(s) could not be mirrored\n");
        ProcessResult bad = charter.run(wd, "mirror", server.url(), "http://example.com");
        assertThat(bad.err()).contains("destination must be an oci:// namespace");
        ProcessResult unreachable = charter.run(wd, "mirror", "http://127.0.0.1:1", "oci://" + registry.host() + "/x", "--plain-http");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("Error: looks like \"http://127.0.0.1:1\" is not a valid chart repository");
    }
}

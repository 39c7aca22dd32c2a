package dev.charter.cli.repo;

import static dev.charter.cli.repo.DependencyCommandsTest.sameCharts;
import static dev.charter.cli.repo.RepoFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.provenance.KeyGenerator;
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

/**
 * {@code dependency update|build --verify --keyring}: signed, unsigned and wrongly signed
 * dependencies from a Jetty-served repository and from Distribution, compared with Helm v4.
 */
class DependencyVerifyTest {

    static Path root;
    static Path keys;
    static FileServer server;
    static DistributionRegistry registry;
    static HelmOracle builder;
    static String oci;

    @BeforeAll
    static void setUp() throws Exception {
        builder = HelmOracle.v4();
        root = Files.createTempDirectory("dep-verify-");
        keys = Files.createDirectories(root.resolve("keys"));
        KeyGenerator.GeneratedKey signer = KeyGenerator.forUser("signer").generate();
        signer.writeSecretKeyring(keys.resolve("secring.gpg"));
        signer.writePublicKeyring(keys.resolve("pubring.gpg"));
        KeyGenerator.GeneratedKey other = KeyGenerator.forUser("other").generate();
        other.writeSecretKeyring(keys.resolve("other-sec.gpg"));
        other.writePublicKeyring(keys.resolve("other-pub.gpg"));
        Path charts = Files.createDirectories(root.resolve("charts"));
        CharterRunner packager = new CharterRunner(builder.environment());
        Path work = Files.createDirectories(root.resolve("work"));
        for (String[] c : List.of(new String[] {"signed", "0.1.0", "secring.gpg", "signer"},
                new String[] {"forged", "0.1.0", "other-sec.gpg", "other"})) {
            Path dir = Files.createDirectories(work.resolve(c[0]));
            ok(builder.run(dir, "create", c[0]));
            ok(packager.run(dir, "package", c[0], "--sign", "--key", c[3], "--keyring", keys.resolve(c[2]).toString(),
                    "-d", charts.toString()));
        }
        RepoFixtures.chart(builder, work, charts, "plain", "0.1.0", "");
        // a provenance file signed for another archive: the digest does not match
        Files.copy(charts.resolve("signed-0.1.0.tgz.prov"), charts.resolve("plain-0.1.0.tgz.prov"));
        ok(builder.run(root, "repo", "index", charts.toString()));
        server = FileServer.start(charts);
        registry = DistributionRegistry.startOpen();
        oci = "oci://" + registry.host() + "/charts";
        for (String f : List.of("signed-0.1.0.tgz", "forged-0.1.0.tgz")) {
            ok(builder.run(charts, "push", f, oci, "--plain-http"));
        }
        Path bare = Files.createDirectories(root.resolve("bare"));
        Path unsignedOci = RepoFixtures.chart(builder, work.resolve("bare"), bare, "unsigned", "0.1.0", "");
        ok(builder.run(root, "push", unsignedOci.toString(), oci, "--plain-http"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
        registry.close();
    }

    private static void twin(Path wd, String deps) throws java.io.IOException {
        DependencyCommandsTest.twin(builder, wd, deps);
    }

    /**
     * {@link DependencyCommandsTest#same} with the download directory's pid masked: Helm names
     * {@code tmpcharts-<pid>} in the "Could not verify … for moving" line about the {@code .prov}.
     */
    private static ProcessResult same(RepoFixtures.Pair p, Path wd, String... args) {
        ProcessResult h = masked(RepoFixtures.homeless(RepoFixtures.asCharter(p.helm.run(wd.resolve("h"), args)), p.helm.home()), wd.resolve("h"));
        ProcessResult c = masked(RepoFixtures.homeless(p.charter.run(wd.resolve("c"), args), p.charterHome.home()), wd.resolve("c"));
        assertThat(c.exitCode()).as("exit code of %s; charter: %s%s helm: %s%s", List.of(args), c.out(), c.err(), h.out(), h.err())
                .isEqualTo(h.exitCode());
        assertThat(c.out()).as("stdout of %s", List.of(args)).isEqualTo(h.out());
        assertThat(c.err()).as("stderr of %s", List.of(args)).isEqualTo(h.err());
        return c;
    }

    private static ProcessResult masked(ProcessResult r, Path side) {
        java.util.function.UnaryOperator<String> f = s -> s.replace(side.toString(), "<WD>").replaceAll("tmpcharts-\\d+", "tmpcharts-<pid>");
        return new ProcessResult(r.exitCode(), f.apply(r.out()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                f.apply(r.err()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String deps(String name, String repository) {
        return """
                dependencies:
                - name: %s
                  version: 0.1.0
                  repository: "%s"
                """.formatted(name, repository);
    }

    private static String[] verify(String cmd, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("dependency", cmd, "parent", "--verify", "--keyring",
                keys.resolve("pubring.gpg").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void signedRepositoryDependencyVerifies(@TempDir Path wd) throws Exception {
        twin(wd, deps("signed", server.url()));
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        ProcessResult r = same(p, wd, verify("update"));
        assertThat(r.exitCode()).isZero();
        sameCharts(wd, true);
        assertThat(wd.resolve("c/parent/charts/signed-0.1.0.tgz")).exists();
        same(p, wd, verify("build"));
        sameCharts(wd, true);
    }

    @Test
    void repositoryFailuresMatchHelm(@TempDir Path wd) throws Exception {
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        twin(wd.resolve("b"), deps("forged", server.url()));
        twin(wd.resolve("c"), deps("plain", server.url()));
        assertThat(same(p, wd.resolve("b"), verify("update")).err()).contains("openpgp: signature made by unknown entity");
        assertThat(same(p, wd.resolve("c"), verify("update")).err()).contains("provenance does not contain a SHA for a file named \"plain-0.1.0.tgz\"");
        // without --verify the same charts are accepted
        assertThat(same(p, wd.resolve("c"), "dependency", "update", "parent").exitCode()).isZero();
        // build with a lock: the failure comes from the download step as well
        assertThat(same(p, wd.resolve("c"), verify("build", "--skip-refresh")).exitCode()).isEqualTo(1);
        // a keyring that does not exist
        assertThat(same(p, wd.resolve("b"), "dependency", "update", "parent", "--verify", "--keyring",
                keys.resolve("missing.gpg").toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void unsignedRepositoryDependencyFails(@TempDir Path wd) throws Exception {
        Path charts = root.resolve("charts");
        assertThat(charts.resolve("forged-0.1.0.tgz.prov")).exists();
        Files.createDirectories(root.resolve("nosig"));
        Path alone = root.resolve("nosig");
        if (!Files.exists(alone.resolve("index.yaml"))) {
            RepoFixtures.chart(builder, root.resolve("work/nosig"), alone, "lonely", "0.1.0", "");
            ok(builder.run(root, "repo", "index", alone.toString()));
        }
        try (FileServer s = FileServer.start(alone)) {
            twin(wd, deps("lonely", s.url()));
            RepoFixtures.Pair p = new RepoFixtures.Pair();
            assertThat(same(p, wd, verify("update")).err()).contains("failed to fetch provenance \"" + s.url() + "/lonely-0.1.0.tgz.prov\"");
            assertThat(wd.resolve("c/parent/charts")).isEmptyDirectory();
        }
    }

    @Test
    void ociDependenciesVerifyTheProvenanceLayer(@TempDir Path wd) throws Exception {
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        twin(wd.resolve("ok"), deps("signed", oci));
        assertThat(same(p, wd.resolve("ok"), verify("update", "--plain-http")).exitCode()).isZero();
        sameCharts(wd.resolve("ok"), true);
        assertThat(same(p, wd.resolve("ok"), verify("build", "--plain-http")).exitCode()).isZero();
        twin(wd.resolve("forged"), deps("forged", oci));
        assertThat(same(p, wd.resolve("forged"), verify("update", "--plain-http")).err()).contains("unknown entity");
        twin(wd.resolve("unsigned"), deps("unsigned", oci));
        assertThat(same(p, wd.resolve("unsigned"), verify("update", "--plain-http")).err()).contains("failed to fetch provenance");
    }
}

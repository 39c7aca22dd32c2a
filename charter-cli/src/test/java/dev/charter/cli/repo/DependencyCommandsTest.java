package dev.charter.cli.repo;

import static dev.charter.cli.repo.RepoFixtures.ok;
import static dev.charter.cli.repo.RepoFixtures.withoutTimes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dependency update/build/list with HTTP, OCI and file:// dependencies, compared with Helm file by file. */
class DependencyCommandsTest {

    static Path root;
    static Path charts;
    static FileServer server;
    static FileServer unmanaged;
    static FileServer privateServer;
    static DistributionRegistry registry;
    static HelmOracle builder;

    @BeforeAll
    static void setUp() throws Exception {
        builder = HelmOracle.v4();
        root = Files.createTempDirectory("dep-cmds-");
        charts = root.resolve("charts");
        Path work = root.resolve("work");
        for (String v : List.of("0.1.0", "0.2.0", "0.3.0-rc.1", "1.0.0")) {
            RepoFixtures.chart(builder, work, charts, "alpha", v, "");
        }
        RepoFixtures.chart(builder, work, charts, "beta", "0.1.0", "");
        Path rich = RepoFixtures.chart(builder, work, root.resolve("oci"), "rich", "1.2.3+build.7", "");
        ok(builder.run(root, "repo", "index", charts.toString()));
        server = FileServer.start(charts);
        unmanaged = FileServer.start(charts);
        privateServer = FileServer.startWithBasicAuth(charts, "bob", "pw");
        registry = DistributionRegistry.startOpen();
        for (String f : List.of("alpha-0.1.0.tgz", "alpha-0.2.0.tgz", "alpha-1.0.0.tgz")) {
            ok(builder.run(root, "push", charts.resolve(f).toString(), "oci://" + registry.host() + "/charts", "--plain-http"));
        }
        ok(builder.run(root, "push", rich.toString(), "oci://" + registry.host() + "/charts", "--plain-http"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
        unmanaged.close();
        privateServer.close();
        registry.close();
    }

    /** The same chart tree under {@code h/} (for Helm) and {@code c/} (for Charter), mtimes preserved. */
    static void twin(Path wd, String parentChartYamlDeps) throws IOException {
        twin(builder, wd, parentChartYamlDeps);
    }

    static void twin(HelmOracle builder, Path wd, String parentChartYamlDeps) throws IOException {
        Path src = wd.resolve("src");
        ok(builder.run(Files.createDirectories(src), "create", "parent"));
        ok(builder.run(src, "create", "sub"));
        Files.writeString(src.resolve("parent/Chart.yaml"), Files.readString(src.resolve("parent/Chart.yaml")) + parentChartYamlDeps);
        for (String side : List.of("h", "c")) {
            copyTree(src, wd.resolve(side));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Helm runs in {@code wd/h}, Charter in {@code wd/c}; outputs must be identical. */
    static ProcessResult same(RepoFixtures.Pair p, Path wd, String... args) {
        ProcessResult h = RepoFixtures.homeless(RepoFixtures.asCharter(p.helm.run(wd.resolve("h"), args)), p.helm.home());
        ProcessResult c = RepoFixtures.homeless(p.charter.run(wd.resolve("c"), args), p.charterHome.home());
        assertThat(c.exitCode()).as("exit code of %s; charter: %s%s helm: %s%s", List.of(args), c.out(), c.err(), h.out(), h.err())
                .isEqualTo(h.exitCode());
        assertThat(c.out()).as("stdout of %s", List.of(args)).isEqualTo(h.out());
        assertThat(c.err()).as("stderr of %s", List.of(args)).isEqualTo(h.err());
        return c;
    }

    static void sameCharts(Path wd, boolean bytes) throws IOException {
        Path hc = wd.resolve("h/parent/charts");
        Path cc = wd.resolve("c/parent/charts");
        List<String> names;
        try (var s = Files.list(hc)) {
            names = s.map(x -> x.getFileName().toString()).sorted().toList();
        }
        try (var s = Files.list(cc)) {
            assertThat(s.map(x -> x.getFileName().toString()).sorted().toList()).isEqualTo(names);
        }
        if (bytes) {
            for (String n : names) {
                if (n.startsWith("sub-")) {
                    // archived here from file://: Java's deflate stream differs from Go's, the tar inside must not
                    assertThat(gunzip(cc.resolve(n))).as(n).isEqualTo(gunzip(hc.resolve(n)));
                } else {
                    assertThat(Files.readAllBytes(cc.resolve(n))).as(n).isEqualTo(Files.readAllBytes(hc.resolve(n)));
                }
            }
        }
    }

    static byte[] gunzip(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    static void sameLock(Path wd, String name) throws IOException {
        String h = Files.readString(wd.resolve("h/parent/" + name));
        String c = Files.readString(wd.resolve("c/parent/" + name));
        assertThat(withoutTimes(c)).isEqualTo(withoutTimes(h));
        assertThat(c).containsPattern("generated: \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z\"\n");
    }

    @Test
    void httpAndFileDependencies(@TempDir Path wd) throws Exception {
        twin(wd, """
                dependencies:
                - name: alpha
                  version: ">=0.1.0 <1.0.0"
                  repository: %s
                - name: beta
                  version: "*"
                  repository: "@myrepo"
                  alias: b
                - name: alpha
                  version: "1.0.0"
                  repository: "alias:myrepo"
                  alias: a2
                  condition: a2.enabled
                  tags: [front]
                  import-values:
                  - child: data
                    parent: imported
                - name: sub
                  version: ">0.0.1 <5"
                  repository: file://../sub
                """.formatted(server.url()));
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        same(p, wd, "repo", "add", "myrepo", server.url());
        same(p, wd, "dependency", "list", "parent");
        same(p, wd, "dependency", "update", "parent");
        sameCharts(wd, true);
        sameLock(wd, "Chart.lock");
        String lock = Files.readString(wd.resolve("c/parent/Chart.lock"));
        // unchanged dependencies: the lock is not rewritten
        same(p, wd, "dep", "up", "parent", "--skip-refresh");
        assertThat(Files.readString(wd.resolve("c/parent/Chart.lock"))).isEqualTo(lock);
        same(p, wd, "dependency", "list", "parent");
        same(p, wd, "dependency", "build", "parent");
        sameCharts(wd, true);
        // a stray and a missing archive
        for (String side : List.of("h", "c")) {
            Files.delete(wd.resolve(side + "/parent/charts/beta-0.1.0.tgz"));
            Files.writeString(wd.resolve(side + "/parent/charts/junk.tgz"), "this is not a gzip archive at all");
            Files.copy(charts.resolve("alpha-0.3.0-rc.1.tgz"), wd.resolve(side + "/parent/charts/other-0.3.0-rc.1.tgz"));
        }
        same(p, wd, "dependency", "list", "parent");
        same(p, wd, "dependency", "list", "parent", "--max-col-width", "10");
        same(p, wd, "dependency", "build", "parent", "--skip-refresh");
        sameCharts(wd, true);
        // Chart.yaml changed without an update
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace("\"*\"", "\"~0.1.0\""));
        }
        same(p, wd, "dependency", "build", "parent");
        same(p, wd, "dependency", "update", "parent", "--skip-refresh");
        sameLock(wd, "Chart.lock");
        // no matching version
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace("\"~0.1.0\"", "\">=7\""));
        }
        same(p, wd, "dependency", "update", "parent", "--skip-refresh");
        same(p, wd, "dependency", "update", "nothere");
        same(p, wd, "dependency", "list", "nothere");
    }

    /**
     * Masterminds v3.4.0 admits prereleases to a whole {@code ||} alternative once any comparison in it
     * names one: {@code >= 0.1.0 <= 0.9.0-0} resolves to 0.3.0-rc.1, not 0.2.0.
     */
    @Test
    void aPrereleaseBoundAdmitsPrereleasesToItsAlternative(@TempDir Path wd) throws Exception {
        twin(wd, """
                dependencies:
                - name: alpha
                  version: ">= 0.1.0 <= 0.9.0-0"
                  repository: %s
                - name: alpha
                  version: "<= 0.2.0 || >= 0.3.0-0 < 0.4.0"
                  repository: %s
                  alias: a2
                """.formatted(server.url(), server.url()));
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        same(p, wd, "dependency", "update", "parent");
        sameLock(wd, "Chart.lock");
        assertThat(Files.readString(wd.resolve("c/parent/Chart.lock"))).contains("version: 0.3.0-rc.1");
    }

    @Test
    void unmanagedRepositoriesAndMissingAliases(@TempDir Path wd) throws Exception {
        twin(wd, """
                dependencies:
                - name: alpha
                  version: ^0.1.0
                  repository: %s
                """.formatted(unmanaged.url()));
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        same(p, wd, "dependency", "update", "parent");
        sameCharts(wd, true);
        sameLock(wd, "Chart.lock");
        same(p, wd, "dependency", "build", "parent");
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace(unmanaged.url(), "\"@nope\""));
        }
        same(p, wd, "dependency", "update", "parent");
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace("\"@nope\"", "stable"));
        }
        same(p, wd, "dependency", "update", "parent");
    }

    @Test
    void chartsWithoutDependenciesAndMissingLocks(@TempDir Path wd) throws Exception {
        twin(wd, "");
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        same(p, wd, "dependency", "update", "parent");
        same(p, wd, "dependency", "build", "parent");
        same(p, wd, "dependency", "list", "parent");
        same(p, wd, "dependency", "list", "parent/Chart.yaml");
        assertThat(p.charter.run(wd, "dependency").exitCode()).isZero(); // help text: not compared
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml) + "dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://../sub\n");
        }
        // no lock yet: build runs an update
        same(p, wd, "dependency", "build", "parent");
        sameCharts(wd, true);
        sameLock(wd, "Chart.lock");
        ok(p.helm.run(wd.resolve("h"), "package", "parent"));
        ok(p.charter.run(wd.resolve("c"), "package", "parent"));
        same(p, wd, "dependency", "list", "parent-0.1.0.tgz");
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace("file://../sub", "file://../nowhere"));
        }
        same(p, wd, "dependency", "update", "parent");
    }

    @Test
    void dependenciesFromARepositoryWithBasicAuth(@TempDir Path wd) throws Exception {
        twin(wd, """
                dependencies:
                - name: beta
                  version: 0.1.0
                  repository: "@private"
                - name: alpha
                  version: "~0.2"
                  repository: "%s"
                """.formatted(privateServer.url()));
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        same(p, wd, "repo", "add", "private", privateServer.url(), "--username", "bob", "--password", "pw");
        int before = privateServer.log.size();
        same(p, wd, "dependency", "update", "parent");
        assertThat(privateServer.log.subList(before, privateServer.log.size())).allMatch(l -> l.endsWith("(auth)"));
        sameCharts(wd, true);
        sameLock(wd, "Chart.lock");
    }

    @Test
    void ociDependencies(@TempDir Path wd) throws Exception {
        String repo = "oci://" + registry.host() + "/charts";
        twin(wd, """
                dependencies:
                - name: alpha
                  version: "^0.1.0"
                  repository: "%1$s"
                - name: rich
                  version: "1.2.3+build.7"
                  repository: "%1$s"
                  alias: r
                - name: alpha
                  version: ">=0.2.0"
                  repository: "%1$s"
                  alias: newest
                """.formatted(repo));
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        same(p, wd, "dependency", "update", "parent", "--plain-http");
        sameCharts(wd, true);
        sameLock(wd, "Chart.lock");
        same(p, wd, "dependency", "build", "parent", "--plain-http");
        same(p, wd, "dependency", "list", "parent");
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace("\">=0.2.0\"", "\">5.0.0\""));
        }
        same(p, wd, "dependency", "update", "parent", "--plain-http");
        for (String side : List.of("h", "c")) {
            Path chartYaml = wd.resolve(side + "/parent/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace(repo + "\"\n  alias: newest", repo + "/nothere\"\n  alias: newest")
                    .replace("\">5.0.0\"", "\"^1\""));
        }
        same(p, wd, "dependency", "update", "parent", "--plain-http");
    }

    @Test
    void requirementsYamlOfApiV1Charts(@TempDir Path wd) throws Exception {
        Path src = wd.resolve("src/parent");
        Files.createDirectories(src.resolve("templates"));
        Files.writeString(src.resolve("Chart.yaml"), "apiVersion: v1\nname: parent\nversion: 0.1.0\n");
        Files.writeString(src.resolve("requirements.yaml"), """
                dependencies:
                - name: alpha
                  version: "~0.2"
                  repository: "@myrepo"
                """);
        for (String side : List.of("h", "c")) {
            copyTree(wd.resolve("src"), wd.resolve(side));
        }
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        same(p, wd, "repo", "add", "myrepo", server.url());
        same(p, wd, "dependency", "update", "parent");
        sameCharts(wd, true);
        sameLock(wd, "requirements.lock");
        same(p, wd, "dependency", "build", "parent", "--skip-refresh");
        same(p, wd, "dependency", "list", "parent");
    }
}

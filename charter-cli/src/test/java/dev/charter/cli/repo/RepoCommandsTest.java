package dev.charter.cli.repo;

import static dev.charter.cli.repo.RepoFixtures.lines;
import static dev.charter.cli.repo.RepoFixtures.withoutTimes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repo add/list/update/remove/index, search repo and pull against a real HTTP repository, compared with Helm. */
class RepoCommandsTest {

    static Path root;
    static Path charts;
    static FileServer server;
    static FileServer authServer;
    static FileServer badServer;
    static HelmOracle builder;

    @BeforeAll
    static void setUp() throws Exception {
        builder = HelmOracle.v4();
        root = Files.createTempDirectory("repo-cmds-");
        charts = root.resolve("charts");
        Path work = root.resolve("work");
        RepoFixtures.chart(builder, work, charts, "alpha", "0.1.0", "keywords:\n- web\n- frontend\n");
        RepoFixtures.chart(builder, work, charts, "alpha", "0.2.0-rc.1", "");
        RepoFixtures.chart(builder, work, charts, "alpha", "1.0.0", "keywords:\n- web\n");
        RepoFixtures.chart(builder, work, charts, "beta", "0.1.0",
                "");
        Files.writeString(work.resolve("beta-0.1.0-src/beta/Chart.yaml"),
                Files.readString(work.resolve("beta-0.1.0-src/beta/Chart.yaml")).replace("A Helm chart for Kubernetes",
                        "A very long description of the beta chart that goes beyond fifty characters easily"));
        RepoFixtures.ok(builder.run(work.resolve("beta-0.1.0-src"), "package", "beta", "-d", charts.toString()));
        RepoFixtures.ok(builder.run(root, "repo", "index", charts.toString()));
        server = FileServer.start(charts);
        authServer = FileServer.startWithBasicAuth(charts, "alice", "s3cret");
        Path bad = root.resolve("bad");
        Files.createDirectories(bad.resolve("malformed"));
        Files.writeString(bad.resolve("malformed/index.yaml"), "foo: [\n");
        Files.createDirectories(bad.resolve("noapi"));
        Files.writeString(bad.resolve("noapi/index.yaml"), "entries: {}\n");
        Files.createDirectories(bad.resolve("empty"));
        Files.writeString(bad.resolve("empty/index.yaml"), "");
        Files.createDirectories(bad.resolve("invalid-entry"));
        Files.writeString(bad.resolve("invalid-entry/index.yaml"), """
                apiVersion: v1
                entries:
                  good:
                  - name: good
                    version: 1.0.0
                    urls: [good-1.0.0.tgz]
                  broken:
                  - name: broken
                    version: not-a-version
                    urls: [broken.tgz]
                """);
        badServer = FileServer.start(bad);
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
        authServer.close();
        badServer.close();
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void addListUpdateRemoveMatchHelmFilesAndOutput(@TempDir Path wd) throws Exception {
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        p.same(wd, "repo", "list");
        p.same(wd, "repo", "list", "-o", "json");
        p.same(wd, "repo", "list", "-o", "yaml");
        p.same(wd, "repo", "add", "myrepo", server.url());
        assertThat(Files.readString(p.charterConfig("repositories.yaml"))).isEqualTo(Files.readString(p.helmConfig("repositories.yaml")));
        assertThat(Files.exists(p.charterConfig("repositories.lock"))).isTrue();
        assertThat(Files.readAllBytes(p.charterCache("myrepo-index.yaml"))).isEqualTo(Files.readAllBytes(p.helmCache("myrepo-index.yaml")));
        assertThat(lines(Files.readString(p.charterCache("myrepo-charts.txt")))).isEqualTo(lines(Files.readString(p.helmCache("myrepo-charts.txt"))));
        p.same(wd, "repo", "add", "myrepo", server.url());
        p.same(wd, "repo", "add", "myrepo", server.url() + "/");
        p.same(wd, "repo", "add", "second", server.url(), "--username", "u", "--password", "p", "--pass-credentials",
                "--insecure-skip-tls-verify");
        p.same(wd, "repo", "add", "second", server.url(), "--force-update");
        assertThat(Files.readString(p.charterConfig("repositories.yaml"))).isEqualTo(Files.readString(p.helmConfig("repositories.yaml")));
        p.same(wd, "repo", "list");
        p.same(wd, "repo", "ls", "--no-headers");
        p.same(wd, "repo", "list", "-o", "json");
        p.same(wd, "repo", "list", "-o", "yaml");
        p.same(wd, "repo", "list", "-o", "xml");
        p.sameUnordered(wd, "repo", "update");
        p.same(wd, "repo", "update", "myrepo");
        p.same(wd, "repo", "update", "myrepo", "nothere");
        p.same(wd, "repo", "remove", "second", "nothere");
        p.same(wd, "repo", "remove", "second");
        assertThat(Files.exists(p.charterCache("second-index.yaml"))).isFalse();
        assertThat(Files.readString(p.charterConfig("repositories.yaml"))).isEqualTo(Files.readString(p.helmConfig("repositories.yaml")));
        p.same(wd, "repo", "rm", "myrepo");
        assertThat(Files.readString(p.charterConfig("repositories.yaml"))).isEqualTo(Files.readString(p.helmConfig("repositories.yaml")));
        p.same(wd, "repo", "remove", "myrepo");
        p.same(wd, "repo", "update");
        p.same(wd, "repo", "add");
    }

    @Test
    void brokenRepositoriesFailLikeHelm(@TempDir Path wd) throws Exception {
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        p.same(wd, "repo", "add", "down", "http://127.0.0.1:" + closedPort());
        p.same(wd, "repo", "add", "missing", server.url() + "/nothere");
        p.same(wd, "repo", "add", "malformed", badServer.url() + "/malformed");
        p.same(wd, "repo", "add", "noapi", badServer.url() + "/noapi");
        p.same(wd, "repo", "add", "empty", badServer.url() + "/empty");
        p.same(wd, "repo", "add", "a/b", server.url());
        p.same(wd, "repo", "add", "old", "https://kubernetes-charts.storage.googleapis.com");
        assertThat(Files.exists(p.charterConfig("repositories.yaml"))).isEqualTo(Files.exists(p.helmConfig("repositories.yaml")));
        // an entry Helm cannot validate is skipped with a warning; the rest loads
        ProcessResult[] r = p.run(wd, "repo", "add", "partial", badServer.url() + "/invalid-entry");
        assertThat(r[1].exitCode()).isEqualTo(r[0].exitCode()).isZero();
        assertThat(r[1].out()).isEqualTo(r[0].out());
        p.same(wd, "search", "repo", "good");
        java.nio.file.Files.delete(p.helmCache("partial-index.yaml"));
        java.nio.file.Files.delete(p.charterCache("partial-index.yaml"));
        p.same(wd, "search", "repo", "good");
        p.same(wd, "repo", "update", "partial");
        p.same(wd, "search", "repo", "broken");
        // a repository whose server went away: update reports it and fails
        int port = closedPort();
        p.same(wd, "repo", "update");
        String failing = "http://127.0.0.1:" + port;
        Files.writeString(p.helmConfig("repositories.yaml"), Files.readString(p.helmConfig("repositories.yaml"))
                .replace(badServer.url() + "/invalid-entry", failing));
        Files.writeString(p.charterConfig("repositories.yaml"), Files.readString(p.charterConfig("repositories.yaml"))
                .replace(badServer.url() + "/invalid-entry", failing));
        p.same(wd, "repo", "update");
    }

    @Test
    void basicAuthAndPassCredentials(@TempDir Path wd) throws Exception {
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        p.same(wd, "repo", "add", "private", authServer.url(), "--username", "alice", "--password", "wrong");
        p.same(wd, "repo", "add", "private", authServer.url());
        int before = authServer.log.size();
        p.same(wd, "repo", "add", "private", authServer.url(), "--username", "alice", "--password", "s3cret");
        assertThat(authServer.log.subList(before, authServer.log.size())).allMatch(l -> l.endsWith("(auth)"));
        assertThat(Files.readString(p.charterConfig("repositories.yaml"))).isEqualTo(Files.readString(p.helmConfig("repositories.yaml")))
                .contains("username: alice").contains("password: s3cret");
        p.same(wd, "pull", "private/alpha", "--version", "0.1.0", "-d", wd.toString());
        assertThat(wd.resolve("alpha-0.1.0.tgz")).exists();
        p.same(wd, "repo", "add", "viaStdin", authServer.url(), "--username", "alice", "--password-stdin", "--pass-credentials");
    }

    @Test
    void tlsFlags(@TempDir Path wd) throws Exception {
        Path ks = wd.resolve("server.p12");
        Path ca = wd.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        for (List<String> cmd : List.of(
                List.of(keytool, "-genkeypair", "-alias", "s", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                        "-storepass", "changeit", "-keypass", "changeit"),
                List.of(keytool, "-exportcert", "-rfc", "-alias", "s", "-keystore", ks.toString(), "-storepass", "changeit",
                        "-file", ca.toString()))) {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(proc.getInputStream().readAllBytes());
            assertThat(proc.waitFor()).as(output).isZero();
        }
        try (FileServer tls = FileServer.startTls(charts, ks, "changeit")) {
            RepoFixtures.Pair p = new RepoFixtures.Pair();
            p.same(wd, "repo", "add", "tls", tls.url());
            p.same(wd, "repo", "add", "tls", tls.url(), "--ca-file", ca.toString());
            p.same(wd, "repo", "add", "tls2", tls.url(), "--insecure-skip-tls-verify");
            assertThat(Files.readString(p.charterConfig("repositories.yaml"))).isEqualTo(Files.readString(p.helmConfig("repositories.yaml")));
            p.same(wd, "pull", "tls/beta", "-d", Files.createDirectories(wd.resolve("out")).toString());
            p.same(wd, "search", "repo", "tls2/");
        }
    }

    @Test
    void searchRepoMatchesHelm(@TempDir Path wd) {
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        p.same(wd, "search", "repo", "alpha");
        p.same(wd, "repo", "add", "myrepo", server.url());
        p.same(wd, "repo", "add", "other", server.url() + "/");
        for (List<String> args : List.<List<String>>of(
                List.of(), List.of("alpha"), List.of("ALPHA"), List.of("alpha", "--versions"), List.of("alpha", "-l", "--devel"),
                List.of("--devel"), List.of("alpha", "--version", "^0.1"), List.of("alpha", "--version", "<0.2.0-0", "-l"),
                List.of("web"), List.of("frontend", "-l"), List.of("-r", "al.*a"), List.of("-r", "^beta"), List.of("nothing"),
                List.of("nothing", "--fail-on-no-result"), List.of("nothing", "-o", "json"), List.of("-o", "json"),
                List.of("-o", "yaml", "-l"), List.of("beta", "--max-col-width", "20"), List.of("beta", "--max-col-width", "0"),
                List.of("myrepo/"), List.of("alpha", "--version", "bogus"), List.of("-r", "("), List.of("helm chart"))) {
            String[] full = new String[args.size() + 2];
            full[0] = "search";
            full[1] = "repo";
            for (int i = 0; i < args.size(); i++) {
                full[i + 2] = args.get(i);
            }
            p.same(wd, full);
        }
    }

    @Test
    void repoIndexMatchesHelm(@TempDir Path wd) throws Exception {
        Path h = wd.resolve("h");
        Path c = wd.resolve("c");
        for (Path d : List.of(h, c)) {
            Files.createDirectories(d.resolve("nested"));
            try (var s = Files.list(charts)) {
                for (Path f : s.filter(x -> x.toString().endsWith(".tgz")).toList()) {
                    Path target = f.getFileName().toString().startsWith("beta") ? d.resolve("nested").resolve(f.getFileName())
                            : d.resolve(f.getFileName());
                    Files.copy(f, target);
                }
            }
            Files.writeString(d.resolve("not-a-chart.tgz"), "junk");
        }
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        p.same(wd, "repo", "index", "h");
        ProcessResult r = p.charter.run(wd, "repo", "index", "c");
        assertThat(r.exitCode()).isZero();
        assertThat(withoutTimes(Files.readString(c.resolve("index.yaml")))).isEqualTo(withoutTimes(Files.readString(h.resolve("index.yaml"))));
        p.helm.run(wd, "repo", "index", "h", "--url", "https://example.com/charts/");
        p.charter.run(wd, "repo", "index", "c", "--url", "https://example.com/charts/");
        assertThat(withoutTimes(Files.readString(c.resolve("index.yaml")))).isEqualTo(withoutTimes(Files.readString(h.resolve("index.yaml"))));
        p.helm.run(wd, "repo", "index", "h", "--json");
        p.charter.run(wd, "repo", "index", "c", "--json");
        assertThat(withoutTimes(Files.readString(c.resolve("index.yaml")))).isEqualTo(withoutTimes(Files.readString(h.resolve("index.yaml"))));
        String old = """
                apiVersion: v1
                entries:
                  alpha:
                  - apiVersion: v2
                    created: "2020-01-01T00:00:00.5Z"
                    digest: keep-me-not
                    name: alpha
                    urls: [https://old.example.com/alpha-1.0.0.tgz]
                    version: 1.0.0
                  legacy:
                  - apiVersion: v1
                    created: "2019-05-06T07:08:09+02:00"
                    name: legacy
                    urls: [legacy-0.0.1.tgz]
                    version: 0.0.1
                    maintainers:
                    - name: Ann
                      email: ann@example.com
                generated: "2020-01-01T00:00:00Z"
                """;
        Files.writeString(h.resolve("old.yaml"), old);
        Files.writeString(c.resolve("old.yaml"), old);
        p.helm.run(wd, "repo", "index", "h", "--merge", "h/old.yaml");
        p.charter.run(wd, "repo", "index", "c", "--merge", "c/old.yaml");
        assertThat(withoutTimes(Files.readString(c.resolve("index.yaml")))).isEqualTo(withoutTimes(Files.readString(h.resolve("index.yaml"))));
        assertThat(Files.readString(c.resolve("index.yaml"))).contains("created: \"2019-05-06T07:08:09+02:00\"");
        p.helm.run(wd, "repo", "index", "h", "--merge", "h/absent.yaml");
        p.charter.run(wd, "repo", "index", "c", "--merge", "c/absent.yaml");
        assertThat(withoutTimes(Files.readString(c.resolve("absent.yaml")))).isEqualTo(withoutTimes(Files.readString(h.resolve("absent.yaml"))));
        p.same(wd, "repo", "index");
        p.same(wd, "repo", "index", "h", "c");
    }

    @Test
    void pullFromRepositoriesMatchesHelm(@TempDir Path wd) throws Exception {
        RepoFixtures.Pair p = new RepoFixtures.Pair();
        p.same(wd, "repo", "add", "myrepo", server.url());
        Path h = Files.createDirectories(wd.resolve("h"));
        Path c = Files.createDirectories(wd.resolve("c"));
        for (List<String> args : List.of(List.of("myrepo/alpha"), List.of("myrepo/alpha", "--version", "0.1.0"),
                List.of("myrepo/alpha", "--version", "<1"), List.of("myrepo/alpha", "--devel"),
                List.of("--repo", server.url(), "beta"), List.of("--repo", server.url() + "/", "alpha", "--version", "0.2.0-rc.1"),
                List.of("myrepo/nochart"), List.of("myrepo/alpha", "--version", "5.0.0"), List.of("nope/alpha"),
                List.of("alpha"), List.of("--repo", server.url(), "beta", "--version", "9"),
                List.of("--repo", "http://127.0.0.1:" + closedPort(), "beta"))) {
            ProcessResult hr = p.helm.run(h, concat("pull", args));
            ProcessResult cr = p.charter.run(c, concat("pull", args));
            assertThat(cr.exitCode()).as("%s: %s", args, cr.err()).isEqualTo(hr.exitCode());
            assertThat(cr.out()).isEqualTo(hr.out());
            assertThat(cr.err()).as("stderr of %s", args).isEqualTo(hr.err());
        }
        try (var s = Files.list(h)) {
            for (Path f : s.toList()) {
                assertThat(Files.readAllBytes(c.resolve(f.getFileName()))).as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
        try (var s = Files.list(c); var t = Files.list(h)) {
            assertThat(s.map(x -> x.getFileName().toString()).sorted().toList())
                    .isEqualTo(t.map(x -> x.getFileName().toString()).sorted().toList());
        }
        // cache holds only the configured repository (--repo's temporary index is removed again)
        try (var s = Files.list(p.charterCache(""))) {
            assertThat(s.map(x -> x.getFileName().toString()).sorted().toList()).containsExactly("myrepo-charts.txt", "myrepo-index.yaml");
        }
        Files.writeString(charts.resolve("alpha-0.1.0.tgz.prov"), "not really a signature\n");
        try {
            for (List<String> args : List.<List<String>>of(List.of("myrepo/alpha", "--version", "0.1.0", "--prov"),
                    List.of("myrepo/alpha", "--prov"))) {
                ProcessResult hp = p.helm.run(h, concat("pull", args));
                ProcessResult cp = p.charter.run(c, concat("pull", args));
                assertThat(cp.exitCode()).as("%s: %s", args, cp.err()).isEqualTo(hp.exitCode());
                assertThat(cp.out()).isEqualTo(hp.out());
                assertThat(cp.err()).isEqualTo(hp.err());
            }
            assertThat(c.resolve("alpha-0.1.0.tgz.prov")).hasContent("not really a signature");
            assertThat(h.resolve("alpha-0.1.0.tgz.prov")).hasContent("not really a signature");
        } finally {
            Files.delete(charts.resolve("alpha-0.1.0.tgz.prov"));
        }
        ProcessResult hr = p.helm.run(h, "pull", "myrepo/beta", "--untar", "--untardir", "x");
        ProcessResult cr = p.charter.run(c, "pull", "myrepo/beta", "--untar", "--untardir", "x");
        assertThat(cr.exitCode()).isEqualTo(hr.exitCode()).isZero();
        assertThat(Files.readString(c.resolve("x/beta/Chart.yaml"))).isEqualTo(Files.readString(h.resolve("x/beta/Chart.yaml")));
        p.same(c, "pull", "myrepo/beta", "--untar", "--untardir", "x");
    }

    private static String[] concat(String first, List<String> rest) {
        String[] out = new String[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i);
        }
        return out;
    }
}

package dev.charter.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code show} and {@code template} from {@code repo/chart} and {@code --repo URL chart}, against Helm v4. */
class RepoChartSourcesTest {

    static Path root;
    static FileServer server;
    static HelmOracle helm;
    static CharterRunner charter;

    @BeforeAll
    static void setUp() throws Exception {
        helm = HelmOracle.v4();
        charter = new CharterRunner(helm.environment());
        root = Files.createTempDirectory("repo-sources-");
        Path charts = root.resolve("charts");
        Path work = root.resolve("work");
        RepoFixtures.chart(helm, work, charts, "alpha", "0.1.0", "");
        RepoFixtures.chart(helm, work, charts, "alpha", "1.0.0", "");
        RepoFixtures.ok(helm.run(root, "repo", "index", charts.toString()));
        server = FileServer.start(charts);
        RepoFixtures.ok(helm.run(root, "repo", "add", "fix", server.url()));
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "show chart fix/alpha", "show chart fix/alpha --version 0.1.0", "show values fix/alpha",
        "template rel fix/alpha", "template rel fix/alpha --version <1.0.0 --set replicaCount=3",
        "show chart alpha --repo URL", "template rel alpha --repo URL --version 0.1.0",
        "show chart fix/nope", "show chart nope/alpha", "show chart fix/alpha --version 9.9.9",
    })
    void sameAsHelm(String line) {
        String[] args = line.replace("URL", server.url()).split(" ");
        ProcessResult h = helm.run(root, args);
        ProcessResult c = charter.run(root, args);
        assertThat(c.exitCode()).as(line + "\n" + c + "\nhelm: " + h).isEqualTo(h.exitCode());
        assertThat(c.out()).as(line).isEqualTo(h.out());
        assertThat(c.err()).as(line).isEqualTo(h.err());
    }
}

package dev.charter.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repo add|update --timeout} against a slow Jetty server, and index.yaml files with unknown fields; compared with Helm v4. */
class RepoTimeoutAndStrictIndexTest {

    private static final String INDEX = """
            apiVersion: v1
            entries:
              alpha:
              - apiVersion: v2
                name: alpha
                version: 0.1.0
                urls: [alpha-0.1.0.tgz]
            """;

    @Test
    void timeoutBoundsTheIndexDownload(@TempDir Path wd) throws Exception {
        Files.writeString(wd.resolve("index.yaml"), INDEX);
        try (FileServer slow = FileServer.start(wd)) {
            RepoFixtures.Pair p = new RepoFixtures.Pair();
            slow.delayMillis = 2500;
            ProcessResult timedOut = p.same(wd, "repo", "add", "slow", slow.url(), "--timeout", "1s");
            assertThat(timedOut.err()).contains("Client.Timeout");
            // the default (2m0s) waits, as does a longer explicit timeout
            p.same(wd, "repo", "add", "slow", slow.url());
            p.same(wd, "repo", "update", "--timeout", "1m");
            ProcessResult updateTimedOut = p.same(wd, "repo", "update", "--timeout", "500ms");
            assertThat(updateTimedOut.exitCode()).isEqualTo(1);
            p.same(wd, "repo", "add", "other", slow.url(), "--timeout", "soon");
            p.same(wd, "repo", "update", "--timeout", "1x");
            p.same(wd, "repo", "update", "--timeout", "5");
        }
    }

    @Test
    void unknownIndexFieldsAreRejectedLikeHelm(@TempDir Path wd) throws Exception {
        Path top = Files.createDirectories(wd.resolve("top"));
        Files.writeString(top.resolve("index.yaml"), INDEX + "surprise: true\n");
        Path entry = Files.createDirectories(wd.resolve("entry"));
        Files.writeString(entry.resolve("index.yaml"), INDEX.replace("    name: alpha\n", "    name: alpha\n    colour: blue\n"));
        try (FileServer a = FileServer.start(top); FileServer b = FileServer.start(entry)) {
            RepoFixtures.Pair p = new RepoFixtures.Pair();
            ProcessResult r = p.same(wd, "repo", "add", "top", a.url());
            ProcessResult s = p.same(wd, "repo", "add", "entry", b.url());
            assertThat(r.exitCode() + s.exitCode()).as("at least one of them is refused, as by Helm").isPositive();
        }
    }
}

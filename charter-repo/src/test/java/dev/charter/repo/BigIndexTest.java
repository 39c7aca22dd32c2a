package dev.charter.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 20 MB index.yaml (22,000 versions) generated at test time loads quickly and correctly. */
class BigIndexTest {

    @Test
    void loadsTwentyMegabytesQuickly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big-index.yaml");
        BigIndex.write(file, 200, 110);
        assertThat(Files.size(file)).isGreaterThan(20_000_000L);
        IndexFile.loadFile(file, w -> { }); // warm-up
        long best = Long.MAX_VALUE;
        IndexFile index = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            index = IndexFile.loadFile(file, w -> { });
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("big index: %d bytes, %d charts, best load %.0f ms%n", Files.size(file), index.entries().size(), best / 1e6);
        assertThat(best).as("load time").isLessThan(5_000_000_000L);
        assertThat(index.entries()).hasSize(200);
        List<ChartVersion> versions = index.entries().get("chart-0017");
        assertThat(versions).hasSize(110);
        assertThat(versions.get(0).version()).isEqualTo("5.9.2");
        assertThat(versions.get(0).keywords()).containsExactly("chart-0017", "keyword-7", "infrastructure");
        assertThat(index.get("chart-0017", "^1.0.0", w -> { }).version()).isEqualTo("1.18.2");
        assertThat(index.get("chart-0017", "", w -> { }).urls()).containsExactly("https://charts.example.com/chart-0017-5.9.2.tgz");
        // the parallel split parse and the single pass agree
        // ... and so do the fast line reader (used above) and SnakeYAML's event reader, in parallel pieces or not
        try {
            System.setProperty("charter.index.fast", "false");
            IndexFile parallel = IndexFile.loadFile(file, w -> { });
            assertThat(parallel.toYaml()).isEqualTo(index.toYaml());
            System.setProperty("charter.index.parallel", "false");
            IndexFile single = IndexFile.loadFile(file, w -> { });
            assertThat(single.toYaml()).isEqualTo(index.toYaml());
        } finally {
            System.clearProperty("charter.index.parallel");
            System.clearProperty("charter.index.fast");
        }
        RepoSearch search = new RepoSearch();
        search.add("big", index);
        long t0 = System.nanoTime();
        List<RepoSearch.Result> hits = search.search("keyword-7", false, "", false, false);
        System.out.printf("search: %d hits in %.0f ms%n", hits.size(), (System.nanoTime() - t0) / 1e6);
        assertThat(hits).hasSize(20);
    }

    @Test
    void parsesJsonIndexesAndAnchors(@TempDir Path dir) throws Exception {
        IndexFile json = IndexFile.load("""
                {"apiVersion":"v1","entries":{"a":[{"name":"a","version":"1.0.0","urls":["a-1.0.0.tgz"]},
                {"name":"a","version":"2.0.0","urls":["a-2.0.0.tgz"]}]},"generated":"2024-01-01T00:00:00Z"}
                """.getBytes(), "x", w -> { });
        assertThat(json.entries().get("a").get(0).version()).isEqualTo("2.0.0");
        IndexFile anchors = IndexFile.load("""
                apiVersion: v1
                entries:
                  a:
                  - &base
                    name: a
                    version: 1.0.0
                    urls: [a.tgz]
                  - <<: *base
                    version: 1.1.0
                """.getBytes(), "x", w -> { });
        assertThat(anchors.entries().get("a")).extracting(ChartVersion::version).containsExactly("1.1.0", "1.0.0");
        assertThat(anchors.entries().get("a").get(0).urls()).containsExactly("a.tgz");
    }

    @Test
    void rejectsBrokenIndexesWithHelmsMessages() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndexFile.load(new byte[0], "x", w -> { }))
                .hasMessage("empty index.yaml file");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndexFile.load("entries: {}\n".getBytes(), "x", w -> { }))
                .hasMessage("no API version specified");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndexFile.load("foo: [\n".getBytes(), "x", w -> { }))
                .hasMessage("error converting YAML to JSON: yaml: line 1: did not find expected node content");
    }
}

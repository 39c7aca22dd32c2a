package dev.charter.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast line reader gives exactly what the SnakeYAML event reader gives, or gives up. */
class FastIndexParserTest {

    static Object snake(String yaml) {
        System.setProperty("charter.index.fast", "false");
        System.setProperty("charter.index.parallel", "false");
        try {
            return IndexParser.parse(yaml.getBytes(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("charter.index.fast");
            System.clearProperty("charter.index.parallel");
        }
    }

    static void same(String yaml) {
        Object fast = FastIndexParser.parse(yaml);
        assertThat(fast).as("fast path taken for:\n%s", yaml).isNotNull();
        assertThat(fast).isEqualTo(snake(yaml));
    }

    static void bails(String yaml) {
        assertThat(FastIndexParser.parse(yaml)).as("gives up on:\n%s", yaml).isNull();
    }

    @Test
    void helmStyleIndexes() {
        same("""
                apiVersion: v1
                entries:
                  alpha:
                  - annotations:
                      category: Infra
                      x: y
                    apiVersion: v2
                    appVersion: 1.16.0
                    created: "2026-11-25T03:55:26.095457665Z"
                    dependencies:
                    - condition: a.enabled
                      import-values:
                      - child: data
                        parent: imported
                      - simple
                      name: common
                      repository: https://charts.example.com/
                      tags:
                      - t1
                      version: 2.x.x
                    deprecated: true
                    description: A Helm chart for Kubernetes that has a description long enough that go-yaml
                      wraps it onto a second line and even onto a third line because it keeps going and
                      going
                    digest: 6429ddbf2bde8945e1a36049c47e682b4db9fafeb89fb386ed600dff353d6268
                    home: ""
                    keywords: []
                    maintainers:
                    - email: a@example.com
                      name: A
                    - name: 'B ''quoted'''
                    name: alpha
                    sources: [https://a, https://b]
                    type: application
                    urls:
                    - alpha-1.0.0.tgz
                    version: 1.0.0
                  beta: []
                  gamma:
                  - name: gamma
                    version: "1.0"
                    empty:
                    nothing: ~
                    on: yes
                    description: |
                      line one
                        indented
                
                      after blank
                    notes: |-
                      stripped
                    kept: |+
                      kept
                
                    escaped: "tab\\tquote\\" \\u00e9 \\x41 slash\\/"
                    urls: ["gamma.tgz"] 
                generated: "2026-11-25T03:55:26.094108933Z"
                serverInfo: {}
                """.replace("urls: [\"gamma.tgz\"] ", "urls: [gamma.tgz] # comment"));
        same("---\napiVersion: v1\nentries: {}\n# trailing comment\n");
        same("apiVersion: v1\n\n\n# comment\nentries:\n  a:\n  -\n    name: a\n");
    }

    @Test
    void givesUpOnWhatItDoesNotHandle() {
        bails("apiVersion: v1\nentries:\n  a: &x\n    - name: a\n");
        bails("apiVersion: v1\nentries:\n  a:\n  - <<: *x\n");
        bails("apiVersion: v1\ndescription: >\n  folded\n");
        bails("apiVersion: v1\ndescription: \"multi\n  line\"\n");
        bails("apiVersion: v1\nfoo: bar: baz\n");
        bails("apiVersion: v1\nfoo: [\n");
        bails("apiVersion: v1\n---\nother: doc\n");
        bails("a:\n\tb: tab\n");
        bails("a:\n   b: 1\n  c: 2\n");
        bails("{\"apiVersion\": \"v1\"}\n");
    }

    @Test
    void bigGeneratedIndexAgrees(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.yaml");
        BigIndex.write(file, 20, 30);
        String yaml = Files.readString(file);
        same(yaml);
    }
}

package dev.charter.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charter.chart.loader.BufferedFile;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.semver.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OCI config blob bytes observed from Helm v4.1.4 (spec §2.3) and Masterminds version rules. */
class ConfigJsonTest {

    private static Chart load(String chartYaml) {
        return ChartLoader.loadFiles(List.of(new BufferedFile("Chart.yaml", Instant.EPOCH, chartYaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void richChartConfigMatchesHelmBytes() {
        Chart c = load("""
                apiVersion: v2
                name: rich
                version: 1.2.3+build.7
                description: Rich <chart> & stuff
                home: https://example.com/home
                sources: [https://github.com/example/one, https://github.com/example/two]
                keywords: [a, b]
                maintainers:
                  - {name: Alice, email: alice@example.com, url: https://alice.example.com}
                  - name: Bob
                  - email: anon@example.com
                icon: https://example.com/icon.png
                appVersion: "2.0"
                annotations:
                  org.opencontainers.image.title: override-title
                  org.opencontainers.image.description: override-desc
                  example.com/custom: "yes"
                kubeVersion: ">=1.20.0-0"
                dependencies:
                  - {name: sub2, version: ~0.1.0, repository: file://../sub2}
                  - {name: sub1, version: ">=0.1.0", repository: file://../sub1, condition: first.enabled, tags: [t1], alias: first}
                type: application
                """);
        assertThat(c.metadata().toConfigJson()).isEqualTo("{\"name\":\"rich\",\"home\":\"https://example.com/home\",\"sources\":[\"https://github.com/example/one\",\"https://github.com/example/two\"],\"version\":\"1.2.3+build.7\",\"description\":\"Rich \\u003cchart\\u003e \\u0026 stuff\",\"keywords\":[\"a\",\"b\"],\"maintainers\":[{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"url\":\"https://alice.example.com\"},{\"name\":\"Bob\"},{\"email\":\"anon@example.com\"}],\"icon\":\"https://example.com/icon.png\",\"apiVersion\":\"v2\",\"appVersion\":\"2.0\",\"annotations\":{\"example.com/custom\":\"yes\",\"org.opencontainers.image.description\":\"override-desc\",\"org.opencontainers.image.title\":\"override-title\"},\"kubeVersion\":\"\\u003e=1.20.0-0\",\"dependencies\":[{\"name\":\"sub2\",\"version\":\"~0.1.0\",\"repository\":\"file://../sub2\"},{\"name\":\"sub1\",\"version\":\"\\u003e=0.1.0\",\"repository\":\"file://../sub1\",\"condition\":\"first.enabled\",\"tags\":[\"t1\"],\"alias\":\"first\"}],\"type\":\"application\"}");
    }

    @Test
    void yamlNumbersGoThroughJsonAndMissingApiVersionIsV1() {
        Chart c = load("name: c\nversion: 1.10\nappVersion: 1.20\n");
        assertThat(c.metadata().toConfigJson()).isEqualTo("{\"name\":\"c\",\"version\":\"1.1\",\"apiVersion\":\"v1\",\"appVersion\":\"1.2\"}");
        assertThat(c.metadata().toYaml()).isEqualTo("apiVersion: v1\nappVersion: \"1.2\"\nname: c\nversion: \"1.1\"\n");
    }

    @Test
    void versionsFollowMasterminds() {
        assertThat(Version.parse("v1.2").normalized()).isEqualTo("1.2.0");
        assertThat(Version.parse("1.0.0-rc.1").compareTo(Version.parse("1.0.0"))).isNegative();
        assertThat(Version.parse("1.0.0-alpha.10").compareTo(Version.parse("1.0.0-alpha.9"))).isPositive();
        assertThat(Version.parse("1.0.0+b1").compareTo(Version.parse("1.0.0+b2"))).isZero();
        assertThatThrownBy(() -> Version.parse("one")).hasMessage("invalid semantic version");
        assertThatThrownBy(() -> Version.parse("1.0.0-01")).hasMessage("version segment starts with 0");
        assertThatThrownBy(() -> Version.parseStrict("1.2")).hasMessage("invalid semantic version");
    }
}

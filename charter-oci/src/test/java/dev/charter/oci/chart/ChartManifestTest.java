package dev.charter.oci.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.oci.reference.Digest;
import dev.charter.oci.registry.Descriptor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest bytes and digest Helm v4 produced in the spec's transcript (section 11.B). */
class ChartManifestTest {

    @Test
    void reproducesHelmsManifestDigest() {
        Descriptor config = new Descriptor("application/vnd.cncf.helm.config.v1+json",
                "sha256:65a07b841ece031e6d0ec5eb948eacb17aa6d7294cdeb01d5348e86242951487", 141);
        Descriptor chart = new Descriptor("application/vnd.cncf.helm.chart.content.v1.tar+gzip",
                "sha256:7dd0f48e92ed7b380e5516626c192482ddac32d1bd4a86cbf4012261d3431e9f", 4919);
        byte[] manifest = ChartManifest.build(config, List.of(chart), Map.of(
                "org.opencontainers.image.title", "mychart",
                "org.opencontainers.image.version", "0.1.0",
                "org.opencontainers.image.description", "A Helm chart for Kubernetes",
                "org.opencontainers.image.created", "2024-05-06T07:08:09Z"));
        assertThat(manifest).hasSize(582);
        assertThat(Digest.sha256(manifest).toString())
                .isEqualTo("sha256:16db5811e5510fb90f0889ea44a4592e4ed11f4834d9e64feb5a39b1e7d99475");
    }

    @Test
    void layersSortByDigestAndStringsEscapeLikeGo() {
        Descriptor config = new Descriptor("c", "sha256:3", 1);
        byte[] manifest = ChartManifest.build(config, List.of(new Descriptor("chart", "sha256:c8", 2), new Descriptor("prov", "sha256:5e", 3)),
                Map.of("k", "<a & b>"));
        assertThat(new String(manifest, StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"c\",\"digest\":\"sha256:3\",\"size\":1},\"layers\":["
                        + "{\"mediaType\":\"prov\",\"digest\":\"sha256:5e\",\"size\":3},{\"mediaType\":\"chart\",\"digest\":\"sha256:c8\",\"size\":2}],"
                        + "\"annotations\":{\"k\":\"\\u003ca \\u0026 b\\u003e\"}}");
    }

    @Test
    void createdIsLocalTimeToTheSecond() {
        Instant t = Instant.parse("2024-05-06T07:08:09.900Z");
        assertThat(CreationTime.format(t, CreationTime.zoneFromTz("UTC"))).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(CreationTime.format(t, CreationTime.zoneFromTz("America/New_York"))).isEqualTo("2024-05-06T03:08:09-04:00");
        assertThat(CreationTime.zoneFromTz("")).isEqualTo(ZoneId.of("Z"));
        assertThat(CreationTime.zoneFromTz("Nowhere/Else")).isEqualTo(ZoneId.of("Z"));
    }

    @Test
    void resolvedFileNamesFollowHelm() {
        assertThat(new ResolvedChart("h", "charts/mychart", "1.0.0+b", "").fileName()).isEqualTo("mychart-1.0.0+b.tgz");
        assertThat(new ResolvedChart("h", "charts/mychart", "1.0.0+b", "").downloadReference().reference()).isEqualTo("1.0.0_b");
        String digest = "sha256:" + "b".repeat(64);
        assertThat(new ResolvedChart("h", "charts/mychart", "", digest).fileName()).isEqualTo("mychart@sha256-" + "b".repeat(64) + ".tgz");
        assertThat(dev.charter.chart.GoPath.join("h:5000/a//b/", "c")).isEqualTo("h:5000/a/b/c");
    }
}

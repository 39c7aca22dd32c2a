package dev.charter.oci.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.chart.Chart;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.reference.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyChartCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Chart chart(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mychart/templates"));
        Files.writeString(dir.resolve("mychart/Chart.yaml"), "apiVersion: v2\nname: mychart\nversion: 0.1.0\n");
        Files.writeString(dir.resolve("mychart/values.yaml"), "replicas: 1\n");
        Files.writeString(dir.resolve("mychart/templates/cm.yaml"), "kind: ConfigMap\n");
        return ChartLoader.load(dir.resolve("mychart"));
    }

    @Test
    void saveNamesALegacyManifestInTheLayoutIndex(@TempDir Path dir) throws Exception {
        LegacyChartCache cache = new LegacyChartCache(BlobCache.open(dir.resolve("oci")));
        LegacyReference ref = LegacyReference.parse("localhost:5000/myrepo/mychart:latest");
        CachedChart saved = cache.save(chart(dir), ref);

        byte[] manifest = Files.readAllBytes(cache.blobs().path(saved.manifest().digest()));
        assertThat(Digest.sha256(manifest).toString()).isEqualTo(saved.manifest().digest());
        assertThat(new String(manifest, StandardCharsets.UTF_8)).isEqualTo(
                "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.cncf.helm.config.v1+json\",\"digest\":\""
                        + saved.config().digest() + "\",\"size\":" + saved.config().size() + "},\"layers\":[{\"mediaType\":"
                        + "\"application/tar+gzip\",\"digest\":\"" + saved.content().digest() + "\",\"size\":"
                        + saved.content().size() + "}]}");
        assertThat(Files.readString(cache.blobs().path(saved.config().digest())))
                .isEqualTo("{\"name\":\"mychart\",\"version\":\"0.1.0\",\"apiVersion\":\"v2\"}");

        JsonNode index = JSON.readTree(dir.resolve("oci/index.json").toFile());
        assertThat(index.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(index.path("manifests")).hasSize(1);
        JsonNode entry = index.path("manifests").get(0);
        assertThat(entry.path("digest").asText()).isEqualTo(saved.manifest().digest());
        assertThat(entry.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(entry.path("annotations").path("org.opencontainers.image.ref.name").asText())
                .isEqualTo("localhost:5000/myrepo/mychart:latest");

        assertThat(saved.summary()).containsExactly(
                "ref:     localhost:5000/myrepo/mychart:latest",
                "digest:  " + saved.manifest().digest().substring(7),
                "size:    " + LegacyFormat.byteCountBinary(saved.content().size()),
                "name:    mychart",
                "version: 0.1.0");
    }

    @Test
    void saveIsReproducibleAndRenamesReplaceNotDuplicate(@TempDir Path dir) throws Exception {
        LegacyChartCache cache = new LegacyChartCache(BlobCache.open(dir.resolve("oci")));
        Chart chart = chart(dir);
        CachedChart a = cache.save(chart, LegacyReference.parse("h/r/mychart:1"));
        CachedChart b = cache.save(chart, LegacyReference.parse("h/r/mychart:1"));
        cache.save(chart, LegacyReference.parse("h/r/mychart:0"));
        assertThat(b.manifest()).isEqualTo(a.manifest());
        assertThat(cache.list()).extracting(c -> c.ref().fullName()).containsExactly("h/r/mychart:0", "h/r/mychart:1");

        assertThat(cache.remove(LegacyReference.parse("h/r/mychart:1"))).isPresent();
        assertThat(cache.remove(LegacyReference.parse("h/r/mychart:1"))).isEmpty();
        assertThat(cache.fetch(LegacyReference.parse("h/r/mychart:1"))).isEmpty();
        // the blobs stay: other names (and the digest-addressed modern commands) still use them
        assertThat(cache.blobs().find(a.manifest().digest(), -1)).isPresent();
        assertThat(cache.list()).hasSize(1);
    }

    @Test
    void unrelatedIndexEntriesSurvive(@TempDir Path dir) throws Exception {
        BlobCache blobs = BlobCache.open(dir.resolve("oci"));
        Files.writeString(dir.resolve("oci/index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\","
                + "\"digest\":\"sha256:" + "0".repeat(64) + "\",\"size\":1}],\"annotations\":{\"k\":\"v\"}}");
        LegacyChartCache cache = new LegacyChartCache(blobs);
        cache.save(chart(dir), LegacyReference.parse("h/r/mychart:1"));
        JsonNode index = JSON.readTree(dir.resolve("oci/index.json").toFile());
        assertThat(index.path("manifests")).hasSize(2);
        assertThat(index.path("annotations").path("k").asText()).isEqualTo("v");
        assertThat(cache.list()).hasSize(1);
    }

    @Test
    void exportWritesHelmsSaveDirLayout(@TempDir Path dir) throws Exception {
        LegacyChartCache cache = new LegacyChartCache(BlobCache.open(dir.resolve("oci")));
        CachedChart saved = cache.save(chart(dir), LegacyReference.parse("h/r/mychart:1"));
        Path out = ChartDirectory.write(saved.chart(), dir.resolve("out"));
        assertThat(out).isEqualTo(dir.resolve("out/mychart"));
        assertThat(Files.readString(out.resolve("Chart.yaml"))).isEqualTo("apiVersion: v2\nname: mychart\nversion: 0.1.0\n");
        assertThat(Files.readString(out.resolve("values.yaml"))).isEqualTo("replicas: 1\n");
        assertThat(Files.readString(out.resolve("templates/cm.yaml"))).isEqualTo("kind: ConfigMap\n");
    }
}

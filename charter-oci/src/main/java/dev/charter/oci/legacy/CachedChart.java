package dev.charter.oci.legacy;

import dev.charter.chart.Chart;
import dev.charter.oci.reference.Digest;
import dev.charter.oci.registry.Descriptor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What Helm 3.0–3.6 called a {@code CacheRefSummary}: a named chart in the local cache.
 *
 * @param ref       the cache key ({@code repo:tag})
 * @param manifest  the manifest the name points at
 * @param config    its Helm config blob
 * @param content   its chart layer (size = the size Helm printed)
 * @param archive   the cached chart archive
 * @param createdAt when the archive blob was written (Helm's CREATED column)
 * @param chart     the loaded chart
 */
public record CachedChart(LegacyReference ref, Descriptor manifest, Descriptor config, Descriptor content, Path archive,
                          Instant createdAt, Chart chart) {

    /** The summary block save, export, push and pull printed (digest = manifest digest, as in Helm 3.3–3.6). */
    public List<String> summary() {
        return List.of(
                "ref:     " + ref.fullName(),
                "digest:  " + Digest.parse(manifest.digest()).encoded(),
                "size:    " + LegacyFormat.byteCountBinary(content.size()),
                "name:    " + chart.metadata().name(),
                "version: " + chart.metadata().version());
    }
}

package dev.charter.oci.chart;

import dev.charter.chart.ChartMetadata;
import dev.charter.chart.loader.ChartLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * A packaged chart ready to push: its metadata, the archive, an optional {@code .prov} next to it
 * and the creation time that goes into the manifest.
 */
public record ChartPackage(ChartMetadata metadata, Path archive, Path provenance, String created) {

    /**
     * Loads the archive with Helm's loader rules (so a bad archive fails with Helm's text), picks up
     * {@code <archive>.prov} when present, and stamps the archive's mtime in {@code zone}.
     *
     * @param displayName the path as the user typed it, for error texts
     */
    public static ChartPackage load(Path archive, String displayName, ZoneId zone) {
        ChartMetadata metadata = ChartLoader.load(archive, displayName).metadata();
        Path prov = archive.resolveSibling(archive.getFileName() + ".prov");
        return new ChartPackage(metadata, archive, Files.isRegularFile(prov) ? prov : null, CreationTime.of(archive, zone));
    }
}

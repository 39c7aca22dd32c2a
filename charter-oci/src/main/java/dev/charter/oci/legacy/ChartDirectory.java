package dev.charter.oci.legacy;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.ChartFile;
import dev.charter.chart.archive.ChartPackager;
import dev.charter.oci.OciException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Helm's {@code chartutil.SaveDir}, which {@code helm chart export} used: the chart is written as
 * a directory {@code <dest>/<name>/} (re-serialised Chart.yaml, values.yaml and schema, templates
 * and files verbatim) and each subchart as a packaged {@code charts/<name>-<version>.tgz}.
 * Existing files are overwritten; nothing is written outside the chart directory.
 */
public final class ChartDirectory {

    private ChartDirectory() {
    }

    public static Path write(Chart chart, Path dest) {
        Path outDir = dest.resolve(chart.name()).normalize();
        try {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new OciException("file " + outDir + " already exists and is not a directory");
            }
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("Chart.yaml"), chart.metadata().toYaml(), StandardCharsets.UTF_8);
            for (ChartFile f : chart.raw()) {
                if (f.name().equals("values.yaml")) {
                    writeFile(outDir, f.name(), f.data());
                }
            }
            if (chart.schema() != null) {
                writeFile(outDir, "values.schema.json", chart.schema());
            }
            for (List<ChartFile> group : List.of(chart.templates(), chart.files())) {
                for (ChartFile f : group) {
                    writeFile(outDir, f.name(), f.data());
                }
            }
            Path charts = outDir.resolve("charts");
            for (Chart dependency : chart.dependencies()) {
                try {
                    new ChartPackager().save(dependency, charts);
                } catch (ChartException e) {
                    throw new OciException("saving " + dependency.name() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new OciException(e.getMessage(), e);
        }
        return outDir;
    }

    private static void writeFile(Path outDir, String name, byte[] data) throws IOException {
        Path target = outDir.resolve(name).normalize();
        if (!target.startsWith(outDir)) {
            throw new OciException("chart illegally contains content outside the base directory: " + name);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, data);
    }
}

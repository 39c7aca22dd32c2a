package dev.charter.chart.create;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.ChartFile;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.GoPath;
import dev.charter.chart.GoQuote;
import dev.charter.chart.archive.ChartPackager;
import dev.charter.chart.loader.ChartLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code create --starter}: Helm's {@code CreateFrom}. The starter chart is loaded, gets fresh
 * metadata, {@code <CHARTNAME>} is replaced in templates and values.yaml, and the result is saved
 * as a directory (subcharts as archives in {@code charts/}).
 */
public final class StarterScaffold {

    private StarterScaffold() {
    }

    public static Path createFrom(String name, Path dest, Path starter) {
        Chart loaded;
        try {
            loaded = ChartLoader.load(starter);
        } catch (ChartException e) {
            throw new ChartException("could not load " + starter + ": " + e.getMessage(), e);
        }
        ChartMetadata md = new ChartMetadata(name, null, null, "0.1.0", "A Helm chart for Kubernetes", null, null, null,
                ChartMetadata.API_V2, null, null, "0.1.0", false, null, null, null, "application");
        if (!name.equals(GoPath.base(name))) {
            throw new ChartException(GoQuote.quote(name) + " is not a valid chart name");
        }
        Path outdir = dest.resolve(name);
        if (Files.exists(outdir) && !Files.isDirectory(outdir)) {
            throw new ChartException("file " + outdir + " already exists and is not a directory");
        }
        try {
            Files.createDirectories(outdir);
            Files.writeString(outdir.resolve("Chart.yaml"), md.toYaml());
            for (ChartFile f : loaded.raw()) {
                if (f.name().equals("values.yaml")) {
                    write(outdir.resolve("values.yaml"), transform(f.data(), name));
                }
            }
            if (loaded.schema() != null) {
                write(outdir.resolve("values.schema.json"), loaded.schema());
            }
            for (List<ChartFile> group : List.of(loaded.templates(), loaded.files())) {
                for (ChartFile f : group) {
                    byte[] data = group == loaded.templates() ? transform(f.data(), name) : f.data();
                    write(outdir.resolve(f.name()), data);
                }
            }
            for (Chart dep : loaded.dependencies()) {
                new ChartPackager().save(dep, outdir.resolve("charts"));
            }
        } catch (IOException e) {
            throw new ChartException(e.getMessage(), e);
        }
        return outdir;
    }

    private static byte[] transform(byte[] data, String name) {
        return new String(data, StandardCharsets.UTF_8).replace("<CHARTNAME>", name).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
    }
}

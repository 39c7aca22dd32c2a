package dev.charter.cli.oci;

import dev.charter.chart.loader.ArchiveReader;
import dev.charter.chart.loader.BufferedFile;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Helm's {@code chartutil.ExpandFile}: the archive's files are written verbatim (not re-serialised)
 * below {@code <dir>/<chart name>/}, never outside it.
 */
final class ChartExpander {

    private ChartExpander() {
    }

    static void expand(Path dir, Path archive) {
        try {
            String name;
            try (InputStream in = Files.newInputStream(archive)) {
                name = ChartLoader.loadArchive(in).metadata().name();
            }
            if (name.isEmpty()) {
                throw new CliException("chart name not specified");
            }
            List<BufferedFile> files;
            try (InputStream in = Files.newInputStream(archive)) {
                files = ArchiveReader.read(in);
            }
            Path chartDir = dir.resolve(name).normalize();
            for (BufferedFile file : files) {
                Path out = chartDir.resolve(file.name()).normalize();
                if (!out.startsWith(chartDir)) {
                    throw new CliException("chart illegally contains content outside the base directory: " + file.name());
                }
                Files.createDirectories(out.getParent());
                Files.write(out, file.data());
            }
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

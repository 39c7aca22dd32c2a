package dev.charter.chart.archive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.ChartFile;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.GoPath;
import dev.charter.chart.GoQuote;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Writes a chart archive the way Helm v4's {@code chartutil.Save} lays it out: Chart.yaml
 * (re-serialised), Chart.lock (v2 only), values.yaml, values.schema.json, templates, other files,
 * then every subchart recursively under {@code charts/<name>/}. The file appears atomically: it is
 * written to a temporary file in the destination directory and renamed.
 */
public final class ChartPackager {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Supplier<Instant> clock;

    public ChartPackager() {
        this(Instant::now);
    }

    /** {@code clock} stamps entries whose source time is unknown (Helm uses now()). */
    public ChartPackager(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** The archive file name Helm uses: {@code <name>-<version>.tgz}. */
    public static String fileName(Chart chart) {
        return chart.name() + "-" + chart.metadata().version() + ".tgz";
    }

    /** Validates the chart and saves {@code <name>-<version>.tgz} into {@code outDir} (created if missing). */
    public Path save(Chart chart, Path outDir) {
        try {
            chart.metadata().validated();
        } catch (ChartException e) {
            throw new ChartException("chart validation: " + e.getMessage(), e);
        }
        Path target = outDir.resolve(fileName(chart));
        Path dir = target.getParent();
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
            } else if (!Files.isDirectory(dir)) {
                throw new ChartException("is not a directory: " + dir);
            }
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                     HelmGzip gz = new HelmGzip(file)) {
                    writeTar(chart, gz);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ChartException(e.getMessage(), e);
        }
        return target;
    }

    /** The uncompressed tar stream of the package. */
    public void writeTar(Chart chart, OutputStream out) throws IOException {
        GoTarWriter tar = new GoTarWriter(out);
        writeContents(tar, chart, "");
        tar.close();
    }

    private void writeContents(GoTarWriter tar, Chart c, String prefix) throws IOException {
        if (!c.name().equals(GoPath.base(c.name()))) {
            throw new ChartException(GoQuote.quote(c.name()) + " is not a valid chart name");
        }
        String base = prefix.isEmpty() ? c.name() : prefix + "/" + c.name();
        ChartMetadata md = c.metadata();
        if (ChartMetadata.API_V1.equals(md.apiVersion())) {
            md = md.withDependencies(null); // v1 keeps dependencies in requirements.yaml
        }
        entry(tar, base + "/Chart.yaml", md.toYaml().getBytes(StandardCharsets.UTF_8), c.modTime());
        if (ChartMetadata.API_V2.equals(c.metadata().apiVersion()) && c.lock() != null) {
            entry(tar, base + "/Chart.lock", c.lock().toYaml().getBytes(StandardCharsets.UTF_8), c.lock().generated());
        }
        for (ChartFile f : c.raw()) {
            if (f.name().equals("values.yaml")) {
                entry(tar, base + "/values.yaml", f.data(), f.modTime());
            }
        }
        if (c.schema() != null) {
            if (!isValidJson(c.schema())) {
                throw new ChartException("invalid JSON in values.schema.json");
            }
            entry(tar, base + "/values.schema.json", c.schema(), c.schemaModTime());
        }
        for (ChartFile f : c.templates()) {
            entry(tar, base + "/" + f.name(), f.data(), f.modTime());
        }
        for (ChartFile f : c.files()) {
            entry(tar, base + "/" + f.name(), f.data(), f.modTime());
        }
        for (Chart dep : c.dependencies()) {
            writeContents(tar, dep, base + "/charts");
        }
    }

    private void entry(GoTarWriter tar, String name, byte[] data, Instant modTime) throws IOException {
        tar.writeFile(GoPath.clean(name), data, modTime == null ? clock.get() : modTime, 0644);
    }

    /** Go's {@code json.Valid}: exactly one JSON value, nothing else. */
    static boolean isValidJson(byte[] data) {
        try (JsonParser p = STRICT_JSON.getFactory().createParser(data)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

}

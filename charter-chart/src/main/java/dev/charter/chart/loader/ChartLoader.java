package dev.charter.chart.loader;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.ChartFile;
import dev.charter.chart.ChartLock;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.GoPath;
import dev.charter.yaml.YamlException;
import dev.charter.yaml.YamlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads charts from directories and archives with the rules of Helm v4's chart v2 loader
 * ({@code pkg/chart/v2/loader}), including its error texts. Subcharts in {@code charts/} (as
 * directories or {@code .tgz} archives, at any depth) become {@link Chart#dependencies()}, sorted
 * by directory/file name: Helm iterates a Go map there, so its own order is random.
 */
public final class ChartLoader {

    private ChartLoader() {
    }

    /** Helm's {@code loader.Load}: a chart directory or a chart archive file. */
    public static Chart load(Path path) {
        return load(path, path.toString());
    }

    /** As {@link #load(Path)}, with {@code displayName} used in error texts (Helm prints the path it was given). */
    public static Chart load(Path path, String displayName) {
        if (!Files.exists(path)) {
            throw new ChartException("stat " + displayName + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            return loadDirectory(path);
        }
        return loadFile(path, displayName);
    }

    /** Helm's {@code LoadDir}. */
    public static Chart loadDirectory(Path dir) {
        return loadFiles(DirectoryReader.read(dir));
    }

    /** Helm's {@code LoadFile}: checks the file looks gzipped before reading it. */
    public static Chart loadFile(Path file, String displayName) {
        byte[] head = new byte[512];

        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ChartException("file '" + displayName + "' cannot be read: " + e.getMessage(), e);
        }
        // Helm sniffs a zero-filled 512-byte buffer, so short files look binary
        ContentSniffer.ensureArchive(displayName, head);
        try (InputStream in = Files.newInputStream(file)) {
            return loadArchive(in);
        } catch (ArchiveReader.GzipHeaderException e) {
            throw new ChartException("file '" + displayName + "' does not appear to be a valid chart file (details: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ChartException(e.getMessage(), e);
        }
    }

    /** Helm's {@code LoadArchive}: a gzipped chart tar stream. */
    public static Chart loadArchive(InputStream in) {
        return loadFiles(ArchiveReader.read(in));
    }

    /**
     * The apiVersion-dispatching directory load {@code helm package} uses
     * ({@code pkg/chart/loader.LoadDir}): Chart.yaml must exist and declare v1, v2 or nothing.
     * Returns the apiVersion found so callers can reject v3 charts.
     */
    /**
     * The chart metadata held by an OCI config blob ({@code json.Marshal} of the loaded, validated
     * {@code Metadata}), decoded as the loader decodes Chart.yaml — JSON is YAML — and validated
     * again. Empty when the blob holds no chart metadata (Helm 3.0–3.6 charts may carry {@code {}}).
     */
    public static java.util.Optional<ChartMetadata> metadataFromConfig(byte[] configJson) {
        try {
            ChartMetadata md = StructDecoderAdapter.metadata("config", configJson, null);
            if (md == null || md.name().isEmpty() || md.apiVersion().isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(md.validated());
        } catch (ChartException e) {
            return java.util.Optional.empty();
        }
    }

    public static String detectApiVersion(Path dir) {
        Path chartYaml = dir.toAbsolutePath().normalize().resolve("Chart.yaml");
        byte[] data;
        try {
            data = Files.readAllBytes(chartYaml);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ChartException("unable to detect chart at " + chartYaml + ": open " + chartYaml + ": no such file or directory");
        } catch (java.nio.file.FileSystemException e) {
            String reason = Files.exists(chartYaml.getParent()) && !Files.isDirectory(chartYaml.getParent())
                    ? "not a directory" : String.valueOf(e.getReason());
            throw new ChartException("unable to detect chart at " + chartYaml + ": open " + chartYaml + ": " + reason);
        } catch (IOException e) {
            throw new ChartException("unable to detect chart at " + chartYaml + ": " + e.getMessage());
        }
        Object doc = parseYaml("Chart.yaml", data);
        String api = "";
        if (doc instanceof Map<?, ?> m && m.get("apiVersion") != null) {
            api = String.valueOf(m.get("apiVersion"));
        }
        return switch (api) {
            case "", ChartMetadata.API_V1, ChartMetadata.API_V2, ChartMetadata.API_V3 -> api;
            default -> throw new ChartException("unsupported chart version");
        };
    }

    /** Helm's {@code LoadFiles}: sorts loaded files into a chart and loads its subcharts. */
    public static Chart loadFiles(List<BufferedFile> files) {
        ChartMetadata metadata = null;
        Instant modTime = null;
        List<ChartFile> raw = new ArrayList<>();
        for (BufferedFile f : files) {
            raw.add(new ChartFile(f.name(), f.modTime(), f.data()));
            if (f.name().equals("Chart.yaml")) {
                metadata = StructDecoderAdapter.metadata("Chart.yaml", f.data(), metadata);
                if (metadata.apiVersion().isEmpty()) {
                    metadata = metadata.withApiVersion(ChartMetadata.API_V1);
                }
                modTime = f.modTime();
            }
        }
        ChartLock lock = null;
        Map<String, Object> values = null;
        byte[] schema = null;
        Instant schemaModTime = null;
        List<ChartFile> templates = new ArrayList<>();
        List<ChartFile> other = new ArrayList<>();
        Map<String, List<BufferedFile>> subcharts = new TreeMap<>(ChartLoader::compareBytes);
        for (BufferedFile f : files) {
            String name = f.name();
            ChartFile cf = new ChartFile(name, f.modTime(), f.data());
            switch (name) {
                case "Chart.yaml" -> {
                }
                case "Chart.lock" -> lock = StructDecoderAdapter.lock("Chart.lock", f.data());
                case "values.yaml" -> values = loadValues(f.data());
                case "values.schema.json" -> {
                    schema = f.data();
                    schemaModTime = f.modTime();
                }
                case "requirements.yaml" -> {
                    metadata = StructDecoderAdapter.metadata("requirements.yaml", f.data(), metadata);
                    if (ChartMetadata.API_V1.equals(metadata.apiVersion())) {
                        other.add(cf);
                    }
                }
                case "requirements.lock" -> {
                    lock = StructDecoderAdapter.lock("requirements.lock", f.data());
                    if (metadata != null && ChartMetadata.API_V1.equals(metadata.apiVersion())) {
                        other.add(cf);
                    }
                }
                default -> {
                    if (name.startsWith("templates/")) {
                        templates.add(cf);
                    } else if (name.startsWith("charts/")) {
                        if (GoPath.ext(name).equals(".prov")) {
                            other.add(cf);
                            continue;
                        }
                        String fname = name.substring("charts/".length());
                        String cname = fname.split("/", 2)[0];
                        subcharts.computeIfAbsent(cname, k -> new ArrayList<>())
                                .add(new BufferedFile(fname, f.modTime(), f.data()));
                    } else {
                        other.add(cf);
                    }
                }
            }
        }
        if (metadata == null) {
            throw new ChartException("Chart.yaml file is missing");
        }
        metadata = metadata.validated();
        List<Chart> deps = new ArrayList<>();
        for (Map.Entry<String, List<BufferedFile>> e : subcharts.entrySet()) {
            String n = e.getKey();
            if (n.startsWith("_") || n.startsWith(".")) {
                continue;
            }
            try {
                if (GoPath.ext(n).equals(".tgz")) {
                    BufferedFile file = e.getValue().get(0);
                    if (!file.name().equals(n)) {
                        throw new ChartException("error unpacking subchart tar in " + metadata.name() + ": expected " + n
                                + ", got " + file.name());
                    }
                    deps.add(loadArchive(new ByteArrayInputStream(file.data())));
                } else {
                    List<BufferedFile> buff = new ArrayList<>();
                    for (BufferedFile f : e.getValue()) {
                        String[] parts = f.name().split("/", 2);
                        if (parts.length < 2) {
                            continue;
                        }
                        buff.add(new BufferedFile(parts[1], f.modTime(), f.data()));
                    }
                    deps.add(loadFiles(buff));
                }
            } catch (ChartException ex) {
                if (ex.getMessage().startsWith("error unpacking subchart tar in ")) {
                    throw ex;
                }
                throw new ChartException("error unpacking subchart " + n + " in " + metadata.name() + ": " + ex.getMessage(), ex);
            }
        }
        return new Chart(metadata, lock, raw, templates, other, values, schema, schemaModTime, modTime, deps);
    }

    /** Helm's {@code LoadValues}: every YAML document must be a map; documents are merged. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> loadValues(byte[] data) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Object> docs;
        try {
            docs = YamlReader.parseAll(new String(data, StandardCharsets.UTF_8));
        } catch (YamlReader.SeparatorException e) {
            throw new ChartException("cannot load values.yaml: error reading yaml document: " + e.getMessage());
        } catch (YamlException e) {
            throw new ChartException("cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: "
                    + e.getMessage());
        }
        for (Object doc : docs) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map)) {
                String kind = doc instanceof List ? "array" : doc instanceof String ? "string"
                        : doc instanceof Boolean ? "bool" : "number";
                throw new ChartException("cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: "
                        + "while decoding JSON: json: cannot unmarshal " + kind
                        + " into Go value of type map[string]interface {}");
            }
            values = mergeMaps(values, (Map<String, Object>) YamlReader.toJsonModel(doc));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeMaps(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> {
            if (v instanceof Map && out.get(k) instanceof Map) {
                out.put(k, mergeMaps((Map<String, Object>) out.get(k), (Map<String, Object>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    static Object parseYaml(String fileName, byte[] data) {
        try {
            return YamlReader.parse(new String(data, StandardCharsets.UTF_8));
        } catch (YamlException e) {
            throw new ChartException("cannot load " + fileName + ": error converting YAML to JSON: " + e.getMessage());
        }
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps decoding errors with the file they came from, as Helm does. */
    private static final class StructDecoderAdapter {
        static ChartMetadata metadata(String file, byte[] data, ChartMetadata base) {
            Object doc = parseYaml(file, data);
            try {
                return StructDecoder.metadata(doc, base);
            } catch (ChartException e) {
                throw new ChartException("cannot load " + file + ": " + e.getMessage(), e);
            }
        }

        static ChartLock lock(String file, byte[] data) {
            Object doc = parseYaml(file, data);
            try {
                return StructDecoder.lock(doc);
            } catch (ChartException e) {
                throw new ChartException("cannot load " + file + ": " + e.getMessage(), e);
            }
        }
    }
}

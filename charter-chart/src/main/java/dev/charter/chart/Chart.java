package dev.charter.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded chart, shaped like Helm's {@code chart.Chart}: {@code raw} holds every loaded file in
 * load order; {@code templates} the files under {@code templates/}; {@code files} everything that
 * is not Chart.yaml, Chart.lock, values.yaml, values.schema.json, a template or a subchart (for
 * apiVersion v1 this includes requirements.yaml/lock). {@code values} is the parsed values.yaml in
 * Helm's JSON model (maps, lists, strings, booleans, Double numbers, null) or null when the chart
 * has no values.yaml. {@code dependencies} are the subcharts from {@code charts/}, sorted by name.
 */
public record Chart(ChartMetadata metadata, ChartLock lock, List<ChartFile> raw, List<ChartFile> templates,
                    List<ChartFile> files, Map<String, Object> values, byte[] schema, Instant schemaModTime,
                    Instant modTime, List<Chart> dependencies) {

    public Chart {
        raw = List.copyOf(raw);
        templates = List.copyOf(templates);
        files = List.copyOf(files);
        dependencies = List.copyOf(dependencies);
    }

    public String name() {
        return metadata.name();
    }

    /** The values.yaml bytes as loaded (BOM stripped), if the chart has one. */
    public Optional<ChartFile> valuesFile() {
        return raw.stream().filter(f -> f.name().equals("values.yaml")).findFirst();
    }

    /** Helm's {@code CRDs()}: manifests under {@code crds/} of this chart, then of every subchart, depth first. */
    public List<ChartFile> crds() {
        List<ChartFile> out = new ArrayList<>();
        for (ChartFile f : files) {
            if (f.name().startsWith("crds/") && hasManifestExtension(f.name())) {
                out.add(f);
            }
        }
        for (Chart dep : dependencies) {
            out.addAll(dep.crds());
        }
        return out;
    }

    /** The first README ({@code README.md}, {@code README.txt}, {@code README}, any case) among the files. */
    public Optional<ChartFile> readme() {
        for (ChartFile f : files) {
            String n = f.name().toLowerCase(Locale.ROOT);
            if (n.equals("readme.md") || n.equals("readme.txt") || n.equals("readme")) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static boolean hasManifestExtension(String name) {
        String ext = GoPath.ext(name).toLowerCase(Locale.ROOT);
        return ext.equals(".yaml") || ext.equals(".yml") || ext.equals(".json");
    }

    /** The same chart with other metadata (e.g. after {@code --version}/{@code --app-version}). */
    public Chart withMetadata(ChartMetadata m) {
        return new Chart(m, lock, raw, templates, files, values, schema, schemaModTime, modTime, dependencies);
    }
}

package dev.charter.oci.chart;

import dev.charter.chart.ChartMetadata;
import dev.charter.chart.Maintainer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The manifest annotations Helm derives from Chart.yaml ({@code generateChartOCIAnnotations} plus
 * the copy of Chart.yaml's own annotations, which may override all but title and version).
 */
public final class ChartAnnotations {

    public static final String DESCRIPTION = "org.opencontainers.image.description";
    public static final String TITLE = "org.opencontainers.image.title";
    public static final String VERSION = "org.opencontainers.image.version";
    public static final String URL = "org.opencontainers.image.url";
    public static final String CREATED = "org.opencontainers.image.created";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String AUTHORS = "org.opencontainers.image.authors";
    private static final Set<String> IMMUTABLE = Set.of(TITLE, VERSION);

    private ChartAnnotations() {
    }

    /** Sorted by key, as Go's JSON encoder writes a map. */
    public static Map<String, String> of(ChartMetadata meta, String created) {
        Map<String, String> out = new TreeMap<>();
        add(out, DESCRIPTION, meta.description());
        add(out, TITLE, meta.name());
        add(out, VERSION, meta.version());
        add(out, URL, meta.home());
        add(out, CREATED, created);
        List<String> sources = meta.sources();
        if (sources != null && !sources.isEmpty()) {
            add(out, SOURCE, sources.get(0));
        }
        List<Maintainer> maintainers = meta.maintainers();
        if (maintainers != null && !maintainers.isEmpty()) {
            StringBuilder authors = new StringBuilder();
            for (int i = 0; i < maintainers.size(); i++) {
                Maintainer m = maintainers.get(i);
                if (m.name() != null && !m.name().isEmpty()) {
                    authors.append(m.name());
                }
                if (m.email() != null && !m.email().isEmpty()) {
                    authors.append(" (").append(m.email()).append(')');
                }
                if (i < maintainers.size() - 1) {
                    authors.append(", ");
                }
            }
            add(out, AUTHORS, authors.toString());
        }
        if (meta.annotations() != null) {
            meta.annotations().forEach((key, value) -> {
                if (!IMMUTABLE.contains(key)) {
                    out.put(key, value);
                }
            });
        }
        return out;
    }

    /** Go's {@code strings.TrimSpace} test: blank generated values are left out. */
    private static void add(Map<String, String> out, String key, String value) {
        if (value != null && !value.strip().isEmpty()) {
            out.put(key, value);
        }
    }
}

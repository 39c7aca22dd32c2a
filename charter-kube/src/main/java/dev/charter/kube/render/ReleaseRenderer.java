package dev.charter.kube.render;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartFile;
import dev.charter.kube.release.Hook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helm's {@code renderResources}: notes split off, hooks and manifests sorted, the manifest text built. */
public final class ReleaseRenderer {

    private ReleaseRenderer() {
    }

    public record Rendered(List<Hook> hooks, String manifest, String notes) {
    }

    public static Rendered render(Renderer renderer, Chart chart, Map<String, Object> values, Renderer.Options options,
                                  boolean subNotes, boolean includeCrds) {
        Map<String, String> files = new LinkedHashMap<>(renderer.render(chart, values, options));
        StringBuilder notes = new StringBuilder();
        String topNotes = chart.name() + "/templates/NOTES.txt";
        for (String k : new ArrayList<>(new TreeMap<>(files).keySet())) {
            if (k.endsWith("NOTES.txt")) {
                if (subNotes || k.equals(topNotes)) {
                    if (notes.length() > 0) notes.append('\n');
                    notes.append(files.get(k));
                }
                files.remove(k);
            }
        }
        ManifestSorter.Result sorted = ManifestSorter.sort(files, ManifestSorter.INSTALL_ORDER);
        StringBuilder b = new StringBuilder();
        if (includeCrds) {
            for (ChartFile crd : chart.crds()) {
                b.append("---\n# Source: ").append(chart.name()).append('/').append(crd.name()).append('\n')
                        .append(crd.text()).append('\n');
            }
        }
        for (ManifestSorter.Manifest m : sorted.manifests()) {
            b.append("---\n# Source: ").append(m.name()).append('\n').append(m.content()).append('\n');
        }
        return new Rendered(sorted.hooks(), b.toString(), notes.toString());
    }
}

package dev.charter.kube.render;

import dev.charter.chart.Chart;
import java.util.Map;

/**
 * The template engine as install/upgrade need it: Helm's {@code ToRenderValues} + {@code engine.Render}.
 * Returns every rendered file keyed by its path ({@code CHART/templates/x.yaml}, NOTES.txt included);
 * {@link ReleaseRenderer} turns that into hooks, the sorted manifest and notes.
 */
@FunctionalInterface
public interface Renderer {

    /** What {@code .Release} and {@code .Capabilities} say during rendering. */
    record Options(String name, String namespace, int revision, boolean isInstall, boolean isUpgrade,
                   String kubeVersion, java.util.List<String> apiVersions) {
    }

    Map<String, String> render(Chart chart, Map<String, Object> userValues, Options options);
}

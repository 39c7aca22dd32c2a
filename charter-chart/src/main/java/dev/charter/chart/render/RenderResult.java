package dev.charter.chart.render;

import dev.charter.chart.values.ChartNode;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Renderer#render}: sorted manifests (Helm's install order), hooks sorted
 * by kind, the NOTES text, the CRD files of the chart tree, the processed chart and the values
 * the templates saw.
 */
public record RenderResult(List<Manifest> manifests, List<Hook> hooks, String notes, List<ChartNode.Crd> crds,
                           ChartNode chart, Map<String, Object> values, Map<String, String> files) {
}

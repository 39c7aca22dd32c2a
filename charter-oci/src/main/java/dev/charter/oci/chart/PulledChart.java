package dev.charter.oci.chart;

import java.nio.file.Path;

/**
 * The result of a pull: the reference as Helm prints it, the manifest digest, the config JSON,
 * and where the chart and provenance ended up ({@code null} when not requested or absent).
 */
public record PulledChart(String reference, String manifestDigest, byte[] config, Path chart, Path provenance) {
}

package dev.charter.chart.loader;

import java.time.Instant;

/** A file read from a chart directory or archive before it is sorted into the chart's parts. */
public record BufferedFile(String name, Instant modTime, byte[] data) {
}

package dev.charter.chart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A file of a chart: its path relative to the chart root ({@code /}-separated), mtime and bytes. */
public record ChartFile(String name, Instant modTime, byte[] data) {

    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}

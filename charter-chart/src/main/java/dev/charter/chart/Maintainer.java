package dev.charter.chart;

/** A Chart.yaml maintainer; empty strings stand for absent fields, as in Go. */
public record Maintainer(String name, String email, String url) {
}

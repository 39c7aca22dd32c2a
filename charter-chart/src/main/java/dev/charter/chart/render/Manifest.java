package dev.charter.chart.render;

/** A rendered manifest document: its source template, content and head (apiVersion/kind/name). */
public record Manifest(String name, String content, String apiVersion, String kind, String metadataName) {
}

package dev.charter.chart.plugin;

/**
 * An installed plugin: its directory as Helm names it (the plugins directory joined with the
 * entry name, which becomes {@code HELM_PLUGIN_DIR}) and its metadata.
 */
public record Plugin(String dir, PluginMetadata metadata) {
}

package dev.charter.chart.plugin;

/** A plugin that cannot be found, loaded or run; the message is Helm's. */
public class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message, null, false, false);
    }
}

package dev.charter.cli;

import dev.charter.chart.plugin.PluginException;
import dev.charter.chart.plugin.PluginLoader;
import dev.charter.chart.plugin.PostRendererPlugin;
import dev.charter.chart.plugin.SubprocessRuntime;
import dev.charter.chart.render.PostRenderer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Helm's {@code bindPostRenderFlag} as a picocli mixin, shared by template, install and upgrade.
 * Helm resolves the plugin while parsing the flag, so {@link #resolve} runs before any other
 * check of the command and fails with cobra's "invalid argument" wording.
 */
public final class PostRendererFlags {

    @Option(names = "--post-renderer", paramLabel = "postRendererString", description = "the name of a postrenderer type plugin to be used for post rendering. If it exists, the plugin will be used")
    List<String> names = new ArrayList<>();
    @Option(names = "--post-renderer-args", paramLabel = "postRendererArgsSlice", description = "an argument to the post-renderer (can specify multiple) (default [])")
    List<String> args = new ArrayList<>();

    /** The post-renderer named by the flags, or null when none was given. */
    public PostRenderer resolve(CliContext ctx) {
        String chosen = null;
        PostRenderer renderer = null;
        for (String name : names) {
            if (name.isEmpty()) {
                continue; // Helm's Set ignores an empty value
            }
            if (chosen != null) {
                throw invalid(name, "cannot specify --post-renderer flag more than once");
            }
            chosen = name;
            try {
                renderer = PostRendererPlugin.find(new PluginLoader(ctx.workingDirectory()),
                        PluginLoader.splitList(ctx.settings().pluginsDirectory().toString()), name, args,
                        new SubprocessRuntime(ctx.env(), ctx.workingDirectory()));
            } catch (PluginException e) {
                throw invalid(name, e.getMessage());
            }
        }
        return renderer;
    }

    private static CliException invalid(String value, String problem) {
        return new CliException("invalid argument \"" + value + "\" for \"--post-renderer\" flag: " + problem);
    }
}

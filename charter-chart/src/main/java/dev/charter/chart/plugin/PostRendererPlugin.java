package dev.charter.chart.plugin;

import dev.charter.chart.render.PostRenderer;
import dev.charter.chart.render.RenderException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Helm v4's {@code postrenderer.NewPostRendererPlugin}: an installed plugin of type
 * {@code postrenderer/v1} run with the {@code --post-renderer-args}; its output must not be blank.
 */
public final class PostRendererPlugin implements PostRenderer {

    public static final String TYPE = "postrenderer/v1";

    private final Plugin plugin;
    private final List<String> args;
    private final SubprocessRuntime runtime;

    private PostRendererPlugin(Plugin plugin, List<String> args, SubprocessRuntime runtime) {
        this.plugin = plugin;
        this.args = List.copyOf(args);
        this.runtime = runtime;
    }

    /**
     * The post-renderer plugin {@code name} from the plugins directories ({@link PluginLoader#splitList}),
     * or a {@link PluginException} with Helm's text ("plugin: {Name:… Type:postrenderer/v1} not found").
     */
    public static PostRendererPlugin find(PluginLoader loader, List<String> pluginDirs, String name, List<String> args,
                                          SubprocessRuntime runtime) {
        return new PostRendererPlugin(loader.find(pluginDirs, name, TYPE), args, runtime);
    }

    public Plugin plugin() {
        return plugin;
    }

    @Override
    public String run(String renderedManifests) {
        byte[] out;
        try {
            out = runtime.run(plugin, renderedManifests.getBytes(StandardCharsets.UTF_8), args);
        } catch (PluginException e) {
            throw new RenderException("failed to invoke post-renderer plugin \"" + plugin.metadata().name() + "\": "
                    + e.getMessage(), e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (text.strip().isEmpty()) {
            throw new RenderException("post-renderer \"" + plugin.metadata().name() + "\" produced empty output");
        }
        return text;
    }
}

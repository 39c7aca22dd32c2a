package dev.charter.chart.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds installed plugins as Helm v4's {@code plugin.FindPlugin} does: every {@code <dir>/*\/plugin.yaml}
 * of each plugins directory (HELM_PLUGINS is a path list), in name order; plugins that fail to load
 * are skipped; two loadable plugins of one name in one directory are an error.
 */
public final class PluginLoader {

    private final Path workingDirectory;

    /** @param workingDirectory what relative plugins directories are relative to */
    public PluginLoader(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** The plugin list from a HELM_PLUGINS value (Go's {@code filepath.SplitList}). */
    public static List<String> splitList(String pluginsDirectories) {
        if (pluginsDirectories.isEmpty()) {
            return List.of();
        }
        return List.of(pluginsDirectories.split(java.io.File.pathSeparator, -1));
    }

    /** The first plugin named {@code name} of {@code type}, or Helm's "not found" error. */
    public Plugin find(List<String> dirs, String name, String type) {
        for (String dir : dirs) {
            for (Plugin p : loadAll(dir)) {
                if (p.metadata().name().equals(name) && p.metadata().type().equals(type)) {
                    return p;
                }
            }
        }
        throw new PluginException("plugin: {Name:" + name + " Type:" + type + "} not found");
    }

    /** Helm's {@code LoadAllDir} ignoring load errors, with its duplicate check. */
    public List<Plugin> loadAll(String dir) {
        Path base = workingDirectory.resolve(dir.isEmpty() ? "." : dir);
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> s = Files.list(base)) {
                s.forEach(p -> entries.add(p.getFileName().toString()));
            } catch (IOException e) {
                return List.of();
            }
        }
        entries.sort(null);
        List<Plugin> plugins = new ArrayList<>();
        for (String entry : entries) {
            Path yaml = base.resolve(entry).resolve("plugin.yaml");
            if (!Files.exists(yaml)) {
                continue;
            }
            String helmDir = Path.of(dir.isEmpty() ? "." : dir).resolve(entry).normalize().toString();
            try {
                plugins.add(new Plugin(helmDir, PluginMetadata.parse(Files.readString(yaml, StandardCharsets.UTF_8))));
            } catch (IOException | RuntimeException e) {
                // Helm logs "failed to load plugin (ignoring)" and goes on
            }
        }
        Map<String, String> names = new HashMap<>();
        for (Plugin p : plugins) {
            String old = names.putIfAbsent(p.metadata().name(), p.dir());
            if (old != null) {
                throw new PluginException("two plugins claim the name \"" + p.metadata().name() + "\" at \"" + old
                        + "\" and \"" + p.dir() + "\"");
            }
        }
        return plugins;
    }
}

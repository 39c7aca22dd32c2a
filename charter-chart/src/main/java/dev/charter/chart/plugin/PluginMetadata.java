package dev.charter.chart.plugin;

import dev.charter.yaml.YamlException;
import dev.charter.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plugin's {@code plugin.yaml} as Helm v4 converts it (its {@code plugin.Metadata}): apiVersion
 * {@code v1} files are read strictly, files without apiVersion are legacy plugins, which Helm
 * always types {@code cli/v1} (or {@code getter/v1} with downloaders) and runs as subprocesses.
 */
public record PluginMetadata(String apiVersion, String name, String type, String runtime, String version,
                             List<PlatformCommand> platformCommands) {

    private static final Pattern VALID_NAME = Pattern.compile("^[A-Za-z0-9_-]+$");
    /** Masterminds semver's StrictNewVersion grammar. */
    private static final Pattern STRICT_SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");
    private static final Set<String> V1_FIELDS = Set.of("apiVersion", "name", "type", "runtime", "version", "sourceURL",
            "config", "runtimeConfig");
    private static final Set<String> KNOWN_TYPES = Set.of("test/v1", "cli/v1", "getter/v1", "postrenderer/v1");

    /** Helm's {@code loadMetadata}: the file's text into metadata, or a {@link PluginException}. */
    public static PluginMetadata parse(String yaml) {
        Object doc;
        try {
            doc = YamlReader.parse(yaml);
        } catch (YamlException e) {
            throw new PluginException("failed to peek plugin.yaml API version: " + e.getMessage());
        }
        Map<?, ?> m = doc instanceof Map<?, ?> map ? map : Map.of();
        String apiVersion = str(m.get("apiVersion"));
        return switch (apiVersion) {
            case "" -> legacy(m);
            case "v1" -> v1(m);
            default -> throw new PluginException("invalid plugin apiVersion: \"" + apiVersion + "\"");
        };
    }

    private static PluginMetadata legacy(Map<?, ?> m) {
        String name = str(m.get("name"));
        String version = str(m.get("version"));
        if (!VALID_NAME.matcher(name).matches()) {
            throw new PluginException("invalid plugin name \"" + name + "\": must contain only a-z, A-Z, 0-9, _ and -");
        }
        if (!version.isEmpty() && !STRICT_SEMVER.matcher(version).matches()) {
            throw new PluginException("invalid plugin version \"" + version + "\": must be valid semver");
        }
        List<PlatformCommand> cmds = platformCommands(m.get("platformCommand"));
        String command = str(m.get("command"));
        if (!cmds.isEmpty() && !command.isEmpty()) {
            throw new PluginException("both platformCommand and command are set");
        }
        if (cmds.isEmpty() && !command.isEmpty()) {
            cmds = List.of(new PlatformCommand("", "", command, List.of()));
        }
        boolean downloaders = m.get("downloaders") instanceof List<?> l && !l.isEmpty();
        return new PluginMetadata("legacy", name, downloaders ? "getter/v1" : "cli/v1", "subprocess", version, cmds);
    }

    private static PluginMetadata v1(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!V1_FIELDS.contains(String.valueOf(k))) {
                throw new PluginException("yaml: unmarshal errors:\n  field " + k + " not found in type plugin.MetadataV1");
            }
        }
        String name = str(m.get("name"));
        String version = str(m.get("version"));
        String type = str(m.get("type"));
        String runtime = str(m.get("runtime"));
        if (!VALID_NAME.matcher(name).matches()) {
            throw new PluginException("invalid plugin `name`");
        }
        if (version.isEmpty()) {
            throw new PluginException("plugin `version` is required");
        }
        if (!STRICT_SEMVER.matcher(version).matches()) {
            throw new PluginException("invalid plugin `version` \"" + version + "\": must be valid semver");
        }
        if (type.isEmpty()) {
            throw new PluginException("`type` missing");
        }
        if (runtime.isEmpty()) {
            throw new PluginException("`runtime` missing");
        }
        if (!KNOWN_TYPES.contains(type)) {
            throw new PluginException("failed to convert MetadataV1 to Metadata: unknown plugin type \"" + type + "\"");
        }
        if ("postrenderer/v1".equals(type) && m.get("config") instanceof Map<?, ?> cfg && !cfg.isEmpty()) {
            // the postrenderer/v1 config type has no fields and is decoded strictly
            throw new PluginException("failed to convert MetadataV1 to Metadata: yaml: unmarshal errors:\n  field "
                    + cfg.keySet().iterator().next() + " not found in type schema.ConfigPostRendererV1");
        }
        List<PlatformCommand> cmds = List.of();
        switch (runtime) {
            case "subprocess" -> {
                Object rc = m.get("runtimeConfig");
                cmds = platformCommands(rc instanceof Map<?, ?> r ? r.get("platformCommand") : null);
            }
            case "extism/v1" -> { }
            default -> throw new PluginException("failed to convert MetadataV1 to Metadata: unsupported plugin runtime type: \""
                    + runtime + "\"");
        }
        return new PluginMetadata("v1", name, type, runtime, version, cmds);
    }

    private static List<PlatformCommand> platformCommands(Object raw) {
        List<PlatformCommand> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> c) {
                    List<String> args = new ArrayList<>();
                    if (c.get("args") instanceof List<?> a) {
                        a.forEach(x -> args.add(str(x)));
                    }
                    out.add(new PlatformCommand(str(c.get("os")), str(c.get("arch")), str(c.get("command")), args));
                }
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}

package dev.charter.cli.registry;

import java.nio.file.Path;
import java.util.Map;

/** Where the registry keeps data unless told otherwise: {@code $XDG_DATA_HOME/charter/registry}. */
final class RegistryPaths {

    private RegistryPaths() {
    }

    static Path defaultRoot(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "charter", "registry");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "share", "charter", "registry");
    }
}

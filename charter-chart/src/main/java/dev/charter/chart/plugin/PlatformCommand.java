package dev.charter.chart.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of a subprocess plugin's {@code platformCommand}: a command for an operating system
 * and architecture (either may be empty to match any), as Helm's {@code PlatformCommand}.
 */
public record PlatformCommand(String os, String arch, String command, List<String> args) {

    public PlatformCommand {
        os = os == null ? "" : os;
        arch = arch == null ? "" : arch;
        command = command == null ? "" : command;
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The executable and its arguments, ready to start. */
    public record Prepared(String main, List<String> args) {
    }

    /**
     * Helm's {@code getPlatformCommand} and {@code PrepareCommands}: the best match for
     * {@code goos}/{@code goarch} (exact, then OS only, then unconstrained), its command split on
     * spaces, {@code $VAR} expanded from {@code env} in the command and (when {@code expandArgs})
     * its arguments, then {@code extraArgs} appended unexpanded.
     */
    public static Prepared prepare(List<PlatformCommand> cmds, String goos, String goarch, boolean expandArgs,
                                   List<String> extraArgs, Map<String, String> env) {
        PlatformCommand chosen = select(cmds, goos, goarch);
        String[] parts = chosen == null ? new String[0] : chosen.command().split(" ", -1);
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw new PluginException("no plugin command is applicable");
        }
        String main = GoExpand.expand(parts[0], env);
        List<String> args = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            args.add(expandArgs ? GoExpand.expand(parts[i], env) : parts[i]);
        }
        for (String a : chosen.args()) {
            args.add(expandArgs ? GoExpand.expand(a, env) : a);
        }
        args.addAll(extraArgs);
        return new Prepared(main, args);
    }

    static PlatformCommand select(List<PlatformCommand> cmds, String goos, String goarch) {
        PlatformCommand found = null;
        boolean foundOs = false;
        for (PlatformCommand c : cmds) {
            if (c.os().equalsIgnoreCase(goos) && c.arch().equalsIgnoreCase(goarch)) {
                return c;
            }
            if ((!c.os().isEmpty() && !c.os().equalsIgnoreCase(goos)) || !c.arch().isEmpty()) {
                continue;
            }
            if (!foundOs && !c.os().isEmpty()) {
                found = c;
                foundOs = true;
            } else if (found == null) {
                found = c;
            }
        }
        return found;
    }

    /** Go's {@code runtime.GOOS} for this JVM. */
    public static String currentOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        return os.replace(" ", "");
    }

    /** Go's {@code runtime.GOARCH} for this JVM. */
    public static String currentArch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
    }
}

package dev.charter.chart.plugin;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm v4's subprocess plugin runtime ({@code SubprocessPluginRuntime}) for post-renderers: the
 * platform command is prepared with HELM_PLUGIN_NAME/HELM_PLUGIN_DIR added to the caller's
 * environment, the input is written to the child's stdin, its stdout is the result and its stderr
 * is discarded, as Helm does (only its debug log shows it).
 */
public final class SubprocessRuntime {

    private final Map<String, String> environment;
    private final Path workingDirectory;

    /**
     * @param environment      the caller's environment (Helm passes {@code os.Environ()})
     * @param workingDirectory the child's working directory
     */
    public SubprocessRuntime(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    /** A non-zero exit, with Helm's {@code InvokeExecError} text and the child's exit code. */
    public static final class ExecException extends PluginException {
        private final int exitCode;

        ExecException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Runs {@code plugin} with {@code input} on stdin and returns its stdout. */
    public byte[] run(Plugin plugin, byte[] input, List<String> extraArgs) {
        PluginMetadata m = plugin.metadata();
        if (!"subprocess".equals(m.runtime())) {
            throw new PluginException("unsupported plugin runtime type: \"" + m.runtime() + "\"");
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("HELM_PLUGIN_NAME", m.name());
        env.put("HELM_PLUGIN_DIR", plugin.dir());
        PlatformCommand.Prepared cmd;
        try {
            cmd = PlatformCommand.prepare(m.platformCommands(), PlatformCommand.currentOs(),
                    PlatformCommand.currentArch(), true, extraArgs, env);
        } catch (PluginException e) {
            throw new PluginException("failed to prepare plugin command: " + e.getMessage());
        }
        List<String> argv = new ArrayList<>();
        argv.add(executable(cmd.main()));
        argv.addAll(cmd.args());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(workingDirectory.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new PluginException("fork/exec " + cmd.main() + ": " + startFailure(e));
        }
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            } catch (IOException ignored) {
                // a child that exits without reading its input is judged by its exit status
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = p.getInputStream()) {
            stdout.transferTo(out);
            int code = p.waitFor();
            feeder.join();
            if (code != 0) {
                throw new ExecException("plugin \"" + m.name() + "\" exited with error", code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PluginException("plugin \"" + m.name() + "\" interrupted");
        }
        return out.toByteArray();
    }

    /** Go's {@code exec.Command} lookup: a bare name is searched in PATH, a path is used as is. */
    private String executable(String main) {
        if (main.contains("/")) {
            Path p = workingDirectory.resolve(main);
            return p.toString();
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate = workingDirectory.resolve(dir.isEmpty() ? "." : dir).resolve(main);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new PluginException("exec: \"" + main + "\": executable file not found in $PATH");
    }

    private static String startFailure(IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("Permission denied")) {
            return "permission denied";
        }
        if (msg.contains("No such file")) {
            return "no such file or directory";
        }
        return msg;
    }
}

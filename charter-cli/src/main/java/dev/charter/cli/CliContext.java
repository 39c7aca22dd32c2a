package dev.charter.cli;

import dev.charter.settings.EnvSettings;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a command may touch of the outside world: its streams, environment, working
 * directory and the Helm settings. Commands never use {@code System.*} directly, so the whole CLI
 * runs in-process in tests with captured streams.
 */
public final class CliContext {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final EnvSettings settings;

    public CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path workingDirectory) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.settings = EnvSettings.from(env);
    }

    public InputStream in() { return in; }
    public PrintStream out() { return out; }
    public PrintStream err() { return err; }
    public Map<String, String> env() { return env; }
    public EnvSettings settings() { return settings; }

    /** The directory relative paths on the command line are resolved against. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Resolves a path argument as the shell user meant it. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }

    /** A Helm v4 style warning line ({@code level=WARN msg="..."}) on stderr. */
    public void warn(String message) {
        err.println("level=WARN msg=" + dev.charter.chart.GoQuote.quote(message));
    }

    /** A debug line on stderr when {@code --debug} or HELM_DEBUG is on. */
    public void debug(String message) {
        if (settings.debug()) {
            err.println("level=DEBUG msg=" + dev.charter.chart.GoQuote.quote(message));
        }
    }
}

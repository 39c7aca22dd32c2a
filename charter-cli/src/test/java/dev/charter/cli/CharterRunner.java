package dev.charter.cli;

import dev.charter.testing.ProcessResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the Charter CLI in-process with an explicit environment, returning what a process would. */
public final class CharterRunner {

    private final Map<String, String> env = new HashMap<>();

    public CharterRunner(Map<String, String> env) {
        this.env.putAll(env);
    }

    public CharterRunner withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ProcessResult run(Path workDir, String... args) {
        return run(workDir, Map.of(), null, args);
    }

    public ProcessResult run(Path workDir, Map<String, String> extraEnv, byte[] stdin, String... args) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(extraEnv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Charter.execute(args, merged, workDir,
                    new ByteArrayInputStream(stdin == null ? new byte[0] : stdin), o, e);
            return new ProcessResult(code, out.toByteArray(), err.toByteArray());
        }
    }
}

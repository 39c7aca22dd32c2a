package dev.charter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real kube-apiserver v1.20.2 for tests (shared/tools/kube-e2e), started once per JVM on first use.
 * If {@code KUBE_E2E_INSTANCE} is set (e.g. by .ci/run) that instance is reused; otherwise a private
 * one is started in a temp dir and stopped and wiped by a shutdown hook. Never falls back to a
 * developer's own KUBECONFIG. The API is fabric8-free: paths and strings only.
 */
public final class KubeE2E {
    private static Path kubeconfig;
    private static Path instance;

    private KubeE2E() {
    }

    /** The kubeconfig (current context kube-e2e: bearer token, system:masters). Starts the instance if needed. */
    public static synchronized Path kubeconfig() {
        if (kubeconfig == null) {
            try {
                Path tools = toolsDir();
                String shared = System.getenv("KUBE_E2E_INSTANCE");
                Path dir = shared != null && !shared.isEmpty() ? Path.of(shared) : Files.createTempDirectory("kube-e2e-");
                List<String> out = run("bash", tools.resolve("start.sh").toString(), dir.toString()).lines().toList();
                String last = out.isEmpty() ? "" : out.get(out.size() - 1);
                if (!last.startsWith("KUBECONFIG=")) {
                    throw new IllegalStateException("start.sh printed: " + out);
                }
                kubeconfig = Path.of(last.substring("KUBECONFIG=".length()));
                instance = dir;
                if (shared == null || shared.isEmpty()) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            run("bash", tools.resolve("stop.sh").toString(), "--wipe", dir.toString());
                        } catch (IOException e) {
                            e.printStackTrace();
                        }
                    }));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kubeconfig;
    }

    /** The instance directory (holds {@code env}, logs, PKI). */
    public static synchronized Path instanceDir() {
        kubeconfig();
        return instance;
    }

    /** The instance's {@code env} file: KUBECONFIG, KUBE_E2E_SERVER, KUBE_E2E_TOKEN, KUBE_E2E_CA, KUBE_E2E_INSTANCE. */
    public static Map<String, String> env() {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(instanceDir().resolve("env"), StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("export ")) l = l.substring(7);
                int eq = l.indexOf('=');
                if (l.isEmpty() || l.startsWith("#") || eq < 0) continue;
                String v = l.substring(eq + 1);
                if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
                    v = v.substring(1, v.length() - 1);
                }
                m.put(l.substring(0, eq), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** A fresh, unique namespace name ({@code PREFIX-xxxxxxxx}); it is not created. */
    public static String uniqueNamespace(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** KUBE_E2E_TOOLS, else the first shared/tools/kube-e2e found walking up from the working directory. */
    private static Path toolsDir() {
        String env = System.getenv("KUBE_E2E_TOOLS");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("shared/tools/kube-e2e/start.sh"))) {
                return d.resolve("shared/tools/kube-e2e");
            }
        }
        throw new IllegalStateException("shared/tools/kube-e2e not found; set KUBE_E2E_TOOLS");
    }

    /** Runs a command: stderr (progress) goes to ours, stdout is returned, a non-zero exit throws. */
    private static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited with " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}

package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HELM_DRIVER=memory with HELM_MEMORY_DRIVER_DATA, against Helm v4.1.4: the files are loaded before
 * every command (so an unset variable is a fatal start-up error in Helm, and in Charter), releases
 * without a namespace land in "default", duplicates stop the load, and the reading commands see the
 * preloaded history without any cluster (Helm swaps its kube client for a no-op one).
 */
class MemoryDriverDataTest {

    @TempDir
    Path dir;

    private Map<String, String> env(String data) {
        Map<String, String> env = new HashMap<>();
        env.put("HELM_DRIVER", "memory");
        env.put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
        env.put("HOME", dir.toString());
        env.put("TZ", "UTC");
        if (data != null) env.put("HELM_MEMORY_DRIVER_DATA", data);
        return env;
    }

    private void same(String data, String... args) {
        ProcessResult h = HelmOracle.v4().run(dir, env(data), null, args);
        ProcessResult c = new CharterRunner(env(data)).run(dir, args);
        assertThat(c.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(h.err());
        assertThat(c.out()).as("stdout of %s", String.join(" ", args)).isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
    }

    @Test
    void preloadedReleasesReadLikeHelm() throws Exception {
        Path data = dir.resolve("data.yaml");
        try (InputStream in = getClass().getResourceAsStream("/kube/memory-driver-data.yaml")) {
            Files.write(data, in.readAllBytes());
        }
        String d = data.toString();
        same(d, "list");
        same(d, "list", "-A");
        same(d, "list", "-n", "other", "--all", "-o", "json");
        same(d, "list", "-A", "--all", "-o", "yaml");
        same(d, "history", "alpha");
        same(d, "history", "alpha", "-o", "json");
        same(d, "status", "alpha");
        same(d, "status", "alpha", "--revision", "1", "-o", "json");
        same(d, "get", "all", "alpha");
        same(d, "get", "values", "alpha", "--revision", "1", "-o", "json");
        same(d, "get", "manifest", "alpha", "--revision", "1");
        same(d, "get", "notes", "alpha");
        same(d, "status", "beta");
        same(d, "status", "beta", "-n", "other");
        same(d, "history", "gamma");
        // two files: the second load of the same records stops at the first duplicate
        same(d + ":" + d, "list");
        Path more = dir.resolve("more.yaml");
        Files.writeString(more, "- name: delta\n  namespace: default\n  version: 1\n  info: {status: deployed}\n");
        same(d + ":" + more, "list", "--short");
    }

    @Test
    void unreadableDataIsFatalAtStartUp() {
        same(null, "list");
        same("", "history", "x");
        same(dir.resolve("missing.yaml").toString(), "status", "x");
        same(dir.toString(), "list");
    }
}

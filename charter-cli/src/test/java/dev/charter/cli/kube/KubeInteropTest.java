package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helm v4 installs and upgrades; Charter reads the same releases byte for byte, and the other way round. */
class KubeInteropTest {

    static Path kubeconfig;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        kubeconfig = KubeE2E.kubeconfig();
    }

    private Path chart(String version) throws Exception {
        Path c = dir.resolve("demo");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: " + version
                + "\nappVersion: \"1.2\"\nannotations:\n  team: web\n");
        Files.writeString(c.resolve("values.yaml"), "greeting: hello\nnested:\n  a: 1\n  b: [x, y]\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
                + "data:\n  greeting: {{ .Values.greeting | quote }}\n");
        Files.writeString(c.resolve("templates/hook.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-hook\n"
                + "  annotations:\n    helm.sh/hook: post-install,post-upgrade\n    helm.sh/hook-weight: \"5\"\n"
                + "    helm.sh/hook-delete-policy: before-hook-creation\ndata:\n  x: \"1\"\n");
        Files.writeString(c.resolve("templates/NOTES.txt"), "Thanks for installing {{ .Release.Name }}.\n");
        return c;
    }

    private void same(HelmOracle helm, CharterRunner charter, String... args) {
        ProcessResult h = helm.run(dir, Map.of("KUBECONFIG", kubeconfig.toString()), null, args);
        ProcessResult c = charter.run(dir, args);
        assertThat(c.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(h.err());
        assertThat(c.out()).as("stdout of %s", String.join(" ", args)).isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
    }

    private CharterRunner charter() {
        return new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));
    }

    @Test
    void helmInstallsCharterReads() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("t");
        Path chart = chart("0.1.0");
        Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toString());
        ProcessResult inst = helm.run(dir, env, null, "install", "r1", chart.toString(), "-n", ns, "--create-namespace",
                "--set", "greeting=hi", "--labels", "tier=front");
        assertThat(inst.exitCode()).as(inst.toString()).isZero();
        ProcessResult up = helm.run(dir, env, null, "upgrade", "r1", chart.toString(), "-n", ns, "--set", "nested.a=2");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        CharterRunner charter = charter();
        same(helm, charter, "list", "-n", ns);
        same(helm, charter, "list", "-n", ns, "-o", "json");
        same(helm, charter, "list", "-n", ns, "-o", "yaml");
        same(helm, charter, "list", "-n", ns, "--superseded");
        // --time-format takes any Go layout (Go's Time.Format, shared with Sprig's date functions)
        same(helm, charter, "list", "-n", ns, "--time-format", "Monday, 02-Jan-06 3:04:05.000000 PM MST Z07:00 _2 002 .999");
        same(helm, charter, "list", "-n", ns, "--time-format", "2006-01-02");
        same(helm, charter, "history", "r1", "-n", ns);
        same(helm, charter, "history", "r1", "-n", ns, "-o", "json");
        same(helm, charter, "history", "r1", "-n", ns, "-o", "yaml");
        same(helm, charter, "get", "values", "r1", "-n", ns);
        same(helm, charter, "get", "values", "r1", "-n", ns, "--revision", "1", "-o", "json");
        same(helm, charter, "get", "values", "r1", "-n", ns, "-a");
        same(helm, charter, "get", "manifest", "r1", "-n", ns);
        same(helm, charter, "get", "notes", "r1", "-n", ns);
        same(helm, charter, "get", "hooks", "r1", "-n", ns);
        same(helm, charter, "get", "metadata", "r1", "-n", ns);
        same(helm, charter, "get", "metadata", "r1", "-n", ns, "-o", "json");
        same(helm, charter, "get", "all", "r1", "-n", ns);
        same(helm, charter, "status", "nope", "-n", ns);

        // Charter rolls back; Helm sees the result
        ProcessResult rb = charter.run(dir, "rollback", "r1", "1", "-n", ns);
        assertThat(rb.out()).as(rb.toString()).isEqualTo("Rollback was a success! Happy Helming!\n");
        same(helm, charter, "history", "r1", "-n", ns);
        same(helm, charter, "get", "values", "r1", "-n", ns);
        // Helm upgrades a release Charter rolled back
        ProcessResult up2 = helm.run(dir, env, null, "upgrade", "r1", chart.toString(), "-n", ns, "--set", "greeting=yo");
        assertThat(up2.exitCode()).as(up2.toString()).isZero();
        same(helm, charter, "history", "r1", "-n", ns);
        // Charter uninstalls, keeping history; Helm lists it
        ProcessResult un = charter.run(dir, "uninstall", "r1", "-n", ns, "--keep-history");
        assertThat(un.out()).as(un.toString()).isEqualTo("release \"r1\" uninstalled\n");
        same(helm, charter, "list", "-n", ns, "--uninstalled");
        same(helm, charter, "history", "r1", "-n", ns);
        // Charter purges it
        ProcessResult un2 = charter.run(dir, "uninstall", "r1", "-n", ns);
        assertThat(un2.exitCode()).as(un2.toString()).isZero();
        same(helm, charter, "list", "-n", ns, "--uninstalled");
    }
}

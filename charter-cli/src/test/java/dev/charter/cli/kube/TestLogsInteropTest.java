package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test --logs} against Helm v4.1.4: the test pods are bound to a {@link FakeNode} whose
 * in-process "kubelet" serves container logs, so the real API server proxies {@code pods/NAME/log}
 * to it. Output (status, a blank line, "POD LOGS: name" and the log per test pod by weight), filters,
 * a failing test (its error, then the logs) and the hook-succeeded deletion that waits until the logs
 * are read all match. Without a node, the API server's refusal is Helm's error text.
 */
class TestLogsInteropTest {

    @TempDir
    Path dir;

    /**
     * As {@link HooksWaitInteropTest#both}, minus client-go's klog lines that Helm's watcher sometimes prints
     * when it stops ("watch ended with error ... context canceled"): a race inside Helm, not output.
     */
    private static dev.charter.testing.ProcessResult both(SoftAssertions soft, Path dir, HelmOracle helm, CharterRunner charter, String ns, String nsH,
                             String... args) {
        String[] a = args.clone();
        String[] b = args.clone();
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].replace("NS", ns);
            b[i] = args[i].replace("NS", nsH);
        }
        var c = charter.run(dir, a);
        var h = helm.run(dir, Map.of("KUBECONFIG", KubeE2E.kubeconfig().toString()), null, b);
        String what = String.join(" ", args);
        String helmErr = h.err().replaceAll("(?m)^[IWE]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d+ .*\n", "");
        soft.assertThat(HooksWaitInteropTest.norm(c.err(), ns)).as("stderr of %s", what).isEqualTo(HooksWaitInteropTest.norm(helmErr, nsH));
        soft.assertThat(HooksWaitInteropTest.norm(c.out(), ns)).as("stdout of %s", what).isEqualTo(HooksWaitInteropTest.norm(h.out(), nsH));
        soft.assertThat(c.exitCode()).as("exit of %s", what).isEqualTo(h.exitCode());
        return c;
    }

    private Path chart() throws Exception {
        Path c = dir.resolve("tl");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: tl\nversion: 0.1.0\n");
        Files.writeString(c.resolve("values.yaml"), "failTest: false\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata: {}\n");
        String pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-%s\n  annotations:\n    helm.sh/hook: test\n"
                + "    helm.sh/hook-weight: \"%s\"\n%sspec:\n  restartPolicy: Never\n  automountServiceAccountToken: false\n"
                + "  containers:\n  - name: %s\n    image: busybox\n";
        Files.writeString(c.resolve("templates/test-b.yaml"), pod.formatted("test-b", "2", "", "check"));
        Files.writeString(c.resolve("templates/test-a.yaml"), pod.formatted("test-a", "1",
                "    helm.sh/hook-delete-policy: hook-succeeded\n", "probe"));
        Files.writeString(c.resolve("templates/test-fail.yaml"), "{{- if .Values.failTest }}\n"
                + pod.formatted("test-fail", "3", "", "t") + "{{- end }}\n");
        return c;
    }

    @Test
    void podLogsThroughTheApiServer() throws Exception {
        Path kubeconfig = KubeE2E.kubeconfig();
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("tlc");
        String nsH = KubeE2E.uniqueNamespace("tlh");
        Path chart = chart();
        CharterRunner charter = new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));
        SoftAssertions soft = new SoftAssertions();
        try (FakeKubelet k = new FakeKubelet(kubeconfig, dir, ns, nsH)) {
            both(soft, dir, helm, charter, ns, nsH, "install", "t", chart.toString(), "-n", "NS", "--create-namespace");
            var logs = both(soft, dir, helm, charter, ns, nsH, "test", "t", "-n", "NS", "--logs");
            soft.assertThat(logs.out()).endsWith("Phase:          Succeeded\n\nPOD LOGS: t-test-a\nlog of t-test-a/probe\nsecond line\n"
                    + "POD LOGS: t-test-b\nlog of t-test-b/check\nsecond line\n").doesNotContain("t-test-fail");
            both(soft, dir, helm, charter, ns, nsH, "test", "t", "-n", "NS", "--logs", "--filter", "name=t-test-b");
            both(soft, dir, helm, charter, ns, nsH, "test", "t", "-n", "NS", "--logs", "--filter", "!name=t-test-b");
            both(soft, dir, helm, charter, ns, nsH, "upgrade", "t", chart.toString(), "-n", "NS", "--set", "failTest=true");
            both(soft, dir, helm, charter, ns, nsH, "test", "t", "-n", "NS", "--logs");
        }
        soft.assertAll();
        // the logs came from the node, and hook-succeeded removed test-a only after they were read
        var cfg = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient c = new KubernetesClientBuilder().withConfig(cfg).build()) {
            for (String n : new String[] {ns, nsH}) {
                assertThat(c.pods().inNamespace(n).withName("t-test-b").get()).isNotNull();
                long deadline = System.currentTimeMillis() + 30_000;
                while (c.pods().inNamespace(n).withName("t-test-a").get() != null && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(c.pods().inNamespace(n).withName("t-test-a").get()).as("deleted by hook-succeeded in %s", n).isNull();
            }
        }
    }

    @Test
    void noNodeNoLogs() throws Exception {
        Path kubeconfig = KubeE2E.kubeconfig();
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("tnc");
        String nsH = KubeE2E.uniqueNamespace("tnh");
        CharterRunner charter = new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));
        SoftAssertions soft = new SoftAssertions();
        Path chart = chart();
        try (FakeKubelet k = new FakeKubelet(kubeconfig, ns, nsH)) {
            both(soft, dir, helm, charter, ns, nsH, "install", "t", chart.toString(), "-n", "NS", "--create-namespace");
            both(soft, dir, helm, charter, ns, nsH, "test", "t", "-n", "NS", "--logs");
        }
        soft.assertAll();
    }
}

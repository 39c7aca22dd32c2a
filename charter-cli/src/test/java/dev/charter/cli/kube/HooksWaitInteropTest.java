package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hook Jobs, failing hooks, --rollback-on-failure and --wait against a real API server, compared with Helm v4.1.4. */
class HooksWaitInteropTest {

    static Path kubeconfig;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        kubeconfig = KubeE2E.kubeconfig();
    }

    static final String JOB = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: %s\n  annotations:\n"
            + "    helm.sh/hook: %s\n    helm.sh/hook-weight: \"%s\"\n%s"
            + "spec:\n  backoffLimit: 0\n  template:\n    spec:\n      restartPolicy: Never\n"
            + "      containers:\n      - name: c\n        image: busybox\n        command: [\"true\"]\n";

    static Path hookChart(Path dir) throws Exception {
        Path c = dir.resolve("hk");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: hk\nversion: 0.1.0\n");
        Files.writeString(c.resolve("values.yaml"), "failHook: false\nweb: false\nslow: false\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
                + "data:\n  rev: {{ .Release.Revision | quote }}\n");
        Files.writeString(c.resolve("templates/pre.yaml"), JOB.formatted("{{ .Release.Name }}-pre", "pre-install,pre-upgrade", "-1",
                "    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded\n"));
        Files.writeString(c.resolve("templates/post.yaml"), JOB.formatted("{{ .Release.Name }}-post", "post-install,post-upgrade", "3", ""));
        Files.writeString(c.resolve("templates/precm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-precm\n"
                + "  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-weight: \"5\"\ndata:\n  x: \"1\"\n");
        Files.writeString(c.resolve("templates/fail.yaml"), "{{- if .Values.failHook }}\n"
                + JOB.formatted("{{ .Release.Name }}-fail", "pre-install,pre-upgrade", "0",
                "    helm.sh/hook-delete-policy: before-hook-creation\n") + "{{- end }}\n");
        Files.writeString(c.resolve("templates/deploy.yaml"), "{{- range $n := list \"web\" \"slow\" }}\n{{- if index $.Values $n }}\n"
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ $.Release.Name }}-{{ $n }}\n"
                + "spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: {{ $n }}\n  template:\n    metadata:\n"
                + "      labels:\n        app: {{ $n }}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n"
                + "{{- end }}\n{{- end }}\n");
        Files.writeString(c.resolve("templates/NOTES.txt"), "Hooked {{ .Release.Name }}.\n");
        return c;
    }

    private CharterRunner charter() {
        return new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));
    }

    static String norm(String s, String ns) {
        return KubeAges.mask(s).replace(ns, "NS").replaceAll("LAST DEPLOYED: .*", "LAST DEPLOYED: X")
                .replaceAll("(Last Started|Last Completed): .*", "$1: X")
                .replaceAll("[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}", "TIME")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)", "T");
    }

    /** Runs {@code args} (with {@code NS} replaced) by Charter in ns and by Helm in nsH; compares the results. */
    static void both(SoftAssertions soft, Path dir, HelmOracle helm, CharterRunner charter, String ns, String nsH,
                     String... args) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String x : args) {
            a.add(x.replace("NS", ns));
            b.add(x.replace("NS", nsH));
        }
        ProcessResult c = charter.run(dir, a.toArray(String[]::new));
        ProcessResult h = helm.run(dir, Map.of("KUBECONFIG", KubeE2E.kubeconfig().toString()), null, b.toArray(String[]::new));
        String what = String.join(" ", args);
        soft.assertThat(norm(c.err(), ns)).as("stderr of %s", what).isEqualTo(norm(h.err(), nsH));
        soft.assertThat(norm(c.out(), ns)).as("stdout of %s", what).isEqualTo(norm(h.out(), nsH));
        soft.assertThat(c.exitCode()).as("exit of %s", what).isEqualTo(h.exitCode());
    }

    static void sameStored(SoftAssertions soft, String ns, String nsH, String name, int version) throws Exception {
        soft.assertThat(stored(ns, name, version)).as("stored %s v%d", name, version).isEqualTo(stored(nsH, name, version));
    }

    static String stored(String ns, String name, int version) {
        try {
            var cfg = io.fabric8.kubernetes.client.Config.fromKubeconfig(Files.readString(KubeE2E.kubeconfig()));
            try (var k = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(cfg).build()) {
                var sec = k.secrets().inNamespace(ns).withName("sh.helm.release.v1." + name + ".v" + version).get();
                if (sec == null) return "<missing>";
                byte[] gz = java.util.Base64.getDecoder().decode(java.util.Base64.getDecoder().decode(sec.getData().get("release")));
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
                    return norm(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), ns);
                }
            }
        } catch (Exception e) {
            return "<missing: " + e + ">";
        }
    }

    @Test
    void hookJobsRunInOrderAndAreStoredLikeHelm() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("hj");
        String nsH = KubeE2E.uniqueNamespace("hk");
        Path chart = hookChart(dir);
        CharterRunner charter = charter();
        SoftAssertions soft = new SoftAssertions();
        try (FakeKubelet k = new FakeKubelet(kubeconfig, ns, nsH)) {
            both(soft, dir, helm, charter, ns, nsH, "install", "h1", chart.toString(), "-n", "NS", "--create-namespace");
            sameStored(soft, ns, nsH, "h1", 1);
            both(soft, dir, helm, charter, ns, nsH, "upgrade", "h1", chart.toString(), "-n", "NS");
            sameStored(soft, ns, nsH, "h1", 2);
            both(soft, dir, helm, charter, ns, nsH, "status", "h1", "-n", "NS");
            // a failing pre-install hook
            both(soft, dir, helm, charter, ns, nsH, "install", "h2", chart.toString(), "-n", "NS", "--set", "failHook=true");
            sameStored(soft, ns, nsH, "h2", 1);
            // a failing pre-upgrade hook
            both(soft, dir, helm, charter, ns, nsH, "upgrade", "h1", chart.toString(), "-n", "NS", "--set", "failHook=true");
            sameStored(soft, ns, nsH, "h1", 3);
            both(soft, dir, helm, charter, ns, nsH, "history", "h1", "-n", "NS");
        }
        soft.assertAll();
    }

    @Test
    void rollbackOnFailure() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("rf");
        String nsH = KubeE2E.uniqueNamespace("rh");
        Path chart = hookChart(dir);
        CharterRunner charter = charter();
        SoftAssertions soft = new SoftAssertions();
        try (FakeKubelet k = new FakeKubelet(kubeconfig, ns, nsH)) {
            both(soft, dir, helm, charter, ns, nsH, "install", "a1", chart.toString(), "-n", "NS", "--create-namespace",
                    "--set", "failHook=true", "--atomic");
            both(soft, dir, helm, charter, ns, nsH, "history", "a1", "-n", "NS");
            both(soft, dir, helm, charter, ns, nsH, "install", "a1", chart.toString(), "-n", "NS",
                    "--set", "failHook=true", "--rollback-on-failure");
            both(soft, dir, helm, charter, ns, nsH, "install", "a2", chart.toString(), "-n", "NS");
            both(soft, dir, helm, charter, ns, nsH, "upgrade", "a2", chart.toString(), "-n", "NS",
                    "--set", "failHook=true", "--rollback-on-failure");
            both(soft, dir, helm, charter, ns, nsH, "history", "a2", "-n", "NS");
            for (int v = 1; v <= 3; v++) sameStored(soft, ns, nsH, "a2", v);
            both(soft, dir, helm, charter, ns, nsH, "upgrade", "a2", chart.toString(), "-n", "NS",
                    "--set", "failHook=true", "--atomic");
            both(soft, dir, helm, charter, ns, nsH, "history", "a2", "-n", "NS");
        }
        soft.assertAll();
    }

    @Test
    void waitForDeployments() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("wt");
        String nsH = KubeE2E.uniqueNamespace("wh");
        Path chart = hookChart(dir);
        CharterRunner charter = charter();
        SoftAssertions soft = new SoftAssertions();
        try (FakeKubelet k = new FakeKubelet(kubeconfig, ns, nsH)) {
            both(soft, dir, helm, charter, ns, nsH, "install", "w1", chart.toString(), "-n", "NS", "--create-namespace",
                    "--set", "web=true", "--wait", "--timeout", "60s");
            sameStored(soft, ns, nsH, "w1", 1);
            both(soft, dir, helm, charter, ns, nsH, "install", "w2", chart.toString(), "-n", "NS",
                    "--set", "slow=true", "--wait", "--timeout", "2s");
            sameStored(soft, ns, nsH, "w2", 1);
            both(soft, dir, helm, charter, ns, nsH, "upgrade", "w1", chart.toString(), "-n", "NS",
                    "--set", "web=true", "--set", "slow=true", "--wait", "--timeout", "2s");
            sameStored(soft, ns, nsH, "w1", 2);
        }
        soft.assertAll();
    }
}

package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charter's install/upgrade against a real API server, compared with Helm v4.1.4. */
class InstallUpgradeInteropTest {

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
                + "\nappVersion: \"1.2\"\n");
        Files.writeString(c.resolve("values.yaml"), "greeting: hello\nnested:\n  a: 1\n  b: [x, y]\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
                + "data:\n  greeting: {{ .Values.greeting | quote }}\n  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n"
                + "  rev: {{ .Release.Revision | quote }}\n");
        Files.writeString(c.resolve("templates/svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-svc\n"
                + "spec:\n  ports:\n  - port: 80\n    protocol: TCP\n");
        Files.writeString(c.resolve("templates/hook.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-hook\n"
                + "  annotations:\n    helm.sh/hook: post-install,post-upgrade\n    helm.sh/hook-weight: \"5\"\n"
                + "    helm.sh/hook-delete-policy: before-hook-creation\ndata:\n  x: \"1\"\n");
        Files.writeString(c.resolve("templates/NOTES.txt"), "Thanks for installing {{ .Release.Name }}.\n");
        return c;
    }

    private Map<String, String> env() {
        return Map.of("KUBECONFIG", kubeconfig.toString());
    }

    private CharterRunner charter() {
        return new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));
    }

    private static String normTimes(String s) {
        return s.replaceAll("LAST DEPLOYED: .*", "LAST DEPLOYED: X")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)", "T");
    }

    private void same(HelmOracle helm, CharterRunner charter, String... args) {
        ProcessResult h = helm.run(dir, env(), null, args);
        ProcessResult c = charter.run(dir, args);
        assertThat(c.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(h.err());
        assertThat(c.out()).as("stdout of %s", String.join(" ", args)).isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
    }

    private void sameNormalised(HelmOracle helm, CharterRunner charter, String... args) {
        ProcessResult h = helm.run(dir, env(), null, args);
        ProcessResult c = charter.run(dir, args);
        assertThat(c.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(h.err());
        assertThat(normTimes(c.out())).as("stdout of %s", String.join(" ", args)).isEqualTo(normTimes(h.out()));
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
    }

    static String storedJson(String ns, String name, int version) throws Exception {
        Config cfg = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient k = new KubernetesClientBuilder().withConfig(cfg).build()) {
            Secret s = k.secrets().inNamespace(ns).withName("sh.helm.release.v1." + name + ".v" + version).get();
            byte[] helmB64 = Base64.getDecoder().decode(s.getData().get("release"));
            byte[] gz = Base64.getDecoder().decode(helmB64);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void charterInstallsHelmContinues() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("ci");
        String nsH = KubeE2E.uniqueNamespace("hi");
        Path chart = chart("0.1.0");
        CharterRunner charter = charter();

        ProcessResult ci = charter.run(dir, "install", "r1", chart.toString(), "-n", ns, "--create-namespace",
                "--set", "greeting=hi", "--labels", "tier=front");
        assertThat(ci.exitCode()).as(ci.toString()).isZero();
        ProcessResult hi = helm.run(dir, env(), null, "install", "r1", chart.toString(), "-n", nsH, "--create-namespace",
                "--set", "greeting=hi", "--labels", "tier=front");
        assertThat(hi.exitCode()).as(hi.toString()).isZero();
        assertThat(normTimes(ci.out()).replace(ns, "NS")).isEqualTo(normTimes(hi.out()).replace(nsH, "NS"));
        assertThat(normTimes(storedJson(ns, "r1", 1)).replace(ns, "NS"))
                .isEqualTo(normTimes(storedJson(nsH, "r1", 1)).replace(nsH, "NS"));

        // the same upgrade by both: stored revisions equal, the superseded one too
        ProcessResult cu = charter.run(dir, "upgrade", "r1", chart.toString(), "-n", ns, "--reuse-values", "--set", "greeting=yo");
        assertThat(cu.exitCode()).as(cu.toString()).isZero();
        ProcessResult hu = helm.run(dir, env(), null, "upgrade", "r1", chart.toString(), "-n", nsH, "--reuse-values", "--set", "greeting=yo");
        assertThat(hu.exitCode()).as(hu.toString()).isZero();
        assertThat(normTimes(cu.out()).replace(ns, "NS")).isEqualTo(normTimes(hu.out()).replace(nsH, "NS"));
        assertThat(cu.out()).startsWith("Release \"r1\" has been upgraded. Happy Helming!\nNAME: r1\n");
        for (int v = 1; v <= 2; v++) {
            assertThat(normTimes(storedJson(ns, "r1", v)).replace(ns, "NS"))
                    .isEqualTo(normTimes(storedJson(nsH, "r1", v)).replace(nsH, "NS"));
        }

        // Helm reads, upgrades and rolls back what Charter installed
        same(helm, charter, "list", "-n", ns);
        same(helm, charter, "get", "all", "r1", "-n", ns);
        ProcessResult hu2 = helm.run(dir, env(), null, "upgrade", "r1", chart.toString(), "-n", ns, "--set", "nested.a=2");
        assertThat(hu2.exitCode()).as(hu2.toString()).isZero();
        ProcessResult hr = helm.run(dir, env(), null, "rollback", "r1", "2", "-n", ns);
        assertThat(hr.exitCode()).as(hr.toString()).isZero();
        same(helm, charter, "history", "r1", "-n", ns);
        same(helm, charter, "get", "values", "r1", "-n", ns, "--revision", "4");
        same(helm, charter, "get", "manifest", "r1", "-n", ns, "--revision", "4");

        // failures
        sameNormalised(helm, charter, "install", "r1", chart.toString(), "-n", ns);
        sameNormalised(helm, charter, "install", "r9", dir.resolve("nope").toString(), "-n", ns);
        sameNormalised(helm, charter, "install", "r9", chart.toString(), "-n", ns, "-f", "missing.yaml");
        sameNormalised(helm, charter, "upgrade", "nope", chart.toString(), "-n", ns);
    }

    @Test
    void helmInstallsCharterUpgrades() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("hc");
        Path chart = chart("0.1.0");
        CharterRunner charter = charter();
        ProcessResult hi = helm.run(dir, env(), null, "install", "r2", chart.toString(), "-n", ns, "--create-namespace");
        assertThat(hi.exitCode()).as(hi.toString()).isZero();
        ProcessResult cu = charter.run(dir, "upgrade", "r2", chart.toString(), "-n", ns, "--set", "greeting=c");
        assertThat(cu.exitCode()).as(cu.toString()).isZero();
        ProcessResult crb = charter.run(dir, "rollback", "r2", "1", "-n", ns);
        assertThat(crb.exitCode()).as(crb.toString()).isZero();
        ProcessResult hl = helm.run(dir, env(), null, "history", "r2", "-n", ns);
        assertThat(hl.out()).contains("superseded").contains("Rollback to 1");
        same(helm, charter, "get", "values", "r2", "-n", ns, "--revision", "2");
        // upgrade --install of a new release
        ProcessResult ui = charter.run(dir, "upgrade", "--install", "r3", chart.toString(), "-n", ns);
        assertThat(ui.out()).as(ui.toString()).startsWith("Release \"r3\" does not exist. Installing it now.\nNAME: r3\n");
        same(helm, charter, "list", "-n", ns);
    }

    @Test
    void dryRunsMatchHelm() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("dr");
        Path chart = chart("0.1.0");
        CharterRunner charter = charter();
        sameNormalised(helm, charter, "install", "d1", chart.toString(), "-n", ns, "--dry-run=client");
        sameNormalised(helm, charter, "install", "d1", chart.toString(), "-n", ns, "--dry-run");
        sameNormalised(helm, charter, "install", "d1", chart.toString(), "-n", ns, "--dry-run=client", "-o", "json");
        sameNormalised(helm, charter, "install", "d1", chart.toString(), "-n", ns, "--dry-run=server", "-o", "yaml");
        sameNormalised(helm, charter, "install", "d1", chart.toString(), "-n", ns, "--dry-run=bogus");
    }
}

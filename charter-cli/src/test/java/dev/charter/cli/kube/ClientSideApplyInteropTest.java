package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm 3 style client-side apply on the real API server, against Helm v4.1.4: {@code --server-side=false}
 * creates with a POST and upgrades with a three-way merge patch (field manager "helm", operation
 * Update), keeps what another client added, deletes what the chart dropped; {@code auto} follows the
 * previous revision's method (so releases Helm 3 made are upgraded client-side). Live objects'
 * data and field managers and the stored records are compared.
 */
class ClientSideApplyInteropTest {

    @TempDir
    Path dir;

    private Path chart() throws Exception {
        Path c = dir.resolve("csa");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: csa\nversion: 0.1.0\n");
        Files.writeString(c.resolve("values.yaml"), "greeting: hello\nkeep: true\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
                + "  labels:\n    app: csa\ndata:\n  greeting: {{ .Values.greeting | quote }}\n"
                + "{{- if .Values.keep }}\n  dropme: \"x\"\n{{- end }}\n");
        Files.writeString(c.resolve("templates/svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-svc\n"
                + "spec:\n  ports:\n  - port: 80\n    protocol: TCP\n");
        Files.writeString(c.resolve("templates/hook.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-hook\n"
                + "  annotations:\n    helm.sh/hook: post-install,post-upgrade\ndata:\n  x: \"1\"\n");
        return c;
    }

    private static KubernetesClient kube() throws Exception {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(KubeE2E.kubeconfig()))).build();
    }

    /** What the server holds of a ConfigMap: data, labels and (manager, operation) of its field managers. */
    static String live(String ns, String name) throws Exception {
        try (KubernetesClient k = kube()) {
            ConfigMap cm = k.configMaps().inNamespace(ns).withName(name).get();
            if (cm == null) return "<none>";
            List<String> managers = new ArrayList<>();
            cm.getMetadata().getManagedFields().forEach(f -> managers.add(f.getManager() + "/" + f.getOperation()));
            managers.sort(null);
            return new TreeMap<>(cm.getData()) + " " + new TreeMap<>(cm.getMetadata().getLabels()) + " " + managers;
        }
    }

    /** Another client adds a key to the live ConfigMap (its own field manager). */
    static void thirdPartyEdit(String ns, String name) throws Exception {
        try (KubernetesClient k = kube()) {
            k.configMaps().inNamespace(ns).withName(name).patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
                    .withFieldManager("other").build(), "{\"data\":{\"extra\":\"by-other\"}}");
        }
    }

    private void lockstep(HelmOracle helm, CharterRunner charter, String ns, String nsH, String... args) {
        ProcessResult h = helm.run(dir, Map.of("KUBECONFIG", KubeE2E.kubeconfig().toString()), null, sub(args, nsH));
        ProcessResult c = charter.run(dir, sub(args, ns));
        assertThat(HooksWaitInteropTest.norm(c.err(), ns)).as("stderr of %s", String.join(" ", args))
                .isEqualTo(HooksWaitInteropTest.norm(h.err(), nsH));
        assertThat(HooksWaitInteropTest.norm(c.out(), ns)).as("stdout of %s", String.join(" ", args))
                .isEqualTo(HooksWaitInteropTest.norm(h.out(), nsH));
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
    }

    private static String[] sub(String[] args, String ns) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) out[i] = out[i].replace("NS", ns);
        return out;
    }

    private CharterRunner charter() {
        return new CharterRunner(Map.of("KUBECONFIG", KubeE2E.kubeconfig().toString(), "HOME", dir.toString(), "TZ", "UTC"));
    }

    private void sameLive(String ns, String nsH, String release) throws Exception {
        assertThat(live(ns, release + "-cm")).as("live ConfigMap").isEqualTo(live(nsH, release + "-cm"));
        assertThat(live(ns, release + "-hook")).as("live hook").isEqualTo(live(nsH, release + "-hook"));
    }

    @Test
    void serverSideFalseIsHelm3Apply() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = charter();
        String ns = KubeE2E.uniqueNamespace("csc");
        String nsH = KubeE2E.uniqueNamespace("csh");
        String chart = chart().toString();
        lockstep(helm, charter, ns, nsH, "install", "r", chart, "-n", "NS", "--create-namespace", "--server-side=false");
        sameLive(ns, nsH, "r");
        assertThat(live(ns, "r-cm")).contains("helm/Update").doesNotContain("Apply");
        assertThat(HooksWaitInteropTest.stored(ns, "r", 1)).contains("\"apply_method\":\"csa\"")
                .isEqualTo(HooksWaitInteropTest.stored(nsH, "r", 1).replace(nsH, ns));
        thirdPartyEdit(ns, "r-cm");
        thirdPartyEdit(nsH, "r-cm");
        // auto: the previous revision was client-side, so is this one; dropme goes, extra stays
        lockstep(helm, charter, ns, nsH, "upgrade", "r", chart, "-n", "NS", "--set", "greeting=hi,keep=false");
        sameLive(ns, nsH, "r");
        assertThat(live(ns, "r-cm")).contains("extra=by-other").contains("greeting=hi").doesNotContain("dropme");
        assertThat(HooksWaitInteropTest.stored(ns, "r", 2)).contains("\"apply_method\":\"csa\"");
        lockstep(helm, charter, ns, nsH, "rollback", "r", "1", "-n", "NS");
        sameLive(ns, nsH, "r");
        assertThat(live(ns, "r-cm")).contains("dropme=x").contains("greeting=hello");
        lockstep(helm, charter, ns, nsH, "history", "r", "-n", "NS");
        // switching to server-side apply on upgrade
        lockstep(helm, charter, ns, nsH, "upgrade", "r", chart, "-n", "NS", "--server-side=true", "--set", "greeting=ssa");
        sameLive(ns, nsH, "r");
        assertThat(live(ns, "r-cm")).contains("helm/Apply");
        lockstep(helm, charter, ns, nsH, "upgrade", "r", chart, "-n", "NS", "--server-side=bogus");
    }

    @Test
    void upgradesOfReleasesHelm3Made() throws Exception {
        HelmOracle helm3 = HelmOracle.v3();
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = charter();
        String ns = KubeE2E.uniqueNamespace("h3c");
        String nsH = KubeE2E.uniqueNamespace("h3h");
        String chart = chart().toString();
        for (String n : new String[] {ns, nsH}) {
            ProcessResult in = helm3.run(dir, Map.of("KUBECONFIG", KubeE2E.kubeconfig().toString()), null,
                    "install", "old", chart, "-n", n, "--create-namespace");
            assertThat(in.exitCode()).as(in.toString()).isZero();
            thirdPartyEdit(n, "old-cm");
        }
        assertThat(HooksWaitInteropTest.stored(ns, "old", 1)).doesNotContain("apply_method");
        lockstep(helm, charter, ns, nsH, "upgrade", "old", chart, "-n", "NS", "--set", "keep=false");
        sameLive(ns, nsH, "old");
        assertThat(live(ns, "old-cm")).contains("extra=by-other").doesNotContain("dropme").doesNotContain("Apply");
        assertThat(HooksWaitInteropTest.stored(ns, "old", 2)).contains("\"apply_method\":\"csa\"")
                .isEqualTo(HooksWaitInteropTest.stored(nsH, "old", 2).replace(nsH, ns));
        lockstep(helm, charter, ns, nsH, "rollback", "old", "1", "-n", "NS");
        sameLive(ns, nsH, "old");
        lockstep(helm, charter, ns, nsH, "history", "old", "-n", "NS");
    }
}

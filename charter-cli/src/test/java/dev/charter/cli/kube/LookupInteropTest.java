package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template function {@code lookup} against the real API server, compared with Helm v4.1.4: live
 * objects, lists (items typed as client-go's decoder types them), cluster-scoped kinds, not-found
 * as an empty map, and the errors (unknown group/version with Helm's ERROR log lines, RBAC refusal
 * of an impersonated user). Installs, upgrades and {@code --dry-run=server} see the cluster;
 * {@code --dry-run=client} and {@code template} get empty maps.
 */
class LookupInteropTest {

    static Path kubeconfig;
    static String ns;
    static String nsH;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        kubeconfig = KubeE2E.kubeconfig();
        ns = KubeE2E.uniqueNamespace("lkc");
        nsH = KubeE2E.uniqueNamespace("lkh");
        try (KubernetesClient k = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            for (String n : new String[] {ns, nsH}) {
                k.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(n).endMetadata().build()).create();
                k.configMaps().inNamespace(n).resource(new ConfigMapBuilder().withNewMetadata().withName("existing")
                        .addToLabels("x", "y").endMetadata().addToData("k", "v").addToData("n", "42").build()).create();
            }
        }
    }

    private Path chart() throws Exception {
        Path c = dir.resolve("lk");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: lk\nversion: 0.1.0\n");
        Files.writeString(c.resolve("templates/cm.yaml"), """
                {{- $cm := lookup "v1" "ConfigMap" .Release.Namespace "existing" }}
                {{- $none := lookup "v1" "ConfigMap" .Release.Namespace "absent" }}
                {{- $ns := lookup "v1" "Namespace" "" .Release.Namespace }}
                {{- $list := lookup "v1" "ConfigMap" .Release.Namespace "" }}
                {{- $dep := lookup "apps/v1" "Deployment" .Release.Namespace "" }}
                {{- $mine := lookup "v1" "ConfigMap" .Release.Namespace (printf "%s-out" .Release.Name) }}
                {{- $odd := lookup "v1" "NoSuchKind" .Release.Namespace "zz" }}
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-out
                data:
                  found: {{ dig "data" "k" "none" $cm | quote }}
                  labels: {{ dig "metadata" "labels" "" $cm | toJson | quote }}
                  absent: {{ $none | toJson | quote }}
                  nsPhase: {{ dig "status" "phase" "?" $ns | quote }}
                  nsKind: {{ $ns.kind | default "none" | quote }}
                  names: {{ range $list.items }}{{ .kind }}/{{ .apiVersion }}/{{ .metadata.name }} {{ end }}|
                  listKind: {{ $list.kind | default "none" | quote }}
                  depItems: {{ $dep.items | toJson | quote }}
                  rvKind: {{ kindOf (dig "metadata" "resourceVersion" 0 $cm) | quote }}
                  previous: {{ dig "data" "revision" "none" $mine | quote }}
                  odd: {{ $odd | toJson | quote }}
                  revision: {{ .Release.Revision | quote }}
                """);
        return c;
    }

    private CharterRunner charter() {
        return new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));
    }

    /** Charter in ns, Helm in nsH; outputs compared with namespaces and times masked. */
    private ProcessResult both(String... args) {
        Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toString());
        ProcessResult h = HelmOracle.v4().run(dir, env, null, sub(args, nsH));
        ProcessResult c = charter().run(dir, sub(args, ns));
        assertThat(HooksWaitInteropTest.norm(c.err(), ns)).as("stderr of %s", String.join(" ", args))
                .isEqualTo(HooksWaitInteropTest.norm(h.err(), nsH));
        assertThat(HooksWaitInteropTest.norm(c.out(), ns)).as("stdout of %s", String.join(" ", args))
                .isEqualTo(HooksWaitInteropTest.norm(h.out(), nsH));
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
        return c;
    }

    private static String[] sub(String[] args, String ns) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) out[i] = out[i].replace("NS", ns);
        return out;
    }

    @Test
    void lookupSeesTheClusterWhenHelmDoes() throws Exception {
        String chart = chart().toString();
        ProcessResult server = both("install", "r", chart, "-n", "NS", "--dry-run=server");
        assertThat(server.out()).contains("found: \"v\"").contains("labels: \"{\\\"x\\\":\\\"y\\\"}\"")
                .contains("nsPhase: \"Active\"").contains("ConfigMap/v1/existing").contains("listKind: \"ConfigMapList\"")
                .contains("rvKind: \"string\"");
        ProcessResult client = both("install", "r", chart, "-n", "NS", "--dry-run=client");
        assertThat(client.out()).contains("found: \"none\"").contains("nsPhase: \"?\"");
        both("template", "r", chart, "-n", "NS");
        // a real install, then an upgrade that reads what the install created
        both("install", "r", chart, "-n", "NS");
        both("get", "manifest", "r", "-n", "NS");
        ProcessResult up = both("upgrade", "r", chart, "-n", "NS");
        assertThat(up.exitCode()).isZero();
        String manifest = both("get", "manifest", "r", "-n", "NS").out();
        assertThat(manifest).contains("previous: \"1\"").contains("revision: \"2\"");
        // a client-side upgrade dry run sees nothing
        assertThat(both("upgrade", "r", chart, "-n", "NS", "--dry-run=client").out()).contains("previous: \"none\"");
    }

    @Test
    void lookupErrorsAreHelms() throws Exception {
        Path c = dir.resolve("bad");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: bad\nversion: 0.1.0\n");
        Files.writeString(c.resolve("templates/a.yaml"), "{{- $x := lookup \"nope.example/v1\" \"Thing\" .Release.Namespace \"a\" }}\nx: 1\n");
        both("install", "b", c.toString(), "-n", "NS");
        both("install", "b", c.toString(), "-n", "NS", "--dry-run=client");
        Files.writeString(c.resolve("templates/a.yaml"), "{{- $x := lookup \"v1\" \"Secret\" .Release.Namespace \"\" }}\nx: 1\n");
        both("install", "b", c.toString(), "-n", "NS", "--kube-as-user", "alice");
    }
}

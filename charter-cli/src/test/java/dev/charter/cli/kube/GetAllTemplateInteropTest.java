package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get all --template}: Helm executes a plain text/template (no Sprig) over
 * {@code {"Release": *release.Release}}; Charter renders the same struct view of the release Helm
 * stored on the real API server, byte for byte, errors included.
 */
class GetAllTemplateInteropTest {

    @TempDir
    Path dir;

    @Test
    void templatesOverTheReleaseStruct() throws Exception {
        Path kubeconfig = KubeE2E.kubeconfig();
        HelmOracle helm = HelmOracle.v4();
        Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toString(), "TZ", "UTC");
        String ns = KubeE2E.uniqueNamespace("gt");
        Path c = dir.resolve("gt");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: gt\nversion: 1.2.3\nappVersion: \"9.9\"\n"
                + "keywords: [a, b]\nannotations:\n  team: web\n");
        Files.writeString(c.resolve("values.yaml"), "greeting: hello\nlist: [1, 2]\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
                + "data:\n  greeting: {{ .Values.greeting | quote }}\n");
        Files.writeString(c.resolve("templates/hook.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-hook\n"
                + "  annotations:\n    helm.sh/hook: post-install,post-upgrade\n    helm.sh/hook-weight: \"5\"\n"
                + "    helm.sh/hook-delete-policy: before-hook-creation\ndata:\n  x: \"1\"\n");
        Files.writeString(c.resolve("templates/NOTES.txt"), "Notes for {{ .Release.Name }}.\n");
        ProcessResult in = helm.run(dir, env, null, "install", "t1", c.toString(), "-n", ns, "--create-namespace",
                "--set", "greeting=hi", "--labels", "tier=front");
        assertThat(in.exitCode()).as(in.toString()).isZero();
        ProcessResult up = helm.run(dir, env, null, "upgrade", "t1", c.toString(), "-n", ns, "--set", "x.y=2");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        CharterRunner charter = new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));

        String[] templates = {
            "{{.Release.Name}}",
            "{{.Release.Name}} {{.Release.Version}} {{.Release.Namespace}} {{.Release.Info.Status}} {{.Release.ApplyMethod}}",
            "{{.Release.Info.Description}}|{{.Release.Info.Notes}}|{{.Release.Info.Deleted}}|{{.Release.Info.Deleted.IsZero}}",
            "{{.Release.Info.FirstDeployed.Format \"2006-01-02\"}} {{.Release.Info.LastDeployed.Year}}",
            "{{.Release.Config}} {{.Release.Config.x.y}} {{.Release.Labels.tier}} {{len .Release.Labels}}",
            "{{with .Release.Chart.Metadata}}{{.Name}}-{{.Version}} {{.AppVersion}} {{.APIVersion}} {{.Keywords}} {{.Annotations}} {{.Deprecated}} [{{.Home}}] {{.Sources}}{{end}}",
            "{{.Release.Chart.Values}} {{index .Release.Chart.Values.list 1}}",
            "{{range .Release.Hooks}}{{.Name}} {{.Kind}} {{.Path}} {{.Events}} {{.Weight}} {{.DeletePolicies}} {{.LastRun.Phase}}|{{end}}",
            "{{printf \"%T %T %T\" .Release .Release.Info .Release.Hooks}}",
            "{{.Release.Manifest}}",
            // errors: unknown field, parse error, Sprig is not there
            "{{.Release.Nope}}",
            "{{.Release.Name",
            "{{ upper .Release.Name }}",
        };
        for (String t : templates) {
            for (String rev : new String[] {"0", "1"}) {
                String[] args = {"get", "all", "t1", "-n", ns, "--revision", rev, "--template", t};
                ProcessResult h = helm.run(dir, env, null, args);
                ProcessResult ch = charter.run(dir, args);
                assertThat(ch.err()).as("stderr of %s", t).isEqualTo(h.err());
                assertThat(ch.out()).as("stdout of %s", t).isEqualTo(h.out());
                assertThat(ch.exitCode()).as("exit of %s", t).isEqualTo(h.exitCode());
            }
        }
    }
}

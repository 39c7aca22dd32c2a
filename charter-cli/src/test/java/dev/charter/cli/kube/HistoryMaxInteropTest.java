package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --history-max} pruning (Helm's storage.removeLeastRecent) with the Secret, ConfigMap and SQL
 * drivers: Helm v4.1.4 and Charter run the same steps in lockstep, each in its own namespace, and
 * every output and the resulting history must agree. Failed upgrades (the API server rejects an
 * invalid object name) leave the last deployed revision behind, which pruning never deletes. Then
 * each tool reads, upgrades and prunes the other's records.
 */
class HistoryMaxInteropTest {

    static Path kubeconfig;
    static DebianPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        kubeconfig = KubeE2E.kubeconfig();
    }

    @AfterAll
    static void stop() {
        if (pg != null) pg.close();
    }

    private Path chart() throws Exception {
        Path c = dir.resolve("hm");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: hm\nversion: 0.1.0\n");
        Files.writeString(c.resolve("values.yaml"), "greeting: hello\nbad: false\n");
        // bad=true names the ConfigMap with capitals: the API server refuses it, the upgrade fails
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: {{ if .Values.bad }}Bad_Name{{ else }}{{ .Release.Name }}-cm{{ end }}\n"
                + "data:\n  greeting: {{ .Values.greeting | quote }}\n");
        return c;
    }

    private Map<String, String> driverEnv(String driver, boolean forHelm) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("HELM_DRIVER", driver);
        if (driver.equals("sql")) {
            synchronized (HistoryMaxInteropTest.class) {
                if (pg == null) {
                    pg = DebianPostgres.start();
                    pg.createDatabase("history");
                }
            }
            // the same database, in lib/pq's URL form for Helm and its key=value form for Charter
            env.put("HELM_DRIVER_SQL_CONNECTION_STRING", forHelm ? pg.url("history") : pg.keyValue("history"));
        }
        return env;
    }

    static String norm(String s, String ns) {
        return HooksWaitInteropTest.norm(s, ns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "configmap", "sql"})
    void historyMaxPrunesLikeHelm(String driver) throws Exception {
        HelmOracle helm = HelmOracle.v4();
        Map<String, String> helmEnv = driverEnv(driver, true);
        Map<String, String> charterEnv = new HashMap<>(driverEnv(driver, false));
        charterEnv.put("HOME", dir.toString());
        charterEnv.put("TZ", "UTC");
        CharterRunner charter = new CharterRunner(charterEnv);
        String nsC = KubeE2E.uniqueNamespace("hmc");
        String nsH = KubeE2E.uniqueNamespace("hmh");
        String chart = chart().toString();

        Lockstep both = (args) -> {
            ProcessResult h = helm.run(dir, helmEnv, null, sub(args, nsH));
            ProcessResult c = charter.run(dir, sub(args, nsC));
            assertThat(norm(c.err(), nsC)).as("stderr of %s", String.join(" ", args)).isEqualTo(norm(h.err(), nsH));
            assertThat(norm(c.out(), nsC)).as("stdout of %s", String.join(" ", args)).isEqualTo(norm(h.out(), nsH));
            assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
            return c;
        };

        both.run("install", "r", chart, "-n", "NS", "--create-namespace");
        for (String g : List.of("v2", "v3", "v4")) {
            both.run("upgrade", "r", chart, "-n", "NS", "--set", "greeting=" + g, "--history-max", "3");
        }
        assertThat(both.run("history", "r", "-n", "NS").out()).doesNotContain("\n1 ").contains("\n2 ").contains("\n4 ");
        // failed upgrades: revision 4 stays the deployed one
        both.run("upgrade", "r", chart, "-n", "NS", "--set", "bad=true", "--history-max", "3");
        both.run("upgrade", "r", chart, "-n", "NS", "--set", "bad=true", "--history-max", "3");
        both.run("history", "r", "-n", "NS");
        // with room for one old record only, the deployed revision 4 is what survives
        both.run("upgrade", "r", chart, "-n", "NS", "--set", "bad=true", "--history-max", "2");
        String h = both.run("history", "r", "-n", "NS", "-o", "json").out();
        assertThat(h).contains("\"revision\":4,").contains("\"revision\":7,").doesNotContain("\"revision\":6,");
        // a rollback prunes too
        both.run("rollback", "r", "4", "-n", "NS", "--history-max", "2");
        both.run("history", "r", "-n", "NS");
        // HELM_MAX_HISTORY is the default of --history-max
        Map<String, String> envMax = Map.of("HELM_MAX_HISTORY", "1");
        ProcessResult hu = helm.run(dir, merge(helmEnv, envMax), null, "upgrade", "r", chart, "-n", nsH);
        ProcessResult cu = charter.run(dir, envMax, null, "upgrade", "r", chart, "-n", nsC);
        assertThat(cu.exitCode()).as(cu.toString()).isEqualTo(hu.exitCode()).isZero();
        both.run("history", "r", "-n", "NS");

        // each tool continues on the other's records: Helm upgrades Charter's release, Charter Helm's
        ProcessResult hx = helm.run(dir, helmEnv, null, "upgrade", "r", chart, "-n", nsC, "--history-max", "2");
        assertThat(hx.exitCode()).as(hx.toString()).isZero();
        ProcessResult cx = charter.run(dir, "upgrade", "r", chart, "-n", nsH, "--history-max", "2");
        assertThat(cx.exitCode()).as(cx.toString()).isZero();
        both.run("history", "r", "-n", "NS");
        both.run("get", "all", "r", "-n", "NS");
        sameReader(helm, helmEnv, charter, nsC, "history", "r", "-n", nsC);
        sameReader(helm, helmEnv, charter, nsH, "get", "values", "r", "-n", nsH, "-a");
        if (!driver.equals("sql")) assertThat(recordNames(driver, nsC)).isEqualTo(recordNames(driver, nsH).stream()
                .map(n -> n).toList());
    }

    /** Both tools read the same records. */
    private void sameReader(HelmOracle helm, Map<String, String> helmEnv, CharterRunner charter, String ns, String... args) {
        ProcessResult h = helm.run(dir, helmEnv, null, args);
        ProcessResult c = charter.run(dir, args);
        assertThat(c.err()).isEqualTo(h.err());
        assertThat(c.out()).isEqualTo(h.out());
        assertThat(c.exitCode()).isEqualTo(h.exitCode());
    }

    /** The release record objects left in the namespace, by name. */
    private static List<String> recordNames(String driver, String ns) throws Exception {
        try (KubernetesClient k = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            List<String> out = new ArrayList<>();
            if (driver.equals("configmap")) {
                k.configMaps().inNamespace(ns).withLabel("owner", "helm").list().getItems()
                        .forEach(m -> out.add(m.getMetadata().getName() + " " + m.getMetadata().getLabels().get("status")));
            } else {
                k.secrets().inNamespace(ns).withLabel("owner", "helm").list().getItems()
                        .forEach(m -> out.add(m.getMetadata().getName() + " " + m.getMetadata().getLabels().get("status")));
            }
            out.sort(null);
            return out;
        }
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String[] sub(String[] args, String ns) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) if (out[i].equals("NS")) out[i] = ns;
        return out;
    }

    @FunctionalInterface
    private interface Lockstep {
        ProcessResult run(String... args);
    }
}

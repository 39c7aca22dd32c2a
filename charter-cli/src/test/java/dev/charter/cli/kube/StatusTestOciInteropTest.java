package dev.charter.cli.kube;

import static dev.charter.cli.kube.HooksWaitInteropTest.both;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status with live RESOURCES tables, helm test, and install from oci:// against Helm v4.1.4. */
class StatusTestOciInteropTest {

    static Path kubeconfig;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        kubeconfig = KubeE2E.kubeconfig();
    }

    private CharterRunner charter() {
        return new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC"));
    }

    private Path chart() throws Exception {
        Path c = dir.resolve("st");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: st\nversion: 0.3.1\nappVersion: \"2.0\"\n");
        Files.writeString(c.resolve("values.yaml"), "failTest: false\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
                + "data:\n  a: \"1\"\n  b: \"2\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-second-cm\ndata: {}\n");
        Files.writeString(c.resolve("templates/secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-s\n"
                + "type: Opaque\nstringData:\n  k: v\n");
        Files.writeString(c.resolve("templates/deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n"
                + "spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n"
                + "      labels:\n        app: web\n    spec:\n      containers:\n      - name: c\n        image: nginx\n");
        Files.writeString(c.resolve("templates/test-ok.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-test-ok\n"
                + "  annotations:\n    helm.sh/hook: test\nspec:\n  restartPolicy: Never\n  containers:\n  - name: t\n    image: busybox\n");
        Files.writeString(c.resolve("templates/test-fail.yaml"), "{{- if .Values.failTest }}\napiVersion: v1\nkind: Pod\nmetadata:\n"
                + "  name: {{ .Release.Name }}-test-fail\n  annotations:\n    helm.sh/hook: test\n    helm.sh/hook-weight: \"2\"\n"
                + "spec:\n  restartPolicy: Never\n  containers:\n  - name: t\n    image: busybox\n{{- end }}\n");
        Files.writeString(c.resolve("templates/NOTES.txt"), "Status of {{ .Release.Name }}.\n");
        return c;
    }

    /** Status output with ages, pod hashes and live-object identity normalised; RESOURCES sections as a sorted set. */
    static String normStatus(String s, String ns) {
        s = HooksWaitInteropTest.norm(s, ns);
        // Live-object identity: UIDs (also inside managedFields keys such as k:{"uid":"..."}) and token Secret names.
        s = s.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
        s = s.replaceAll("default-token-[a-z0-9]{5}", "default-token-X");
        // managedFields entries are appended in the order the field managers wrote (kubelet fake vs. controllers):
        // compare them as a sorted list.
        s = sortJsonManagedFields(s);
        s = sortYamlManagedFields(s);
        s = s.replaceAll("-[a-z0-9]{8,10}-[a-z0-9]{5}\\b", "-HASH");
        s = KubeAges.mask(s);
        s = s.replaceAll("\"(uid|resourceVersion|creationTimestamp|time|podIP|clusterIP|generateName|pod-template-hash|startTime|lastTransitionTime|lastUpdateTime|lastProbeTime)\": ?\"[^\"]*\"", "\"$1\":\"X\"");
        s = s.replaceAll("(uid|resourceVersion|creationTimestamp|time|generateName|pod-template-hash|startTime|lastTransitionTime|lastUpdateTime|lastProbeTime): .*", "$1: X");
        // Helm prints the RESOURCES sections in Go map order (random): compare them as a sorted set.
        Matcher m = Pattern.compile("(?s)RESOURCES:\n(.*?)\n\n(TEST SUITE|NOTES:|$)").matcher(s);
        if (m.find()) {
            List<String> sections = new ArrayList<>(List.of(m.group(1).split("\n\n")));
            List<String> fixed = new ArrayList<>();
            for (String sec : sections) {
                if (sec.isBlank()) continue;
                fixed.add(sec.contains("-HASH") ? sec.strip().replaceAll(" +", " ") : sec.strip());
            }
            java.util.Collections.sort(fixed);
            s = s.substring(0, m.start(1)) + String.join("\n\n", fixed) + s.substring(m.end(1));
        }
        return s;
    }

    /** Sorts the elements of every {@code "managedFields":[...]} array of compact JSON text. */
    static String sortJsonManagedFields(String s) {
        String key = "\"managedFields\":[";
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = s.indexOf(key); i >= 0; i = s.indexOf(key, from)) {
            int start = i + key.length();
            List<String> items = new ArrayList<>();
            int depth = 0;
            boolean str = false;
            int itemStart = start;
            int j = start;
            for (; j < s.length(); j++) {
                char ch = s.charAt(j);
                if (str) {
                    if (ch == '\\') j++;
                    else if (ch == '"') str = false;
                    continue;
                }
                if (ch == '"') str = true;
                else if (ch == '{' || ch == '[') depth++;
                else if (ch == '}' || (ch == ']' && depth > 0)) depth--;
                else if (ch == ',' && depth == 0) {
                    items.add(s.substring(itemStart, j));
                    itemStart = j + 1;
                } else if (ch == ']' && depth == 0) {
                    break;
                }
            }
            if (j > itemStart) items.add(s.substring(itemStart, j));
            java.util.Collections.sort(items);
            out.append(s, from, start).append(String.join(",", items));
            from = j;
        }
        return out.append(s.substring(from)).toString();
    }

    /** Sorts the list items of every {@code managedFields:} block of YAML text. */
    static String sortYamlManagedFields(String s) {
        String[] lines = s.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(lines[i]);
            if (!lines[i].strip().equals("managedFields:")) continue;
            String indent = lines[i].substring(0, lines[i].indexOf('m'));
            List<String> items = new ArrayList<>();
            StringBuilder cur = null;
            int j = i + 1;
            for (; j < lines.length; j++) {
                String l = lines[j];
                if (l.startsWith(indent + "- ")) {
                    if (cur != null) items.add(cur.toString());
                    cur = new StringBuilder(l);
                } else if (cur != null && l.startsWith(indent + " ")) {
                    cur.append('\n').append(l);
                } else {
                    break;
                }
            }
            if (cur != null) items.add(cur.toString());
            java.util.Collections.sort(items);
            out.addAll(items);
            i = j - 1;
        }
        return String.join("\n", out);
    }

    private void bothStatus(SoftAssertions soft, HelmOracle helm, CharterRunner charter, String ns, String nsH, String... args) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String x : args) {
            a.add(x.replace("NS", ns));
            b.add(x.replace("NS", nsH));
        }
        ProcessResult c = charter.run(dir, a.toArray(String[]::new));
        ProcessResult h = helm.run(dir, Map.of("KUBECONFIG", kubeconfig.toString()), null, b.toArray(String[]::new));
        String what = String.join(" ", args);
        soft.assertThat(HooksWaitInteropTest.norm(c.err(), ns)).as("stderr of %s", what).isEqualTo(HooksWaitInteropTest.norm(h.err(), nsH));
        soft.assertThat(normStatus(c.out(), ns)).as("stdout of %s", what).isEqualTo(normStatus(h.out(), nsH));
        soft.assertThat(c.exitCode()).as("exit of %s", what).isEqualTo(h.exitCode());
    }

    @Test
    void statusShowsLiveResourcesAndTestRuns() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("sc");
        String nsH = KubeE2E.uniqueNamespace("sh");
        Path chart = chart();
        CharterRunner charter = charter();
        SoftAssertions soft = new SoftAssertions();
        try (FakeKubelet k = new FakeKubelet(kubeconfig, ns, nsH)) {
            both(soft, dir, helm, charter, ns, nsH, "install", "s1", chart.toString(), "-n", "NS", "--create-namespace",
                    "--wait", "--timeout", "60s");
            bothStatus(soft, helm, charter, ns, nsH, "status", "s1", "-n", "NS");
            bothStatus(soft, helm, charter, ns, nsH, "status", "s1", "-n", "NS", "-o", "json");
            bothStatus(soft, helm, charter, ns, nsH, "status", "s1", "-n", "NS", "-o", "yaml");
            both(soft, dir, helm, charter, ns, nsH, "test", "s1", "-n", "NS");
            HooksWaitInteropTest.sameStored(soft, ns, nsH, "s1", 1);
            bothStatus(soft, helm, charter, ns, nsH, "status", "s1", "-n", "NS");
            both(soft, dir, helm, charter, ns, nsH, "upgrade", "s1", chart.toString(), "-n", "NS", "--set", "failTest=true");
            both(soft, dir, helm, charter, ns, nsH, "test", "s1", "-n", "NS");
            HooksWaitInteropTest.sameStored(soft, ns, nsH, "s1", 2);
            both(soft, dir, helm, charter, ns, nsH, "test", "s1", "-n", "NS", "--filter", "name=s1-test-ok");
            both(soft, dir, helm, charter, ns, nsH, "test", "nope", "-n", "NS");
        }
        soft.assertAll();
    }

    @Test
    void installFromOci() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String ns = KubeE2E.uniqueNamespace("oc");
        String nsH = KubeE2E.uniqueNamespace("oh");
        Path chart = chart();
        CharterRunner charter = charter();
        SoftAssertions soft = new SoftAssertions();
        try (DistributionRegistry reg = DistributionRegistry.startOpen()) {
            // three versions, so that a range must pick the highest match and no version the latest
            for (String v : List.of("0.1.2", "0.1.5", "0.3.1")) {
                Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: st\nversion: " + v + "\nappVersion: \"2.0\"\n");
                ProcessResult pk = helm.run(dir, Map.of(), null, "package", chart.toString(), "-d", dir.toString());
                assertThat(pk.exitCode()).as(pk.toString()).isZero();
            }
            String ref = "oci://" + reg.host() + "/charts";
            String digest = null;
            for (String v : List.of("0.1.2", "0.1.5", "0.3.1")) {
                ProcessResult push = helm.run(dir, Map.of(), null, "push", dir.resolve("st-" + v + ".tgz").toString(), ref,
                        "--plain-http");
                assertThat(push.exitCode()).as(push.toString()).isZero();
                Matcher dm = Pattern.compile("Digest: (sha256:[0-9a-f]{64})").matcher(push.err() + push.out());
                assertThat(dm.find()).as(push.toString()).isTrue();
                if (v.equals("0.1.2")) digest = dm.group(1);
            }
            both(soft, dir, helm, charter, ns, nsH, "install", "o1", ref + "/st", "--version", "0.3.1", "-n", "NS",
                    "--create-namespace", "--plain-http");
            HooksWaitInteropTest.sameStored(soft, ns, nsH, "o1", 1);
            both(soft, dir, helm, charter, ns, nsH, "install", "o2", ref + "/st", "--version", "^0.1", "-n", "NS", "--plain-http");
            HooksWaitInteropTest.sameStored(soft, ns, nsH, "o2", 1);
            both(soft, dir, helm, charter, ns, nsH, "install", "o3", ref + "/st@" + digest, "-n", "NS", "--plain-http");
            HooksWaitInteropTest.sameStored(soft, ns, nsH, "o3", 1);
            both(soft, dir, helm, charter, ns, nsH, "install", "o5", ref + "/st", "-n", "NS", "--plain-http");
            HooksWaitInteropTest.sameStored(soft, ns, nsH, "o5", 1);
            // the chart version each reference resolved to, as list reports it (update times masked)
            ProcessResult lc = charter.run(dir, "list", "-n", ns, "-o", "json");
            ProcessResult lh = helm.run(dir, Map.of("KUBECONFIG", kubeconfig.toString()), null, "list", "-n", nsH, "-o", "json");
            soft.assertThat(lc.out().replace(ns, "NS").replaceAll("\"updated\":\"[^\"]*\"", "\"updated\":\"T\""))
                    .as("list -o json").contains("\"chart\":\"st-0.1.5\"")
                    .isEqualTo(lh.out().replace(nsH, "NS").replaceAll("\"updated\":\"[^\"]*\"", "\"updated\":\"T\""));
            soft.assertThat(lc.exitCode()).as("exit of list").isZero().isEqualTo(lh.exitCode());
            both(soft, dir, helm, charter, ns, nsH, "install", "o4", ref + "/st", "--version", "9.9.9", "-n", "NS", "--plain-http");
        }
        soft.assertAll();
    }
}

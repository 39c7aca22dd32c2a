package dev.charter.chart.render;

import dev.charter.chart.GoPath;
import dev.charter.yaml.YamlException;
import dev.charter.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helm's {@code releaseutil.SortManifests}, {@code SplitManifests} and the install kind order. */
public final class ManifestSorter {
    private ManifestSorter() {}

    public static final List<String> INSTALL_ORDER = List.of("PriorityClass", "Namespace", "NetworkPolicy",
            "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret",
            "SecretList", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
            "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
            "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod",
            "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job",
            "CronJob", "IngressClass", "Ingress", "APIService", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");

    /** Helm's {@code releaseutil.UninstallOrder}. */
    public static final List<String> UNINSTALL_ORDER = List.of("ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration", "APIService", "Ingress", "IngressClass", "Service", "CronJob", "Job",
            "StatefulSet", "HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "ReplicationController", "Pod",
            "DaemonSet", "RoleBindingList", "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList",
            "ClusterRoleBinding", "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim",
            "PersistentVolume", "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount",
            "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy", "Namespace",
            "PriorityClass");

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("pre-install", "pre-install"), Map.entry("post-install", "post-install"),
            Map.entry("pre-delete", "pre-delete"), Map.entry("post-delete", "post-delete"),
            Map.entry("pre-upgrade", "pre-upgrade"), Map.entry("post-upgrade", "post-upgrade"),
            Map.entry("pre-rollback", "pre-rollback"), Map.entry("post-rollback", "post-rollback"),
            Map.entry("test", "test"), Map.entry("test-success", "test"));

    /** Sorted hooks and manifests. */
    public record Sorted(List<Hook> hooks, List<Manifest> manifests) {}

    private static final Pattern SEP = Pattern.compile("(?:^|[\\t\\n\\f\\r ]*\\n)---[\\t\\n\\f\\r ]*");

    /** Helm's {@code SplitManifests}, in document order. */
    public static List<String> splitManifests(String bigFile) {
        String s = goTrimSpace(bigFile);
        List<String> docs = goSplit(s);
        List<String> res = new ArrayList<>();
        for (String d : docs) {
            if (d.isEmpty()) {
                continue;
            }
            res.add(goTrimSpace(d));
        }
        return res;
    }

    private static List<String> goSplit(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) {
            out.add("");
            return out;
        }
        Matcher m = SEP.matcher(s);
        int beg = 0;
        int end = 0;
        while (m.find()) {
            end = m.start();
            if (m.end() != 0) {
                out.add(s.substring(beg, end));
            }
            beg = m.end();
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }

    static String goTrimSpace(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == 0x85 || c == 0xA0
                || Character.isSpaceChar(c);
    }

    /** Helm's {@code SortManifests} with {@code InstallOrder}. */
    public static Sorted sort(Map<String, String> files) {
        return sort(files, INSTALL_ORDER);
    }

    /** Helm's {@code SortManifests} with the given kind order (e.g. {@link #UNINSTALL_ORDER}). */
    public static Sorted sort(Map<String, String> files, List<String> order) {
        List<Hook> hooks = new ArrayList<>();
        List<Manifest> generic = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
            String filePath = e.getKey();
            String content = e.getValue();
            if (GoPath.base(filePath).startsWith("_") || goTrimSpace(content).isEmpty()) {
                continue;
            }
            for (String m : splitManifests(content)) {
                Head head;
                try {
                    head = head(m);
                } catch (RenderException x) {
                    throw new RenderException("YAML parse error on " + filePath + ": " + x.getMessage(), x,
                            new RenderResult(sortByKind(generic, Manifest::kind), sortByKind(hooks, Hook::kind), "",
                                    List.of(), null, null, files));
                }
                Map<String, String> ann = head.annotations;
                if (ann == null || ann.isEmpty() || !ann.containsKey("helm.sh/hook")) {
                    generic.add(new Manifest(filePath, m, head.apiVersion, head.kind, head.name));
                    continue;
                }
                String hookTypes = ann.get("helm.sh/hook");
                int weight;
                try {
                    weight = Integer.parseInt(ann.getOrDefault("helm.sh/hook-weight", ""));
                } catch (NumberFormatException x) {
                    weight = 0;
                }
                List<String> events = new ArrayList<>();
                boolean unknown = false;
                for (String ht : hookTypes.split(",", -1)) {
                    String ev = EVENTS.get(ht.strip().toLowerCase(Locale.ROOT));
                    if (ev == null) {
                        unknown = true;
                        break;
                    }
                    events.add(ev);
                }
                if (unknown) {
                    continue;
                }
                List<String> dps = new ArrayList<>();
                List<String> ops = new ArrayList<>();
                if (ann.containsKey("helm.sh/hook-delete-policy")) {
                    for (String dp : ann.get("helm.sh/hook-delete-policy").split(",", -1)) {
                        dps.add(dp.strip().toLowerCase(Locale.ROOT));
                    }
                }
                if (ann.containsKey("helm.sh/hook-output-log-policy")) {
                    for (String dp : ann.get("helm.sh/hook-output-log-policy").split(",", -1)) {
                        ops.add(dp.strip().toLowerCase(Locale.ROOT));
                    }
                }
                hooks.add(new Hook(head.name, head.kind, filePath, m, events, weight, dps, ops));
            }
        }
        return new Sorted(sortByKind(hooks, Hook::kind, order), sortByKind(generic, Manifest::kind, order));
    }

    private static <T> List<T> sortByKind(List<T> in, java.util.function.Function<T, String> kind) {
        return sortByKind(in, kind, INSTALL_ORDER);
    }

    /** Helm's stable {@code sortManifestsByKind}: known kinds in order, unknown kinds after them by name. */
    public static <T> List<T> sortByKind(List<T> in, java.util.function.Function<T, String> kind, List<String> order) {
        Map<String, Integer> ordering = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            ordering.put(order.get(i), i);
        }
        List<T> out = new ArrayList<>(in);
        out.sort(Comparator.comparing(kind, (a, b) -> {
            Integer first = ordering.get(a);
            Integer second = ordering.get(b);
            if (first == null && second == null) {
                return a.compareTo(b);
            }
            if (first == null) {
                return 1;
            }
            if (second == null) {
                return -1;
            }
            return Integer.compare(first, second);
        }));
        return out;
    }

    private record Head(String apiVersion, String kind, String name, Map<String, String> annotations) {}

    /** yaml.Unmarshal into SimpleHead, with sigs.k8s.io/yaml's error texts for the common failures. */
    private static Head head(String m) {
        Object doc;
        try {
            doc = YamlReader.parse(m);
        } catch (YamlException e) {
            throw new RenderException("error converting YAML to JSON: " + e.getMessage());
        }
        doc = YamlReader.toJsonModel(doc);
        if (doc == null) {
            return new Head("", "", "", null);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new RenderException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                    + kindOf(doc) + " into Go value of type util.SimpleHead");
        }
        String apiVersion = str(map.get("apiVersion"), "apiVersion", "util.SimpleHead.apiVersion");
        String kind = str(map.get("kind"), "kind", "util.SimpleHead.kind");
        String name = "";
        Map<String, String> ann = null;
        Object md = map.get("metadata");
        if (md != null) {
            if (!(md instanceof Map<?, ?> mm)) {
                throw new RenderException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                        + kindOf(md) + " into Go struct field SimpleHead.metadata of type struct { Name string "
                        + "\"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }");
            }
            name = str(mm.get("name"), "name", "SimpleHead.metadata.name");
            Object a = mm.get("annotations");
            if (a != null) {
                if (!(a instanceof Map<?, ?> am)) {
                    throw new RenderException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                            + kindOf(a) + " into Go struct field .metadata.annotations of type map[string]string");
                }
                ann = new java.util.LinkedHashMap<>();
                for (Map.Entry<?, ?> e : am.entrySet()) {
                    Object v = e.getValue();
                    if (v != null && !(v instanceof String)) {
                        throw new RenderException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                                + kindOf(v) + " into Go struct field .metadata.annotations of type string");
                    }
                    ann.put(String.valueOf(e.getKey()), v == null ? "" : (String) v);
                }
            }
        }
        return new Head(apiVersion, kind, name, ann);
    }

    private static String str(Object v, String field, String goField) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        String structField = goField.startsWith("util.SimpleHead.") ? "SimpleHead." + field : goField;
        throw new RenderException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + kindOf(v)
                + " into Go struct field " + structField + " of type string");
    }

    private static String kindOf(Object v) {
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof String) {
            return "string";
        }
        return "number";
    }
}

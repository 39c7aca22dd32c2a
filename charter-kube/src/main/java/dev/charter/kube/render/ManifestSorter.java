package dev.charter.kube.render;

import dev.charter.kube.release.Hook;
import dev.charter.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Helm's {@code releaseutil.SortManifests}, {@code SplitManifests} and the kind orders. */
public final class ManifestSorter {

    public static final List<String> INSTALL_ORDER = List.of("PriorityClass", "Namespace", "NetworkPolicy",
            "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret",
            "SecretList", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
            "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList",
            "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController",
            "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass",
            "Ingress", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    public static final List<String> UNINSTALL_ORDER = List.of("ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration", "APIService", "Ingress", "IngressClass", "Service", "CronJob", "Job",
            "StatefulSet", "HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "ReplicationController", "Pod",
            "DaemonSet", "RoleBindingList", "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList",
            "ClusterRoleBinding", "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim",
            "PersistentVolume", "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount",
            "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy", "Namespace",
            "PriorityClass");

    private static final Pattern SEP = Pattern.compile("(?:^|\\s*\n)---\\s*");

    private static final Map<String, String> EVENTS = Map.of("pre-install", "pre-install", "post-install",
            "post-install", "pre-delete", "pre-delete", "post-delete", "post-delete", "pre-upgrade", "pre-upgrade",
            "post-upgrade", "post-upgrade", "pre-rollback", "pre-rollback", "post-rollback", "post-rollback", "test",
            "test", "test-success", "test");

    private ManifestSorter() {
    }

    /** A non-hook document. */
    public record Manifest(String name, String content, String kind, String apiVersion) {
    }

    public record Result(List<Hook> hooks, List<Manifest> manifests) {
    }

    /** Helm's SplitManifests, in order. */
    public static List<String> splitManifests(String big) {
        List<String> out = new ArrayList<>();
        for (String d : SEP.split(big.strip(), -1)) {
            if (d.isEmpty()) continue;
            out.add(d.strip());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Result sort(Map<String, String> files, List<String> ordering) {
        List<Hook> hooks = new ArrayList<>();
        List<Manifest> generic = new ArrayList<>();
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            String path = f.getKey();
            String base = path.substring(path.lastIndexOf('/') + 1);
            if (base.startsWith("_") || f.getValue().isBlank()) continue;
            for (String m : splitManifests(f.getValue())) {
                Object head;
                try {
                    head = YamlReader.parse(m);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("YAML parse error on " + path + ": " + e.getMessage(), e);
                }
                Map<String, Object> h = head instanceof Map<?, ?> hm ? (Map<String, Object>) hm : Map.of();
                String kind = h.get("kind") instanceof String s ? s : "";
                String apiVersion = h.get("apiVersion") instanceof String s ? s : "";
                Map<String, Object> md = h.get("metadata") instanceof Map<?, ?> mm ? (Map<String, Object>) mm : null;
                Map<String, Object> anns = md != null && md.get("annotations") instanceof Map<?, ?> am
                        ? (Map<String, Object>) am : null;
                if (anns == null || anns.isEmpty() || !anns.containsKey(Hook.ANNOTATION)) {
                    generic.add(new Manifest(path, m, kind, apiVersion));
                    continue;
                }
                Hook hook = new Hook();
                hook.name = md.get("name") == null ? "" : String.valueOf(md.get("name"));
                hook.kind = kind;
                hook.path = path;
                hook.manifest = m;
                try {
                    hook.weight = Integer.parseInt(String.valueOf(anns.getOrDefault(Hook.WEIGHT_ANNOTATION, "0")));
                } catch (NumberFormatException e) {
                    hook.weight = 0;
                }
                boolean unknown = false;
                for (String t : String.valueOf(anns.get(Hook.ANNOTATION)).split(",", -1)) {
                    String e = EVENTS.get(t.strip().toLowerCase(java.util.Locale.ROOT));
                    if (e == null) {
                        unknown = true;
                        break;
                    }
                    hook.events.add(e);
                }
                if (unknown) continue;
                hooks.add(hook);
                if (anns.get(Hook.DELETE_ANNOTATION) != null) {
                    for (String p : String.valueOf(anns.get(Hook.DELETE_ANNOTATION)).split(",", -1)) {
                        hook.deletePolicies.add(p.strip().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                if (anns.get(Hook.OUTPUT_LOG_ANNOTATION) != null) {
                    for (String p : String.valueOf(anns.get(Hook.OUTPUT_LOG_ANNOTATION)).split(",", -1)) {
                        hook.outputLogPolicies.add(p.strip().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        hooks.sort(byKind(x -> x.kind, ordering));
        generic.sort(byKind(Manifest::kind, ordering));
        return new Result(hooks, generic);
    }

    /** Helm's lessByKind (stable sort): known kinds by order, unknown kinds last, by name. */
    public static <T> Comparator<T> byKind(java.util.function.Function<T, String> kindOf, List<String> ordering) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < ordering.size(); i++) idx.put(ordering.get(i), i);
        return (a, b) -> {
            String ka = kindOf.apply(a);
            String kb = kindOf.apply(b);
            Integer ia = idx.get(ka);
            Integer ib = idx.get(kb);
            if (ia == null && ib == null) return ka.compareTo(kb);
            if (ia == null) return ib == null ? 0 : 1;
            if (ib == null) return -1;
            return Integer.compare(ia, ib);
        };
    }
}

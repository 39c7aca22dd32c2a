package dev.charter.kube.client;

import dev.charter.kube.KubeException;
import dev.charter.kube.storage.KubeErrors;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helm's {@code kube.Client} over fabric8: builds objects from a manifest (API discovery decides
 * namespaced or cluster scope), creates/updates by server-side apply with field manager
 * {@code helm}, deletes, and reads back.
 */
public final class ResourceClient {

    public static final String FIELD_MANAGER = "helm";
    public static final String RESOURCE_POLICY_ANNO = "helm.sh/resource-policy";

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, APIResourceList> discovery = new HashMap<>();

    public ResourceClient(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public KubernetesClient client() {
        return client;
    }

    /** One object of a manifest, with its API mapping. */
    public record Info(GenericKubernetesResource object, ResourceDefinitionContext mapping, String namespace) {
        public String name() {
            return object.getMetadata().getName();
        }

        public String kind() {
            return object.getKind();
        }

        public String apiVersion() {
            return object.getApiVersion();
        }

        /** Identity used for Helm's ResourceList.Difference: group/kind/namespace/name. */
        public String key() {
            String av = apiVersion();
            String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
            return group + "/" + kind() + "/" + (namespace == null ? "" : namespace) + "/" + name();
        }
    }

    /** Forgets the cached discovery (Helm resets its REST mapper after installing CRDs). */
    public void resetMappings() {
        discovery.clear();
    }

    /** Splits a YAML stream into objects (Helm's {@code Build}). Empty documents are skipped. */
    public List<Info> build(String manifest) {
        List<Info> out = new ArrayList<>();
        if (manifest == null) return out;
        for (String doc : splitDocuments(manifest)) {
            if (doc.isBlank()) continue;
            Object parsed = dev.charter.yaml.YamlReader.parse(doc);
            if (parsed == null) continue;
            if (!(parsed instanceof Map<?, ?>)) {
                throw new KubeException("error validating data: object is not a map");
            }
            GenericKubernetesResource obj = Serialization.unmarshal(dev.charter.yaml.GoJsonWriter.write(parsed),
                    GenericKubernetesResource.class);
            if (obj.getKind() == null || obj.getKind().isEmpty()) {
                throw new KubeException("error validating data: [apiVersion not set, kind not set]".replace(
                        obj.getApiVersion() != null && !obj.getApiVersion().isEmpty() ? "apiVersion not set, " : "", ""));
            }
            ResourceDefinitionContext mapping = mapping(obj);
            String ns = null;
            if (mapping.isNamespaceScoped()) {
                ns = obj.getMetadata().getNamespace();
                if (ns == null || ns.isEmpty()) ns = namespace;
                obj.getMetadata().setNamespace(ns);
            }
            out.add(new Info(obj, mapping, ns));
        }
        return out;
    }

    static List<String> splitDocuments(String manifest) {
        List<String> docs = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : manifest.split("\n", -1)) {
            if (line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t")) {
                docs.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(line).append('\n');
        }
        docs.add(cur.toString());
        return docs;
    }

    private ResourceDefinitionContext mapping(GenericKubernetesResource obj) {
        String av = obj.getApiVersion() == null ? "" : obj.getApiVersion();
        APIResourceList list = discovery.computeIfAbsent(av, k -> {
            try {
                return client.getApiResources(av.contains("/") ? "apis/" + av : "api/" + av);
            } catch (KubernetesClientException e) {
                return null;
            }
        });
        if (list == null) {
            // fabric8 wants "group/version" for apis; retry that form once
            try {
                list = client.getApiResources(av);
                discovery.put(av, list);
            } catch (KubernetesClientException e) {
                list = null;
            }
        }
        if (list != null && list.getResources() != null) {
            for (APIResource r : list.getResources()) {
                if (obj.getKind().equals(r.getKind()) && !r.getName().contains("/")) {
                    String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
                    String version = av.contains("/") ? av.substring(av.indexOf('/') + 1) : av;
                    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
                            .withKind(r.getKind()).withPlural(r.getName())
                            .withNamespaced(Boolean.TRUE.equals(r.getNamespaced())).build();
                }
            }
        }
        String name = obj.getMetadata() == null ? "" : obj.getMetadata().getName();
        String ns = obj.getMetadata() == null || obj.getMetadata().getNamespace() == null ? "" : obj.getMetadata().getNamespace();
        throw new KubeException("resource mapping not found for name: \"" + name + "\" namespace: \"" + ns
                + "\" from \"\": no matches for kind \"" + obj.getKind() + "\" in version \"" + av
                + "\"\nensure CRDs are installed first");
    }

    private Resource<GenericKubernetesResource> resource(Info info) {
        var op = client.genericKubernetesResources(info.mapping());
        return info.namespace() != null ? op.inNamespace(info.namespace()).resource(info.object())
                : op.resource(info.object());
    }

    public GenericKubernetesResource get(Info info) {
        try {
            return live(info);
        } catch (KubeException e) {
            throw new KubeException("could not get information about the resource: " + e.getMessage(), e);
        }
    }

    /** The live object, null when the server says 404; other failures carry the server's message only. */
    public GenericKubernetesResource live(Info info) {
        try {
            var op = client.genericKubernetesResources(info.mapping());
            return info.namespace() != null ? op.inNamespace(info.namespace()).withName(info.name()).get()
                    : op.withName(info.name()).get();
        } catch (KubernetesClientException e) {
            throw new KubeException(KubeErrors.message(e), e);
        }
    }

    private static final String TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private String path(ResourceDefinitionContext m, String ns) {
        String base = m.getGroup() == null || m.getGroup().isEmpty() ? "/api/" + m.getVersion()
                : "/apis/" + m.getGroup() + "/" + m.getVersion();
        if (ns != null) base += "/namespaces/" + ns;
        return base + "/" + m.getPlural();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rawGet(String path, boolean table) {
        var http = client.getHttpClient();
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + path;
        var req = http.newHttpRequestBuilder().uri(url).header("Accept", table ? TABLE_ACCEPT : "application/json").build();
        try {
            var resp = http.sendAsync(req, String.class).get();
            if (resp.code() == 404) return null;
            if (resp.code() >= 300) throw new KubeException("GET " + path + ": " + resp.code() + " " + resp.body());
            return Serialization.unmarshal(resp.body(), LinkedHashMap.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new KubeException(String.valueOf(e.getCause().getMessage()), e);
        }
    }

    /**
     * Helm's {@code Client.Get(resources, related=true)}: the live objects keyed by {@code version/Kind}, with the
     * Pods selected by workloads under {@code v1/Pod(related)}; as server-side Tables when {@code table}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<Object>> getWithRelated(List<Info> infos, boolean table) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        List<Map<String, String>> selectors = new ArrayList<>();
        for (Info i : infos) {
            String q = table ? "?includeObject=Object" : "";
            Map<String, Object> obj = rawGet(path(i.mapping(), i.namespace()) + "/" + i.name() + q, table);
            if (obj == null) continue;
            out.computeIfAbsent(i.mapping().getVersion() + "/" + i.kind(), k -> new ArrayList<>()).add(obj);
            Map<String, String> selector = null;
            Object spec = i.object().getAdditionalProperties().get("spec");
            switch (i.kind()) {
                case "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job" -> {
                    if (spec instanceof Map<?, ?> sm && sm.get("selector") instanceof Map<?, ?> sel
                            && sel.get("matchLabels") instanceof Map<?, ?> ml) selector = (Map<String, String>) ml;
                }
                case "ReplicationController" -> {
                    if (spec instanceof Map<?, ?> sm && sm.get("selector") instanceof Map<?, ?> sel) selector = (Map<String, String>) sel;
                }
                default -> { }
            }
            if (selector == null || selectors.contains(selector)) continue;
            selectors.add(selector);
            StringBuilder ls = new StringBuilder();
            for (String k : new java.util.TreeMap<>(selector).keySet()) {
                if (ls.length() > 0) ls.append(',');
                ls.append(k).append('=').append(selector.get(k));
            }
            String ns = i.namespace() == null ? namespace : i.namespace();
            Map<String, Object> pods = rawGet("/api/v1/namespaces/" + ns + "/pods?labelSelector="
                    + java.net.URLEncoder.encode(ls.toString(), java.nio.charset.StandardCharsets.UTF_8)
                    + (table ? "&includeObject=Object" : ""), table);
            if (pods == null) continue;
            List<Object> rel = out.computeIfAbsent("v1/Pod(related)", k -> new ArrayList<>());
            if (table) {
                rel.add(pods);
            } else {
                if (pods.get("items") instanceof List<?> items) {
                    for (Object p : items) {
                        if (p instanceof Map<?, ?> pm) {
                            ((Map<String, Object>) pm).putIfAbsent("apiVersion", "v1");
                            ((Map<String, Object>) pm).putIfAbsent("kind", "Pod");
                        }
                    }
                }
                rel.add(pods);
            }
        }
        return out;
    }

    /** Server-side apply of one object (Helm's {@code patchResourceServerSide}). */
    public void apply(Info info, boolean forceConflicts, boolean dryRun) {
        GenericKubernetesResource obj = info.object();
        if (obj.getMetadata().getManagedFields() != null) obj.getMetadata().setManagedFields(null);
        try {
            var r = resource(info);
            if (dryRun) {
                var w = r.dryRun();
                // dry-run applies go through a patch with dryRun=All
                var ssa = ((io.fabric8.kubernetes.client.dsl.ServerSideApplicable<GenericKubernetesResource>) w)
                        .fieldManager(FIELD_MANAGER);
                if (forceConflicts) ssa = ssa.forceConflicts();
                ssa.serverSideApply();
                return;
            }
            var ssa = r.fieldManager(FIELD_MANAGER);
            if (forceConflicts) ssa = ssa.forceConflicts();
            ssa.serverSideApply();
        } catch (KubernetesClientException e) {
            throw new KubeException(KubeErrors.message(e), e);
        }
    }

    /** Helm's {@code Create}: applies every object in order. */
    public void create(List<Info> infos, boolean forceConflicts) {
        create(infos, forceConflicts, true);
    }

    /** Helm's {@code Create}; {@code serverSide=false} is Helm 3's client-side create (a POST, field manager helm). */
    public void create(List<Info> infos, boolean forceConflicts, boolean serverSide) {
        for (Info info : infos) {
            try {
                if (serverSide) apply(info, forceConflicts, false); else createClientSide(info);
            } catch (KubeException e) {
                throw new KubeException("failed to create resource: " + e.getMessage(), e);
            }
        }
    }

    /** A plain create (POST) with Helm's field manager: managedFields record an Update by "helm". */
    public void createClientSide(Info info) {
        GenericKubernetesResource obj = info.object();
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + path(info.mapping(), info.namespace())
                + "?fieldManager=" + FIELD_MANAGER;
        var http = client.getHttpClient();
        var req = http.newHttpRequestBuilder().uri(url).header("Accept", "application/json")
                .post("application/json", Serialization.asJson(obj)).build();
        try {
            var resp = http.sendAsync(req, String.class).get();
            if (resp.code() >= 300) throw new KubeException(statusMessage(resp.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new KubeException(String.valueOf(e.getCause().getMessage()), e);
        }
    }

    /**
     * Helm 3's client-side update of one live object: a three-way merge patch from the previous manifest's
     * object, the new one and the live one, sent with field manager helm; nothing is sent when it is empty.
     */
    @SuppressWarnings("unchecked")
    public void patchClientSide(Info original, Info target, GenericKubernetesResource live) {
        Map<String, Object> patch = ThreeWayMergePatch.create(
                original == null ? Map.of() : Serialization.jsonMapper().convertValue(original.object(), Map.class),
                Serialization.jsonMapper().convertValue(target.object(), Map.class),
                Serialization.jsonMapper().convertValue(live, Map.class));
        if (patch.isEmpty()) return;
        try {
            var op = client.genericKubernetesResources(target.mapping());
            var r = target.namespace() != null ? op.inNamespace(target.namespace()).withName(target.name())
                    : op.withName(target.name());
            r.patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                    .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE)
                    .withFieldManager(FIELD_MANAGER).build(), Serialization.asJson(patch));
        } catch (KubernetesClientException e) {
            throw new KubeException(KubeErrors.message(e), e);
        }
    }

    /**
     * client-go's {@code csaupgrade.UpgradeManagedFields} for manager "helm": its Update entry (main resource)
     * is merged into its Apply entry, or becomes it; sent as a JSON patch guarded by the resourceVersion.
     */
    @SuppressWarnings("unchecked")
    void upgradeClientSideFieldManager(Info target, GenericKubernetesResource live) {
        Map<String, Object> obj = Serialization.jsonMapper().convertValue(live, Map.class);
        Map<String, Object> md = (Map<String, Object>) obj.get("metadata");
        if (md == null || !(md.get("managedFields") instanceof List<?> entries0)) return;
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object o : entries0) entries.add(new LinkedHashMap<>((Map<String, Object>) o));
        java.util.function.Predicate<Map<String, Object>> csa = e -> FIELD_MANAGER.equals(e.get("manager"))
                && "Update".equals(e.get("operation")) && (e.get("subresource") == null || "".equals(e.get("subresource")));
        int into = -1;
        for (int i = 0; i < entries.size() && into < 0; i++) {
            Map<String, Object> e = entries.get(i);
            if (FIELD_MANAGER.equals(e.get("manager")) && "Apply".equals(e.get("operation"))
                    && (e.get("subresource") == null || "".equals(e.get("subresource")))) into = i;
        }
        if (into < 0) {
            for (int i = 0; i < entries.size() && into < 0; i++) if (csa.test(entries.get(i))) into = i;
            if (into < 0) return;
            entries.get(into).put("operation", "Apply");
        }
        Map<String, Object> union = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i == into || csa.test(entries.get(i))) {
                if (entries.get(i).get("fieldsV1") instanceof Map<?, ?> f) deepMerge(union, (Map<String, Object>) f);
            }
        }
        entries.get(into).put("fieldsV1", union);
        Map<String, Object> keep = entries.get(into);
        entries.removeIf(e -> e != keep && csa.test(e));
        List<Map<String, Object>> patch = List.of(
                Map.of("op", "replace", "path", "/metadata/managedFields", "value", entries),
                Map.of("op", "replace", "path", "/metadata/resourceVersion", "value", String.valueOf(md.get("resourceVersion"))));
        try {
            var op = client.genericKubernetesResources(target.mapping());
            var r = target.namespace() != null ? op.inNamespace(target.namespace()).withName(target.name())
                    : op.withName(target.name());
            r.patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                    .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON)
                    .withFieldManager(FIELD_MANAGER).build(), Serialization.asJson(patch));
        } catch (KubernetesClientException e) {
            throw new KubeException("failed to upgrade managed fields for object " + target.namespace() + "/" + target.name()
                    + ": " + KubeErrors.message(e), e);
        }
    }

    /** The union of two managed-field sets (FieldsV1 tries). */
    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object have = into.get(e.getKey());
            if (have instanceof Map<?, ?> h && e.getValue() instanceof Map<?, ?> f) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) h);
                deepMerge(copy, (Map<String, Object>) f);
                into.put(e.getKey(), copy);
            } else if (have == null) {
                into.put(e.getKey(), e.getValue() instanceof Map<?, ?> f ? new LinkedHashMap<>((Map<String, Object>) f) : e.getValue());
            }
        }
    }

    private static String statusMessage(String body) {
        try {
            Object m = Serialization.unmarshal(body, LinkedHashMap.class).get("message");
            if (m instanceof String s && !s.isEmpty()) return s;
        } catch (RuntimeException ignored) {
            // not a Status
        }
        return body;
    }

    /** Result of an update: what was created, updated and deleted. */
    public record Result(List<Info> created, List<Info> updated, List<Info> deleted) {
    }

    /**
     * Helm's {@code Update}: applies the targets (creating missing ones) and deletes the originals
     * no longer present, unless annotated {@code helm.sh/resource-policy: keep}.
     */
    public Result update(List<Info> originals, List<Info> targets, boolean forceConflicts) {
        return update(originals, targets, forceConflicts, true);
    }

    /** As {@link #update(List, List, boolean)}; {@code serverSide=false} creates and patches client-side (Helm 3). */
    public Result update(List<Info> originals, List<Info> targets, boolean forceConflicts, boolean serverSide) {
        return update(originals, targets, forceConflicts, serverSide, false);
    }

    /**
     * {@code upgradeCsaManager}: before applying server-side, the live object's client-side "helm" field
     * manager becomes the server-side one (Helm's ClientUpdateOptionUpgradeClientSideFieldManager), so
     * moving a release from client-side to server-side apply does not conflict with itself.
     */
    public Result update(List<Info> originals, List<Info> targets, boolean forceConflicts, boolean serverSide,
                         boolean upgradeCsaManager) {
        List<Info> created = new ArrayList<>();
        List<Info> updated = new ArrayList<>();
        List<Info> deleted = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Info> originalKeys = new LinkedHashMap<>();
        for (Info o : originals) originalKeys.put(o.key(), o);
        for (Info t : targets) {
            GenericKubernetesResource current = get(t);
            if (current != null && !originalKeys.containsKey(t.key())) {
                // Helm refuses to touch a live object the current release does not own
                throw new KubeException("original object " + t.kind() + " with the name \"" + t.name() + "\" not found");
            }
            if (current == null) {
                created.add(t);
                try {
                    if (serverSide) apply(t, forceConflicts, false); else createClientSide(t);
                } catch (KubeException e) {
                    throw new KubeException("failed to create resource: " + e.getMessage(), e);
                }
                continue;
            }
            try {
                if (serverSide && upgradeCsaManager) upgradeClientSideFieldManager(t, current);
                if (serverSide) apply(t, forceConflicts, false); else patchClientSide(originalKeys.get(t.key()), t, current);
            } catch (KubeException e) {
                errors.add(e.getMessage());
            }
            updated.add(t);
        }
        if (!errors.isEmpty()) throw new KubeException(String.join(" && ", errors));
        Map<String, Info> targetKeys = new LinkedHashMap<>();
        for (Info t : targets) targetKeys.put(t.key(), t);
        for (Info o : originals) {
            if (targetKeys.containsKey(o.key())) continue;
            GenericKubernetesResource live;
            try {
                live = get(o);
            } catch (KubeException e) {
                continue;
            }
            if (live == null) continue;
            Map<String, String> anns = live.getMetadata().getAnnotations();
            if (anns != null && "keep".equals(anns.get(RESOURCE_POLICY_ANNO))) continue;
            try {
                delete(o, DeletionPropagation.BACKGROUND);
                deleted.add(o);
            } catch (KubeException e) {
                errors.add("failed to delete resource " + o.name() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) throw new KubeException(String.join(" && ", errors));
        return new Result(created, updated, deleted);
    }

    /** Deletes one object; a missing object is not an error (returns false). */
    public boolean delete(Info info, DeletionPropagation policy) {
        try {
            var r = resource(info);
            var res = r.withPropagationPolicy(policy).delete();
            return res != null && !res.isEmpty();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) return false;
            throw new KubeException(KubeErrors.message(e), e);
        }
    }

    /** Helm's {@code Delete}: every object, errors collected. */
    public List<String> deleteAll(List<Info> infos, DeletionPropagation policy) {
        List<String> errs = new ArrayList<>();
        for (Info i : infos) {
            try {
                delete(i, policy);
            } catch (KubeException e) {
                errs.add(e.getMessage());
            }
        }
        return errs;
    }

    /** Waits until every object is deleted or the timeout passes. */
    public void waitForDelete(List<Info> infos, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Info i : infos) {
            while (get(i) != null) {
                if (System.currentTimeMillis() > deadline) {
                    throw new KubeException("timed out waiting for the condition");
                }
                sleep(500);
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeException("interrupted");
        }
    }

    public String namespace() {
        return namespace;
    }

    static boolean eq(Object a, Object b) {
        return Objects.equals(a, b);
    }
}

package dev.charter.kube.action;

import dev.charter.kube.KubeException;
import dev.charter.kube.client.ResourceClient;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code requireAdoption} and {@code existingResourceConflict} (pkg/action/validate.go): which of
 * the objects about to be created already exist, and whether this release may take them over.
 * Messages are Helm's; callers prefix "unable to continue with install|update: ".
 */
final class Ownership {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String RELEASE_NAME = "meta.helm.sh/release-name";
    static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";

    private Ownership() {
    }

    /** {@code --take-ownership}: every existing object is adopted, whoever owns it. */
    static List<ResourceClient.Info> requireAdoption(ResourceClient rc, List<ResourceClient.Info> infos) {
        List<ResourceClient.Info> out = new ArrayList<>();
        for (ResourceClient.Info i : infos) {
            if (live(rc, i) != null) out.add(i);
        }
        return out;
    }

    /** Existing objects must carry this release's ownership metadata; they are returned for adoption. */
    static List<ResourceClient.Info> existingResourceConflict(ResourceClient rc, List<ResourceClient.Info> infos,
                                                              String releaseName, String releaseNamespace) {
        List<ResourceClient.Info> out = new ArrayList<>();
        for (ResourceClient.Info i : infos) {
            GenericKubernetesResource live = live(rc, i);
            if (live == null) continue;
            String problem = checkOwnership(live, releaseName, releaseNamespace);
            if (problem != null) {
                throw new KubeException(resourceString(i) + " exists and cannot be imported into the current release: " + problem);
            }
            out.add(i);
        }
        return out;
    }

    private static GenericKubernetesResource live(ResourceClient rc, ResourceClient.Info i) {
        try {
            return rc.live(i);
        } catch (KubeException e) {
            throw new KubeException("could not get information about the resource " + resourceString(i) + ": " + e.getMessage(), e);
        }
    }

    /** Helm's {@code checkOwnership}: null when owned, else "invalid ownership metadata; ..." with every problem. */
    static String checkOwnership(GenericKubernetesResource obj, String releaseName, String releaseNamespace) {
        Map<String, String> labels = obj.getMetadata().getLabels() == null ? Map.of() : obj.getMetadata().getLabels();
        Map<String, String> annos = obj.getMetadata().getAnnotations() == null ? Map.of() : obj.getMetadata().getAnnotations();
        List<String> errs = new ArrayList<>();
        String e = requireValue(labels, MANAGED_BY, "Helm");
        if (e != null) errs.add("label validation error: " + e);
        e = requireValue(annos, RELEASE_NAME, releaseName);
        if (e != null) errs.add("annotation validation error: " + e);
        e = requireValue(annos, RELEASE_NAMESPACE, releaseNamespace);
        if (e != null) errs.add("annotation validation error: " + e);
        return errs.isEmpty() ? null : "invalid ownership metadata; " + String.join("; ", errs);
    }

    private static String requireValue(Map<String, String> meta, String k, String v) {
        String actual = meta.get(k);
        if (actual == null) return "missing key " + q(k) + ": must be set to " + q(v);
        if (!actual.equals(v)) return "key " + q(k) + " must equal " + q(v) + ": current value is " + q(actual);
        return null;
    }

    /** Helm's {@code resourceString}: {@code Kind "name" in namespace "ns"}. */
    static String resourceString(ResourceClient.Info i) {
        return i.kind() + " " + q(i.name()) + " in namespace " + q(i.namespace() == null ? "" : i.namespace());
    }

    private static String q(String s) {
        return dev.charter.template.text.Strconv.quote(s);
    }
}

package dev.charter.kube.action;

import dev.charter.chart.render.KubeVersion;
import dev.charter.kube.KubeException;
import dev.charter.kube.storage.KubeErrors;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Helm's {@code getCapabilities}: the server's version and {@code GetVersionSet} (group versions and gv/Kind). */
public record ServerCapabilities(KubeVersion kubeVersion, List<String> apiVersions) {

    public static ServerCapabilities get(KubernetesClient client) {
        VersionInfo v;
        try {
            v = client.getKubernetesVersion();
        } catch (KubernetesClientException e) {
            throw new KubeException("could not get server version from Kubernetes: " + KubeErrors.message(e), e);
        }
        KubeVersion kv;
        try {
            KubeVersion parsed = KubeVersion.parse(v.getGitVersion());
            kv = new KubeVersion(v.getGitVersion(), parsed.string(), v.getMajor(), v.getMinor());
        } catch (RuntimeException e) {
            kv = new KubeVersion(v.getGitVersion(), "", v.getMajor(), v.getMinor());
        }
        Set<String> versions = new LinkedHashSet<>();
        List<String> gvs = new ArrayList<>();
        try {
            gvs.add("v1");
            APIGroupList groups = client.getApiGroups();
            if (groups != null && groups.getGroups() != null) {
                for (APIGroup g : groups.getGroups()) {
                    for (GroupVersionForDiscovery gv : g.getVersions()) gvs.add(gv.getGroupVersion());
                }
            }
            versions.addAll(gvs);
            for (String gv : gvs) {
                APIResourceList rl;
                try {
                    rl = client.getApiResources(gv);
                } catch (KubernetesClientException e) {
                    continue;
                }
                if (rl == null || rl.getResources() == null) continue;
                for (APIResource r : rl.getResources()) versions.add(gv + "/" + r.getKind());
            }
        } catch (KubernetesClientException e) {
            throw new KubeException("could not get apiVersions from Kubernetes: " + KubeErrors.message(e), e);
        }
        return new ServerCapabilities(kv, new ArrayList<>(versions));
    }
}

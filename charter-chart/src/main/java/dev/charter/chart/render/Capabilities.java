package dev.charter.chart.render;

import dev.charter.template.value.GoTypeName;
import java.util.List;

/** Helm's {@code common.Capabilities}: {@code .Capabilities} of templates. */
@GoTypeName("*common.Capabilities")
public record Capabilities(KubeVersion kubeVersion, @dev.charter.template.value.GoVisible("APIVersions") VersionSet apiVersions,
                           BuildInfo helmVersion) {

    /** Helm 4.1's client-only defaults (Kubernetes v1.35.0, its API versions) plus extra API versions. */
    public static Capabilities defaults(KubeVersion kubeVersion, List<String> extraApiVersions, BuildInfo helm) {
        VersionSet vs = new VersionSet(VersionSet.DEFAULTS);
        vs.addAll(extraApiVersions);
        return new Capabilities(kubeVersion == null ? KubeVersion.of(1, 35) : kubeVersion, vs, helm);
    }
}

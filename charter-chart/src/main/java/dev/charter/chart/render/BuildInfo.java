package dev.charter.chart.render;

import dev.charter.template.value.GoTypeName;

/** Helm's {@code version.BuildInfo} as {@code .Capabilities.HelmVersion}. */
@GoTypeName("version.BuildInfo")
public record BuildInfo(String version, String gitCommit, String gitTreeState, String goVersion,
                        String kubeClientVersion) {
}

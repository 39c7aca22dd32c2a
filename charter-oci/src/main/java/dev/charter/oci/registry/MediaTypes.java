package dev.charter.oci.registry;

/** Media types Helm and ORAS use. */
public final class MediaTypes {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_ARTIFACT_MANIFEST = "application/vnd.oci.artifact.manifest.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    public static final String HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json";
    public static final String HELM_CHART = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    public static final String HELM_PROVENANCE = "application/vnd.cncf.helm.chart.provenance.v1.prov";
    /** The layer type of Helm 3.0–3.6 charts, still accepted with a warning. */
    public static final String LEGACY_CHART = "application/tar+gzip";

    /** ORAS' manifest {@code Accept} header, in its order. */
    public static final String MANIFEST_ACCEPT = String.join(", ", DOCKER_MANIFEST, DOCKER_MANIFEST_LIST,
            OCI_MANIFEST, OCI_INDEX, OCI_ARTIFACT_MANIFEST);

    private MediaTypes() {
    }
}

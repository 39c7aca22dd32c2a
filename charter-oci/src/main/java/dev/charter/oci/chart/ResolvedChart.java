package dev.charter.oci.chart;

import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.reference.Reference;

/**
 * A chart reference after Helm's version resolution: either pinned to a manifest digest or to a
 * version (kept in its {@code +} form; the tag is its {@code _} form).
 */
public record ResolvedChart(String registry, String repository, String version, String digest) {

    /** What is fetched from the registry. */
    public Reference downloadReference() {
        return new Reference(registry, repository, digest.isEmpty() ? ChartReference.versionToTag(version) : digest);
    }

    /** Helm's URL path form, {@code repo:version} or {@code repo@digest}. */
    public String urlPath() {
        return repository + (digest.isEmpty() ? ":" + version : "@" + digest);
    }

    /** {@code oci://registry/repo:version}, as Helm names the chart URL (e.g. in provenance errors). */
    public String url() {
        return ChartReference.SCHEME + registry + "/" + urlPath();
    }

    /**
     * Helm's output file name: the last URL path element split at its last {@code :}, so
     * {@code mychart-1.0.0+b.tgz} or {@code mychart@sha256-<hex>.tgz}.
     */
    public String fileName() {
        String path = urlPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int colon = last.lastIndexOf(':');
        return last.substring(0, colon) + "-" + last.substring(colon + 1) + ".tgz";
    }

    /** The chart's name: the last repository path element. */
    public String chartName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }
}

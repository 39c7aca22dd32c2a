package dev.charter.dependency;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What dependency management needs from an OCI registry; see {@link RegistryOciCharts}. */
public interface OciCharts {

    /** SemVer tags of {@code host/path/name} (no scheme), highest first, in {@code +} form. */
    List<String> versionTags(String repository);

    /**
     * Pulls {@code oci://host/path/name} at exactly {@code version} into {@code dir} as
     * {@code <name>-<version>.tgz}; Helm's Pulled/Digest lines go to {@code stderr}.
     */
    Path pull(String ociUrl, String version, Path dir, Consumer<String> stderr);

    /**
     * Writes the provenance layer of {@code oci://host/path/name} at {@code version} to
     * {@code target}; fails when the manifest has none.
     */
    void pullProvenance(String ociUrl, String version, Path target, Consumer<String> stderr);
}

package dev.charter.registry.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed manifest: what it references and what the referrers API reports about it. */
public sealed interface Manifest permits Manifest.Image, Manifest.Index, Manifest.Opaque {

    /** The media type served back as {@code Content-Type}. */
    String mediaType();

    /** Whether the media type came from the JSON itself (then nothing needs remembering). */
    boolean selfDescribing();

    default Optional<Descriptor> subject() {
        return Optional.empty();
    }

    /** The type the referrers API lists, or null. */
    default String artifactType() {
        return null;
    }

    default Map<String, String> annotations() {
        return Map.of();
    }

    /** An image manifest (OCI or Docker schema 2) or an OCI artifact manifest; {@code config} may be null for the latter. */
    record Image(String mediaType, boolean selfDescribing, Descriptor config, List<Descriptor> layers,
                 Optional<Descriptor> subject, String explicitArtifactType, Map<String, String> annotations) implements Manifest {
        /** The spec's rule: {@code artifactType}, else the config's media type. */
        @Override
        public String artifactType() {
            if (explicitArtifactType != null) {
                return explicitArtifactType;
            }
            return config == null ? null : config.mediaType();
        }

        /** Config and layers: the blobs that must exist in the repository. */
        public List<Descriptor> blobs() {
            if (config == null) {
                return layers;
            }
            java.util.ArrayList<Descriptor> all = new java.util.ArrayList<>(layers.size() + 1);
            all.add(config);
            all.addAll(layers);
            return all;
        }
    }

    /** An OCI image index or Docker manifest list. */
    record Index(String mediaType, boolean selfDescribing, List<Descriptor> manifests,
                 Optional<Descriptor> subject, String artifactType, Map<String, String> annotations) implements Manifest {
    }

    /** Content of a type the registry does not interpret; stored and served byte for byte. */
    record Opaque(String mediaType, boolean selfDescribing) implements Manifest {
    }
}

package dev.charter.registry.manifest;

import dev.charter.registry.storage.Digest;
import java.util.List;
import java.util.Map;

/** An OCI content descriptor as far as the registry needs it. */
public record Descriptor(String mediaType, Digest digest, long size, String artifactType,
                         Map<String, String> annotations, List<String> urls) {

    public Descriptor {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    /** Docker foreign layers live elsewhere (their {@code urls}); the registry need not hold them. */
    public boolean isForeign() {
        return MediaTypes.DOCKER_FOREIGN_LAYER.equals(mediaType) && !urls.isEmpty();
    }
}

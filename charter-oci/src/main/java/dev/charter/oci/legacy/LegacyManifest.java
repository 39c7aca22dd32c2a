package dev.charter.oci.legacy;

import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.MediaTypes;
import java.nio.charset.StandardCharsets;

/**
 * The manifest Helm 3.0–3.6 wrote: Go's {@code json.Marshal} of an image-spec v1.0 {@code Manifest}
 * with one layer and no annotations — no {@code mediaType} field, descriptors with only
 * media type, digest and size. Older clients only understand this shape.
 */
public final class LegacyManifest {

    private LegacyManifest() {
    }

    public static byte[] build(Descriptor config, Descriptor content) {
        Descriptor layer = new Descriptor(MediaTypes.LEGACY_CHART, content.digest(), content.size());
        String json = "{\"schemaVersion\":2,\"config\":" + config.toJson() + ",\"layers\":[" + layer.toJson() + "]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.charter.oci.registry;

import dev.charter.oci.GoJson;

/** An OCI content descriptor as Helm writes them: media type, digest, size and nothing else. */
public record Descriptor(String mediaType, String digest, long size) {

    /** Compact Go JSON with the fields in image-spec struct order. */
    public String toJson() {
        return "{\"mediaType\":" + GoJson.quote(mediaType) + ",\"digest\":" + GoJson.quote(digest) + ",\"size\":" + size + "}";
    }
}

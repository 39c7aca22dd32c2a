package dev.charter.oci.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.oci.OciException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fetched manifest: the exact bytes (whose sha256 is its digest) and the fields Charter reads.
 * {@code layers} holds an index's {@code manifests} when the document is an index.
 */
public record Manifest(byte[] bytes, String digest, String mediaType, String artifactType, Descriptor config,
                       List<Descriptor> layers, Map<String, String> annotations) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Manifest parse(byte[] bytes, String digest, String contentType) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new OciException("failed to decode manifest " + digest + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new OciException("failed to decode manifest " + digest + ": not a JSON object");
        }
        String mediaType = root.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        }
        Descriptor config = root.has("config") ? descriptor(root.get("config")) : null;
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode layer : root.has("layers") ? root.get("layers") : root.path("manifests")) {
            layers.add(descriptor(layer));
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        root.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
        return new Manifest(bytes, digest, mediaType, root.path("artifactType").asText(""), config, List.copyOf(layers),
                Map.copyOf(annotations));
    }

    private static Descriptor descriptor(JsonNode node) {
        return new Descriptor(node.path("mediaType").asText(""), node.path("digest").asText(""), node.path("size").asLong(-1));
    }

    public boolean isIndex() {
        return mediaType.equals(MediaTypes.OCI_INDEX) || mediaType.equals(MediaTypes.DOCKER_MANIFEST_LIST);
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest, bytes.length);
    }
}

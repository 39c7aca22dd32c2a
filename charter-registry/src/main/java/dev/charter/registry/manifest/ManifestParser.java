package dev.charter.registry.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.registry.storage.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses pushed manifest bytes. The media type is the JSON's own {@code mediaType}; failing that
 * the request's {@code Content-Type}; failing that it is sniffed ({@code manifests} → index,
 * {@code config} → image manifest), the way OCI manifests without {@code mediaType} are meant to
 * be read. Known types are checked structurally; other types are kept as opaque bytes.
 */
public final class ManifestParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestParser() {
    }

    public static Manifest parse(byte[] content, String contentType) throws InvalidManifestException {
        String declaredType = MediaTypes.essence(contentType);
        JsonNode root = readJson(content);
        if (root == null || !root.isObject()) {
            if (declaredType != null && MediaTypes.KNOWN.contains(declaredType)) {
                throw new InvalidManifestException("manifest is not a JSON object");
            }
            return new Manifest.Opaque(declaredType == null ? "application/octet-stream" : declaredType, false);
        }
        String ownType = text(root, "mediaType");
        if (ownType != null && declaredType != null && !ownType.equals(declaredType)
                && MediaTypes.KNOWN.contains(ownType) && MediaTypes.KNOWN.contains(declaredType)) {
            throw new InvalidManifestException("mediaType " + ownType + " does not match Content-Type " + declaredType);
        }
        if (MediaTypes.DOCKER_SCHEMA1.equals(ownType) || MediaTypes.DOCKER_SCHEMA1_SIGNED.equals(declaredType)
                || MediaTypes.DOCKER_SCHEMA1.equals(declaredType)) {
            throw new InvalidManifestException("Docker schema 1 manifests are not supported");
        }
        String type = ownType != null ? ownType : sniff(root, declaredType);
        boolean selfDescribing = ownType != null;
        if (MediaTypes.IMAGE_MANIFESTS.contains(type)) {
            requireSchemaVersion2(root);
            JsonNode config = root.get("config");
            if (config == null || !config.isObject()) {
                throw new InvalidManifestException("image manifest has no config descriptor");
            }
            return new Manifest.Image(type, selfDescribing, descriptor(config, "config"), descriptors(root, "layers", true),
                    subject(root), text(root, "artifactType"), annotations(root));
        }
        if (MediaTypes.OCI_ARTIFACT.equals(type)) {
            return new Manifest.Image(type, selfDescribing, null, descriptors(root, "blobs", false),
                    subject(root), text(root, "artifactType"), annotations(root));
        }
        if (MediaTypes.INDEXES.contains(type)) {
            requireSchemaVersion2(root);
            return new Manifest.Index(type, selfDescribing, descriptors(root, "manifests", true),
                    subject(root), text(root, "artifactType"), annotations(root));
        }
        return new Manifest.Opaque(type, selfDescribing);
    }

    private static String sniff(JsonNode root, String declaredType) {
        if (declaredType != null) {
            return declaredType;
        }
        if (root.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (root.has("config")) {
            return MediaTypes.OCI_MANIFEST;
        }
        return "application/json";
    }

    private static JsonNode readJson(byte[] content) {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireSchemaVersion2(JsonNode root) throws InvalidManifestException {
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.asInt() != 2) {
            throw new InvalidManifestException("schemaVersion must be 2");
        }
    }

    private static List<Descriptor> descriptors(JsonNode root, String field, boolean required) throws InvalidManifestException {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            if (required) {
                throw new InvalidManifestException("missing " + field);
            }
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidManifestException(field + " must be an array");
        }
        List<Descriptor> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(descriptor(array.get(i), field + "[" + i + "]"));
        }
        return List.copyOf(result);
    }

    private static Optional<Descriptor> subject(JsonNode root) throws InvalidManifestException {
        JsonNode subject = root.get("subject");
        return subject == null || subject.isNull() ? Optional.empty() : Optional.of(descriptor(subject, "subject"));
    }

    private static Descriptor descriptor(JsonNode node, String where) throws InvalidManifestException {
        if (node == null || !node.isObject()) {
            throw new InvalidManifestException(where + " is not a descriptor");
        }
        String digestText = text(node, "digest");
        Optional<Digest> digest = Digest.tryParse(digestText);
        if (digest.isEmpty()) {
            throw new InvalidManifestException(where + " has an invalid digest: " + digestText);
        }
        JsonNode size = node.get("size");
        if (size == null || !size.isIntegralNumber() || size.asLong() < 0) {
            throw new InvalidManifestException(where + " has an invalid size");
        }
        String mediaType = text(node, "mediaType");
        if (mediaType == null) {
            throw new InvalidManifestException(where + " has no mediaType");
        }
        List<String> urls = new ArrayList<>();
        JsonNode urlNode = node.get("urls");
        if (urlNode != null && urlNode.isArray()) {
            urlNode.forEach(u -> urls.add(u.asText()));
        }
        return new Descriptor(mediaType, digest.get(), size.asLong(), text(node, "artifactType"), annotations(node), urls);
    }

    private static Map<String, String> annotations(JsonNode node) {
        JsonNode annotations = node.get("annotations");
        if (annotations == null || !annotations.isObject()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        annotations.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}

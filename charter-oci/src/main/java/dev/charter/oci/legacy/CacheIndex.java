package dev.charter.oci.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.oci.OciException;
import dev.charter.oci.registry.AtomicFiles;
import dev.charter.oci.registry.Descriptor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The named references of the cache layout: {@code index.json}'s manifest descriptors carrying an
 * {@code org.opencontainers.image.ref.name} annotation, exactly as Helm 3.0–3.6 (ORAS' OCIStore)
 * kept them. Entries Charter does not understand are preserved. Writers take a file lock and
 * replace the file atomically, so concurrent processes never see a torn index.
 */
final class CacheIndex {

    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One named manifest. */
    record Entry(String name, Descriptor manifest) {
    }

    private final Path root;

    CacheIndex(Path root) {
        this.root = root;
    }

    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (JsonNode m : read().path("manifests")) {
            String name = m.path("annotations").path(REF_NAME).asText("");
            if (!name.isEmpty()) {
                out.add(new Entry(name, new Descriptor(m.path("mediaType").asText(""), m.path("digest").asText(""),
                        m.path("size").asLong(-1))));
            }
        }
        return out;
    }

    /** The last entry with that name (ORAS' map semantics: a later add wins). */
    Optional<Entry> find(String name) {
        Entry found = null;
        for (Entry e : entries()) {
            if (e.name().equals(name)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Points {@code name} at {@code manifest}, replacing any earlier entry of that name. */
    void put(String name, Descriptor manifest) {
        update(manifests -> {
            remove(manifests, name);
            ObjectNode d = manifests.addObject();
            d.put("mediaType", manifest.mediaType());
            d.put("digest", manifest.digest());
            d.put("size", manifest.size());
            d.putObject("annotations").put(REF_NAME, name);
        });
    }

    /** Drops every entry named {@code name}; returns whether one existed. */
    boolean delete(String name) {
        boolean[] removed = {false};
        update(manifests -> removed[0] = remove(manifests, name));
        return removed[0];
    }

    private static boolean remove(ArrayNode manifests, String name) {
        boolean removed = false;
        for (int i = manifests.size() - 1; i >= 0; i--) {
            if (manifests.get(i).path("annotations").path(REF_NAME).asText("").equals(name)) {
                manifests.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    private JsonNode read() {
        Path index = root.resolve("index.json");
        try {
            if (!Files.exists(index)) {
                return JSON.createObjectNode();
            }
            JsonNode node = JSON.readTree(Files.readAllBytes(index));
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            throw new OciException("cannot read " + index + ": " + e.getMessage(), e);
        }
    }

    private void update(Consumer<ArrayNode> change) {
        Path lockFile = root.resolve("ingest").resolve("index.json.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                JsonNode current = read();
                ObjectNode index = current.isObject() ? (ObjectNode) current.deepCopy() : JSON.createObjectNode();
                if (!index.has("schemaVersion")) {
                    index.put("schemaVersion", 2);
                }
                ArrayNode manifests = index.path("manifests").isArray()
                        ? (ArrayNode) index.get("manifests") : index.putArray("manifests");
                change.accept(manifests);
                Path temp = Files.createTempFile(root.resolve("ingest"), "index-", ".json");
                try {
                    Files.write(temp, JSON.writeValueAsBytes(index));
                    AtomicFiles.publish(temp, root.resolve("index.json"));
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new OciException("cannot update " + root.resolve("index.json") + ": " + e.getMessage(), e);
        }
    }
}

package dev.charter.registry.api;

import dev.charter.registry.manifest.Manifest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently used manifests by repository and digest. Content behind a digest never changes, so
 * entries can never be stale; the cache only spares the disk read and JSON parse on hot pulls. Bounded by
 * total bytes, least recently used out first.
 */
final class ManifestCache {

    record Entry(byte[] content, Manifest manifest) {
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);

    /**
     * @param maxBytes the budget for manifest bytes; capped at a sixteenth of the heap, since
     *     parsed manifests cost a few times their bytes and {@code registry serve} runs with a
     *     small heap
     */
    ManifestCache(long maxBytes) {
        this.maxBytes = Math.min(maxBytes, Runtime.getRuntime().maxMemory() / 16);
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Entry entry) {
        if (entry.content().length > maxBytes / 4) {
            return;
        }
        Entry previous = entries.put(key, entry);
        if (previous != null) {
            bytes -= previous.content().length;
        }
        bytes += entry.content().length;
        var iterator = entries.entrySet().iterator();
        while (bytes > maxBytes && iterator.hasNext()) {
            Map.Entry<String, Entry> eldest = iterator.next();
            bytes -= eldest.getValue().content().length;
            iterator.remove();
        }
    }
}

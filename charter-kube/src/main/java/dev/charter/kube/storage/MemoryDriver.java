package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Helm's in-memory driver (HELM_DRIVER=memory): records live for the process only. */
public final class MemoryDriver implements Driver {
    private final Map<String, Release> records = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    private String namespace;

    public MemoryDriver(String namespace) {
        this.namespace = namespace;
    }

    /** Helm's {@code Memory.SetNamespace}: the namespace reads are scoped to (empty: all). */
    public synchronized void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public String name() {
        return "Memory";
    }

    private String k(String ns, String key) {
        return ns + "/" + key;
    }

    @Override
    public synchronized Release get(String key) {
        Release r = records.get(k(namespace, key));
        if (r == null) throw new ReleaseNotFoundException();
        Release c = r.copy();
        c.labels = Labels.filterSystem(labels.get(k(namespace, key)));
        return c;
    }

    private boolean inScope(String fullKey) {
        return namespace == null || namespace.isEmpty() || fullKey.startsWith(namespace + "/");
    }

    @Override
    public synchronized List<Release> list(Predicate<Release> filter) {
        List<Release> out = new ArrayList<>();
        records.forEach((key, r) -> {
            if (!inScope(key)) return;
            Release c = r.copy();
            c.labels = new TreeMap<>(labels.get(key));
            if (filter.test(c)) out.add(c);
        });
        return out;
    }

    @Override
    public synchronized List<Release> query(Map<String, String> want) {
        List<Release> out = new ArrayList<>();
        records.forEach((key, r) -> {
            if (!inScope(key) || !Labels.matches(labels.get(key), want)) return;
            Release c = r.copy();
            c.labels = new TreeMap<>(labels.get(key));
            out.add(c);
        });
        if (out.isEmpty()) throw new ReleaseNotFoundException();
        return out;
    }

    @Override
    public synchronized void create(String key, Release r) {
        // as Helm: a release without namespace goes to "default", and the driver moves to the release's namespace
        String ns = r.namespace.isEmpty() ? "default" : r.namespace;
        namespace = ns;
        if (records.containsKey(k(ns, key))) throw new StorageException("release: already exists");
        records.put(k(ns, key), r.copy());
        labels.put(k(ns, key), Labels.forRecord(r, "createdAt", java.time.Instant.now().getEpochSecond()));
    }

    @Override
    public synchronized void update(String key, Release r) {
        String ns = r.namespace.isEmpty() ? namespace : r.namespace;
        if (!records.containsKey(k(ns, key))) throw new ReleaseNotFoundException();
        records.put(k(ns, key), r.copy());
        labels.put(k(ns, key), Labels.forRecord(r, "modifiedAt", java.time.Instant.now().getEpochSecond()));
    }

    @Override
    public synchronized Release delete(String key) {
        Release r = get(key);
        records.remove(k(namespace, key));
        labels.remove(k(namespace, key));
        return r;
    }
}

package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Helm's storage {@code driver.Driver}: records keyed {@code sh.helm.release.v1.NAME.vN}. */
public interface Driver {
    String name();

    /** @throws ReleaseNotFoundException when there is no such record */
    Release get(String key);

    List<Release> list(Predicate<Release> filter);

    /** @throws ReleaseNotFoundException when nothing matches */
    List<Release> query(Map<String, String> labels);

    /** @throws StorageException {@code release: already exists} when the key is taken */
    void create(String key, Release r);

    void update(String key, Release r);

    Release delete(String key);
}

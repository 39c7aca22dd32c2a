package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import dev.charter.kube.release.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Helm's {@code storage.Storage}: keys, history, last/deployed lookups and {@code --history-max} pruning. */
public final class Storage {
    public static final String HELM_STORAGE_TYPE = "sh.helm.release.v1";

    private final Driver driver;
    private int maxHistory;

    public Storage(Driver driver) {
        this.driver = driver;
    }

    public Driver driver() {
        return driver;
    }

    public int maxHistory() {
        return maxHistory;
    }

    public void setMaxHistory(int maxHistory) {
        this.maxHistory = maxHistory;
    }

    public static String makeKey(String name, int version) {
        return HELM_STORAGE_TYPE + "." + name + ".v" + version;
    }

    public Release get(String name, int version) {
        return driver.get(makeKey(name, version));
    }

    public void create(Release r) {
        if (maxHistory > 0) {
            try {
                removeLeastRecent(r.name, maxHistory - 1);
            } catch (ReleaseNotFoundException ignored) {
                // nothing to prune
            }
        }
        driver.create(makeKey(r.name, r.version), r);
    }

    public void update(Release r) {
        driver.update(makeKey(r.name, r.version), r);
    }

    public Release delete(String name, int version) {
        return driver.delete(makeKey(name, version));
    }

    public List<Release> list(Predicate<Release> filter) {
        return driver.list(filter);
    }

    public List<Release> listReleases() {
        return driver.list(r -> true);
    }

    public List<Release> deployedAll(String name) {
        try {
            return driver.query(Map.of("name", name, "owner", "helm", "status", Status.DEPLOYED));
        } catch (StorageException e) {
            if (e.getMessage().contains("not found")) {
                throw new NoDeployedReleasesException(name);
            }
            throw e;
        }
    }

    /** The deployed release with the highest revision. */
    public Release deployed(String name) {
        List<Release> ls = deployedAll(name);
        if (ls.isEmpty()) throw new NoDeployedReleasesException(name);
        return ls.stream().max(Comparator.comparingInt(r -> r.version)).orElseThrow();
    }

    public List<Release> history(String name) {
        return driver.query(Map.of("name", name, "owner", "helm"));
    }

    /** The release with the highest revision. */
    public Release last(String name) {
        List<Release> h = history(name);
        if (h.isEmpty()) throw new StorageException("no revision for release \"" + name + "\"");
        return h.stream().max(Comparator.comparingInt(r -> r.version)).orElseThrow();
    }

    private void removeLeastRecent(String name, int maximum) {
        if (maximum < 0) return;
        List<Release> h = new ArrayList<>(history(name));
        if (h.size() <= maximum) return;
        h.sort(Comparator.comparingInt(r -> r.version));
        Release lastDeployed = null;
        try {
            lastDeployed = deployed(name);
        } catch (NoDeployedReleasesException ignored) {
            // none
        }
        List<Release> toDelete = new ArrayList<>();
        for (Release rel : h) {
            if (h.size() - toDelete.size() == maximum) break;
            if (lastDeployed == null || rel.version != lastDeployed.version) toDelete.add(rel);
        }
        List<RuntimeException> errs = new ArrayList<>();
        for (Release rel : toDelete) {
            try {
                delete(name, rel.version);
            } catch (RuntimeException e) {
                errs.add(e);
            }
        }
        if (errs.size() == 1) throw errs.get(0);
        if (errs.size() > 1) {
            throw new StorageException("encountered " + errs.size() + " deletion errors. First is: " + errs.get(0).getMessage());
        }
    }

    /** Helm's {@code driver.ErrNoDeployedReleases}. */
    public static final class NoDeployedReleasesException extends StorageException {
        public NoDeployedReleasesException(String name) {
            super("\"" + name + "\" has no deployed releases");
        }
    }
}

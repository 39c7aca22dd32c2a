package dev.charter.kube.action;

import dev.charter.chart.Chart;
import dev.charter.chart.values.Coalesce;
import dev.charter.kube.KubeException;
import dev.charter.kube.client.ResourceClient;
import dev.charter.kube.release.GoTime;
import dev.charter.kube.release.Hook;
import dev.charter.kube.release.Release;
import dev.charter.kube.release.ReleaseCharts;
import dev.charter.kube.release.Status;
import dev.charter.kube.render.ManifestSorter;
import dev.charter.kube.render.ReleaseRenderer;
import dev.charter.kube.render.Renderer;
import dev.charter.kube.storage.ReleaseNotFoundException;
import dev.charter.kube.storage.Storage;
import dev.charter.kube.storage.StorageException;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Helm's release actions ({@code pkg/action}): list, status/get, history, uninstall, rollback, install, upgrade. */
public final class ReleaseActions {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private final ActionConfig cfg;

    public ReleaseActions(ActionConfig cfg) {
        this.cfg = cfg;
    }

    public static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 53 && NAME.matcher(name).matches();
    }

    private Storage st() {
        return cfg.storage();
    }

    private GoTime now() {
        return GoTime.now(cfg.zone());
    }

    // ---------------------------------------------------------------- list

    public static final class ListOptions {
        public boolean all, allNamespaces, byDate, reverse, uninstalled, superseded, uninstalling, deployed, failed, pending;
        public int limit = 256, offset;
        public String filter = "";
        public String selector = "";
    }

    public List<Release> list(ListOptions o) {
        cfg.checkReachable();
        Pattern filter = o.filter.isEmpty() ? null : Pattern.compile(o.filter);
        List<Release> results = st().list(r -> filter == null || filter.matcher(r.name).find());
        List<String> mask = stateMask(o);
        boolean onlySuperseded = mask.size() == 1 && mask.contains(Status.SUPERSEDED);
        if (!onlySuperseded) {
            Map<String, Release> latest = new LinkedHashMap<>();
            for (Release r : results) {
                String key = r.namespace + "/" + r.name;
                Release l = latest.get(key);
                if (l != null && l.version > r.version) continue;
                latest.put(key, r);
            }
            results = new ArrayList<>(latest.values());
        }
        List<Release> filtered = new ArrayList<>();
        Predicate<Map<String, String>> sel = LabelSelector.parse(o.selector);
        for (Release r : results) {
            String s = r.info.status;
            boolean known = List.of(Status.DEPLOYED, Status.UNINSTALLED, Status.SUPERSEDED, Status.FAILED,
                    Status.UNINSTALLING, Status.PENDING_INSTALL, Status.PENDING_UPGRADE, Status.PENDING_ROLLBACK).contains(s);
            if (!(known ? mask.contains(s) : mask.contains(Status.UNKNOWN))) continue;
            if (!sel.test(r.labels)) continue;
            filtered.add(r);
        }
        Comparator<Release> byName = Comparator.comparing(r -> r.name);
        Comparator<Release> byDate = Comparator.comparing(r -> r.info.lastDeployed == null ? java.time.Instant.MIN
                : r.info.lastDeployed.instant());
        if (o.byDate) {
            filtered.sort(o.reverse ? byDate.reversed() : byDate);
        } else {
            filtered.sort(o.reverse ? byName.reversed() : byName);
        }
        if (o.offset >= filtered.size()) return List.of();
        int limit = results.size();
        if (o.limit > 0 && o.limit < limit) limit = o.limit;
        int last = Math.min(filtered.size(), o.offset + limit);
        return filtered.subList(o.offset, last);
    }

    private static List<String> stateMask(ListOptions o) {
        List<String> all = List.of(Status.DEPLOYED, Status.UNINSTALLED, Status.UNINSTALLING, Status.PENDING_INSTALL,
                Status.PENDING_ROLLBACK, Status.PENDING_UPGRADE, Status.SUPERSEDED, Status.FAILED);
        if (o.all) return all;
        List<String> m = new ArrayList<>();
        if (o.deployed) m.add(Status.DEPLOYED);
        if (o.uninstalled) m.add(Status.UNINSTALLED);
        if (o.uninstalling) m.add(Status.UNINSTALLING);
        if (o.pending) m.addAll(List.of(Status.PENDING_INSTALL, Status.PENDING_ROLLBACK, Status.PENDING_UPGRADE));
        if (o.failed) m.add(Status.FAILED);
        if (o.superseded) m.add(Status.SUPERSEDED);
        return m.isEmpty() ? all : m;
    }

    // ---------------------------------------------------------------- get / status / history

    /** Helm's {@code releaseContent}: the given revision, or the last one when {@code version <= 0}. */
    public Release get(String name, int version) {
        cfg.checkReachable();
        if (!validName(name)) {
            throw new StorageException("releaseContent: Release name is invalid: " + name);
        }
        return version <= 0 ? st().last(name) : st().get(name, version);
    }

    public List<Release> history(String name) {
        cfg.checkReachable();
        if (!validName(name)) throw new StorageException("release name is invalid: " + name);
        return st().history(name);
    }

    /** Helm's {@code CoalesceValues(chart, config)} for a stored chart (no subcharts are stored). */
    public static Map<String, Object> computedValues(Release r) {
        Map<String, Object> user = r.config == null ? new LinkedHashMap<>() : dev.charter.chart.values.Values.copyTable(r.config);
        Map<String, Object> chartValues = r.chartValues();
        if (chartValues == null) return user;
        return Coalesce.coalesceTables(user, dev.charter.chart.values.Values.copyTable(chartValues));
    }

    // ---------------------------------------------------------------- uninstall

    public static final class UninstallOptions {
        public boolean dryRun, disableHooks, ignoreNotFound, keepHistory, waitForDelete;
        public String cascade = "background";
        public long timeoutMillis = 300_000;
        public String description = "";
    }

    public record UninstallResult(Release release, String info) {
    }

    public UninstallResult uninstall(String name, UninstallOptions o) {
        cfg.checkReachable();
        if (o.dryRun) {
            try {
                return new UninstallResult(get(name, 0), "");
            } catch (ReleaseNotFoundException e) {
                if (o.ignoreNotFound) return null;
                throw e;
            }
        }
        if (!validName(name)) throw new StorageException("uninstall: Release name is invalid: " + name);
        List<Release> rels;
        try {
            rels = new ArrayList<>(st().history(name));
        } catch (StorageException e) {
            if (o.ignoreNotFound) return null;
            throw new StorageException("uninstall: Release not loaded: " + name + ": " + e.getMessage(), e);
        }
        rels.sort(Comparator.comparingInt(r -> r.version));
        Release rel = rels.get(rels.size() - 1);
        if (Status.UNINSTALLED.equals(rel.info.status)) {
            if (!o.keepHistory) {
                purge(rels);
                return new UninstallResult(rel, "");
            }
            throw new StorageException("the release named \"" + name + "\" is already deleted");
        }
        rel.info.status = Status.UNINSTALLING;
        rel.info.deleted = now();
        rel.info.description = "Deletion in progress (or silently failed)";
        if (!o.disableHooks) execHooks(rel, "pre-delete", o.timeoutMillis);
        try {
            st().update(rel);
        } catch (StorageException ignored) {
            // Helm only logs this
        }
        DeletionPropagation policy = switch (o.cascade) {
            case "orphan" -> DeletionPropagation.ORPHAN;
            case "foreground" -> DeletionPropagation.FOREGROUND;
            default -> DeletionPropagation.BACKGROUND;
        };
        ResourceClient rc = cfg.resources();
        List<ResourceClient.Info> infos = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        List<ManifestSorter.Manifest> ms = ManifestSorter.sort(Map.of("manifest", rel.manifest),
                ManifestSorter.UNINSTALL_ORDER).manifests();
        for (ManifestSorter.Manifest m : ms) {
            List<ResourceClient.Info> built;
            try {
                built = rc.build(m.content());
            } catch (RuntimeException e) {
                throw new KubeException("failed to delete release: " + name);
            }
            for (ResourceClient.Info i : built) {
                Map<String, String> anns = i.object().getMetadata().getAnnotations();
                if (anns != null && "keep".equals(anns.get(ResourceClient.RESOURCE_POLICY_ANNO))) {
                    kept.append("[").append(i.kind()).append("] ").append(i.name()).append('\n');
                    continue;
                }
                infos.add(i);
            }
        }
        List<String> errs = new ArrayList<>(rc.deleteAll(infos, policy));
        if (!errs.isEmpty()) throw new KubeException("failed to delete release: " + name);
        String info = kept.length() > 0 ? "These resources were kept due to the resource policy:\n" + kept : "";
        if (o.waitForDelete) {
            try {
                rc.waitForDelete(infos, o.timeoutMillis);
            } catch (KubeException e) {
                errs.add(e.getMessage());
            }
        }
        if (!o.disableHooks) {
            try {
                execHooks(rel, "post-delete", o.timeoutMillis);
            } catch (RuntimeException e) {
                errs.add(e.getMessage());
            }
        }
        rel.info.status = Status.UNINSTALLED;
        rel.info.description = o.description.isEmpty() ? "Uninstallation complete" : o.description;
        if (!o.keepHistory) {
            try {
                purge(rels);
            } catch (RuntimeException e) {
                errs.add("uninstall: Failed to purge the release: " + e.getMessage());
            }
        } else {
            try {
                st().update(rel);
            } catch (StorageException ignored) {
                // logged by Helm
            }
            try {
                for (Release d : st().deployedAll(name)) {
                    d.info.status = Status.SUPERSEDED;
                    st().update(d);
                }
            } catch (Storage.NoDeployedReleasesException ignored) {
                // none
            }
        }
        if (!errs.isEmpty()) {
            throw new KubeException("uninstallation completed with " + errs.size() + " error(s): " + String.join("; ", errs));
        }
        return new UninstallResult(rel, info);
    }

    private void purge(List<Release> rels) {
        for (Release r : rels) st().delete(r.name, r.version);
    }

    // ---------------------------------------------------------------- rollback

    public static final class RollbackOptions {
        public int version;
        public boolean dryRun, disableHooks, recreate, force, waitReady, waitForJobs, cleanupOnFail, forceConflicts;
        public boolean serverSideApply = true;
        public long timeoutMillis = 300_000;
        public int maxHistory;
    }

    public Release rollback(String name, RollbackOptions o) {
        cfg.checkReachable();
        st().setMaxHistory(o.maxHistory);
        if (!validName(name)) throw new StorageException("prepareRollback: Release name is invalid: " + name);
        if (o.version < 0) throw new StorageException("invalid release revision");
        Release current = st().last(name);
        int prev = o.version == 0 ? current.version - 1 : o.version;
        boolean exists = false;
        for (Release h : st().history(name)) if (h.version == prev) exists = true;
        if (!exists) throw new StorageException("release has no " + prev + " version");
        Release previous = st().get(name, prev);
        Release target = new Release();
        target.name = name;
        target.namespace = current.namespace;
        target.chart = previous.chart;
        target.config = previous.config;
        target.info.firstDeployed = current.info.firstDeployed;
        target.info.lastDeployed = now();
        target.info.status = Status.PENDING_ROLLBACK;
        target.info.notes = previous.info.notes;
        target.info.description = "Rollback to " + prev;
        target.version = current.version + 1;
        target.labels = new LinkedHashMap<>(previous.labels);
        target.manifest = previous.manifest;
        target.hooks = previous.hooks;
        target.applyMethod = o.serverSideApply ? "ssa" : "csa";
        if (o.dryRun) return target;
        st().create(target);
        ResourceClient rc = cfg.resources();
        List<ResourceClient.Info> currentRes = rc.build(current.manifest);
        List<ResourceClient.Info> targetRes = rc.build(target.manifest);
        if (!o.disableHooks) execHooks(target, "pre-rollback", o.timeoutMillis);
        markOwned(targetRes, target);
        try {
            rc.update(currentRes, targetRes, o.forceConflicts || o.force);
        } catch (RuntimeException e) {
            String msg = "Rollback \"" + name + "\" failed: " + e.getMessage();
            current.info.status = Status.SUPERSEDED;
            target.setStatus(Status.FAILED, msg);
            st().update(current);
            st().update(target);
            throw new KubeException(e.getMessage(), e);
        }
        if (o.waitReady) Waiter.waitReady(rc, targetRes, o.timeoutMillis, o.waitForJobs);
        if (!o.disableHooks) execHooks(target, "post-rollback", o.timeoutMillis);
        try {
            for (Release d : st().deployedAll(name)) {
                d.info.status = Status.SUPERSEDED;
                st().update(d);
            }
        } catch (Storage.NoDeployedReleasesException ignored) {
            // none
        }
        target.info.status = Status.DEPLOYED;
        st().update(target);
        return target;
    }

    // ---------------------------------------------------------------- install / upgrade

    public static final class InstallOptions {
        public String releaseName = "";
        public boolean createNamespace, dryRun, waitReady, waitForJobs, atomic, disableHooks, skipCrds, subNotes,
                includeCrds, isUpgrade, replace, forceConflicts;
        public boolean serverSideApply = true;
        public long timeoutMillis = 300_000;
        public String description = "";
        public Map<String, String> labels = new LinkedHashMap<>();
        public String kubeVersion = "";
    }

    private Renderer renderer() {
        if (cfg.renderer() == null) throw new KubeException("rendering is not available in this build");
        return cfg.renderer();
    }

    public Release install(Chart chart, Map<String, Object> values, InstallOptions o) {
        if (!o.dryRun) cfg.checkReachable();
        String name = o.releaseName;
        if (!validName(name)) {
            throw new KubeException("release name check failed: release name \"" + name + "\": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53");
        }
        if (!o.dryRun) availableName(name);
        ResourceClient rc = cfg.resources();
        if (!o.skipCrds && !o.dryRun && !chart.crds().isEmpty()) {
            for (var crd : chart.crds()) {
                List<ResourceClient.Info> infos = rc.build(crd.text());
                for (ResourceClient.Info i : infos) {
                    if (rc.get(i) == null) rc.apply(i, false, false);
                }
            }
        }
        Release rel = new Release();
        rel.name = name;
        rel.namespace = cfg.namespace();
        rel.chart = ReleaseCharts.toJsonModel(chart);
        rel.config = values;
        GoTime t = now();
        rel.info.firstDeployed = t;
        rel.info.lastDeployed = t;
        rel.info.status = Status.UNKNOWN;
        rel.version = 1;
        rel.labels = new LinkedHashMap<>(o.labels);
        rel.applyMethod = o.serverSideApply ? "ssa" : "csa";
        ReleaseRenderer.Rendered r;
        try {
            r = ReleaseRenderer.render(renderer(), chart, values, new Renderer.Options(name, rel.namespace, 1,
                    !(o.isUpgrade && o.dryRun), o.isUpgrade && o.dryRun, o.kubeVersion, List.of()), o.subNotes, o.includeCrds);
        } catch (RuntimeException e) {
            rel.setStatus(Status.FAILED, "failed to render resource: " + e.getMessage());
            throw e;
        }
        rel.hooks = r.hooks();
        rel.manifest = r.manifest();
        rel.info.notes = r.notes();
        rel.setStatus(Status.PENDING_INSTALL, "Initial install underway");
        if (o.dryRun) {
            rel.info.description = "Dry run complete";
            return rel;
        }
        List<ResourceClient.Info> resources;
        try {
            resources = rc.build(rel.manifest);
        } catch (RuntimeException e) {
            throw new KubeException("unable to build kubernetes objects from release manifest: " + e.getMessage(), e);
        }
        markOwned(resources, rel);
        existingResourceConflict(rc, resources, rel);
        if (o.createNamespace) {
            var ns = new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(rel.namespace)
                    .withLabels(Map.of("name", rel.namespace)).endMetadata().build();
            if (rc.client().namespaces().withName(rel.namespace).get() == null) {
                rc.client().namespaces().resource(ns).fieldManager(ResourceClient.FIELD_MANAGER).serverSideApply();
            }
        }
        st().create(rel);
        try {
            if (!o.disableHooks) {
                try {
                    execHooks(rel, "pre-install", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("failed pre-install: " + e.getMessage(), e);
                }
            }
            rc.create(resources, o.forceConflicts);
            if (o.waitReady || o.atomic) Waiter.waitReady(rc, resources, o.timeoutMillis, o.waitForJobs);
            if (!o.disableHooks) {
                try {
                    execHooks(rel, "post-install", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("failed post-install: " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            rel.setStatus(Status.FAILED, "Release \"" + name + "\" failed: " + e.getMessage());
            if (o.atomic) {
                UninstallOptions u = new UninstallOptions();
                u.disableHooks = o.disableHooks;
                u.timeoutMillis = o.timeoutMillis;
                try {
                    uninstall(name, u);
                } catch (RuntimeException ue) {
                    throw new KubeException("an error occurred while uninstalling the release. original install error: "
                            + e.getMessage() + ": " + ue.getMessage(), e);
                }
                throw new KubeException("release " + name + " failed, and has been uninstalled due to rollback-on-failure being set: " + e.getMessage(), e);
            }
            try {
                st().update(rel);
            } catch (RuntimeException ignored) {
                // Helm ignores this
            }
            throw e;
        }
        rel.setStatus(Status.DEPLOYED, o.description.isEmpty() ? "Install complete" : o.description);
        st().update(rel);
        return rel;
    }

    private void availableName(String name) {
        List<Release> h;
        try {
            h = st().history(name);
        } catch (ReleaseNotFoundException e) {
            return;
        }
        if (h.isEmpty()) return;
        Release last = h.stream().max(Comparator.comparingInt(r -> r.version)).orElseThrow();
        if (Status.UNINSTALLED.equals(last.info.status) || Status.FAILED.equals(last.info.status)) {
            // Helm: only with --replace; still an error otherwise
        }
        throw new KubeException("cannot reuse a name that is still in use");
    }

    public static final class UpgradeOptions {
        public boolean dryRun, waitReady, waitForJobs, atomic, disableHooks, subNotes, reuseValues, resetValues,
                resetThenReuseValues, force, cleanupOnFail, forceConflicts;
        public String serverSideApply = "auto";
        public long timeoutMillis = 300_000;
        public String description = "";
        public int maxHistory;
        public Map<String, String> labels = new LinkedHashMap<>();
        public String kubeVersion = "";
    }

    public Release upgrade(String name, Chart chart, Map<String, Object> values, UpgradeOptions o) {
        cfg.checkReachable();
        st().setMaxHistory(o.maxHistory);
        if (!validName(name)) throw new KubeException("release name is invalid: " + name);
        Release last = st().last(name);
        Release current;
        if (Status.UNINSTALLED.equals(last.info.status) || Status.FAILED.equals(last.info.status)) {
            current = last;
        } else {
            current = null;
        }
        if (Status.isPending(last.info.status)) {
            throw new KubeException("another operation (install/upgrade/rollback) is in progress");
        }
        if (current == null) {
            try {
                current = st().deployed(name);
            } catch (Storage.NoDeployedReleasesException e) {
                current = last;
            }
        }
        if (Status.UNINSTALLED.equals(last.info.status) && last.version == 1 && false) {
            throw new KubeException("\"" + name + "\" has no deployed releases");
        }
        Map<String, Object> vals = reuseValues(current, values, o);
        int revision = last.version + 1;
        Release up = new Release();
        up.name = name;
        up.namespace = current.namespace;
        up.chart = ReleaseCharts.toJsonModel(chart);
        up.config = vals;
        up.info.firstDeployed = current.info.firstDeployed;
        up.info.lastDeployed = now();
        up.info.status = Status.PENDING_UPGRADE;
        up.info.description = "Preparing upgrade";
        up.version = revision;
        up.labels = mergeLabels(current.labels, o.labels);
        boolean ssa = switch (o.serverSideApply) {
            case "true" -> true;
            case "false" -> false;
            default -> "ssa".equals(current.applyMethod);
        };
        up.applyMethod = ssa ? "ssa" : "csa";
        ReleaseRenderer.Rendered r = ReleaseRenderer.render(renderer(), chart, vals,
                new Renderer.Options(name, up.namespace, revision, false, true, o.kubeVersion, List.of()), o.subNotes, false);
        up.hooks = r.hooks();
        up.manifest = r.manifest();
        up.info.notes = r.notes();
        if (o.dryRun) {
            up.info.description = "Dry run complete";
            return up;
        }
        ResourceClient rc = cfg.resources();
        List<ResourceClient.Info> currentRes = rc.build(current.manifest);
        List<ResourceClient.Info> targetRes;
        try {
            targetRes = rc.build(up.manifest);
        } catch (RuntimeException e) {
            throw new KubeException("unable to build kubernetes objects from new release manifest: " + e.getMessage(), e);
        }
        markOwned(targetRes, up);
        st().create(up);
        try {
            if (!o.disableHooks) {
                try {
                    execHooks(up, "pre-upgrade", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("pre-upgrade hooks failed: " + e.getMessage(), e);
                }
            }
            rc.update(currentRes, targetRes, o.forceConflicts || o.force);
            if (o.waitReady || o.atomic) Waiter.waitReady(rc, targetRes, o.timeoutMillis, o.waitForJobs);
            if (!o.disableHooks) {
                try {
                    execHooks(up, "post-upgrade", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("post-upgrade hooks failed: " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            String msg = "Upgrade \"" + name + "\" failed: " + e.getMessage();
            up.setStatus(Status.FAILED, msg);
            current.info.status = current.info.status; // unchanged, as Helm
            st().update(up);
            if (o.atomic) {
                RollbackOptions ro = new RollbackOptions();
                ro.disableHooks = o.disableHooks;
                ro.timeoutMillis = o.timeoutMillis;
                ro.maxHistory = o.maxHistory;
                try {
                    rollback(name, ro);
                } catch (RuntimeException re) {
                    throw new KubeException("an error occurred while rolling back the release. original upgrade error: "
                            + e.getMessage() + ": " + re.getMessage(), e);
                }
                throw new KubeException("release " + name + " failed, and has been rolled back due to rollback-on-failure being set: " + e.getMessage(), e);
            }
            throw new KubeException(msg, e);
        }
        current.info.status = Status.SUPERSEDED;
        current.info.description = "superseded by new release";
        st().update(current);
        up.setStatus(Status.DEPLOYED, o.description.isEmpty() ? "Upgrade complete" : o.description);
        st().update(up);
        return up;
    }

    private static Map<String, String> mergeLabels(Map<String, String> current, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(current == null ? Map.of() : current);
        if (extra != null) extra.forEach((k, v) -> {
            if (v == null || v.isEmpty()) m.remove(k); else m.put(k, v);
        });
        return m;
    }

    /** Helm's {@code reuseValues}. */
    private static Map<String, Object> reuseValues(Release current, Map<String, Object> vals, UpgradeOptions o) {
        if (o.resetValues) return vals;
        if (o.reuseValues) {
            Map<String, Object> base = current.config == null ? new LinkedHashMap<>()
                    : dev.charter.chart.values.Values.copyTable(current.config);
            return Coalesce.mergeTables(vals, base);
        }
        if (o.resetThenReuseValues) {
            Map<String, Object> base = current.config == null ? new LinkedHashMap<>()
                    : dev.charter.chart.values.Values.copyTable(current.config);
            return Coalesce.mergeTables(vals, base);
        }
        if (vals.isEmpty() && current.config != null && !current.config.isEmpty()) {
            return dev.charter.chart.values.Values.copyTable(current.config);
        }
        return vals;
    }

    // ---------------------------------------------------------------- ownership

    /** Helm's {@code setMetadataVisitor}: managed-by label and release annotations. */
    static void markOwned(List<ResourceClient.Info> infos, Release rel) {
        for (ResourceClient.Info i : infos) {
            var md = i.object().getMetadata();
            Map<String, String> labels = md.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(md.getLabels());
            labels.put("app.kubernetes.io/managed-by", "Helm");
            md.setLabels(labels);
            Map<String, String> anns = md.getAnnotations() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(md.getAnnotations());
            anns.put("meta.helm.sh/release-name", rel.name);
            anns.put("meta.helm.sh/release-namespace", rel.namespace);
            md.setAnnotations(anns);
        }
    }

    private static void existingResourceConflict(ResourceClient rc, List<ResourceClient.Info> infos, Release rel) {
        for (ResourceClient.Info i : infos) {
            GenericKubernetesResource live = rc.get(i);
            if (live == null) continue;
            Map<String, String> labels = live.getMetadata().getLabels() == null ? Map.of() : live.getMetadata().getLabels();
            Map<String, String> anns = live.getMetadata().getAnnotations() == null ? Map.of() : live.getMetadata().getAnnotations();
            String what = i.kind() + " \"" + i.name() + "\" in namespace \"" + (i.namespace() == null ? "" : i.namespace()) + "\"";
            if (!"Helm".equals(labels.get("app.kubernetes.io/managed-by"))) {
                throw new KubeException("unable to continue with install: " + what
                        + " exists and cannot be imported into the current release: invalid ownership metadata; label validation error: missing key \"app.kubernetes.io/managed-by\": must be set to \"Helm\"; annotation validation error: missing key \"meta.helm.sh/release-name\": must be set to \""
                        + rel.name + "\"; annotation validation error: missing key \"meta.helm.sh/release-namespace\": must be set to \"" + rel.namespace + "\"");
            }
            if (!rel.name.equals(anns.get("meta.helm.sh/release-name")) || !rel.namespace.equals(anns.get("meta.helm.sh/release-namespace"))) {
                throw new KubeException("unable to continue with install: " + what
                        + " exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: key \"meta.helm.sh/release-name\" must equal \""
                        + rel.name + "\": current value is \"" + anns.getOrDefault("meta.helm.sh/release-name", "") + "\"");
            }
        }
    }

    // ---------------------------------------------------------------- hooks

    /** Helm's {@code execHook}: hooks of the event by weight, then kind, then name; delete policies applied. */
    public void execHooks(Release rel, String event, long timeoutMillis) {
        List<Hook> hooks = new ArrayList<>();
        for (Hook h : rel.hooks) if (h.events.contains(event)) hooks.add(h);
        if (hooks.isEmpty()) return;
        hooks.sort(Comparator.comparing((Hook h) -> h.name));
        hooks.sort(ManifestSorter.byKind(h -> h.kind, ManifestSorter.INSTALL_ORDER));
        hooks.sort(Comparator.comparingInt(h -> h.weight));
        ResourceClient rc = cfg.resources();
        for (Hook h : hooks) {
            if (h.deletePolicies.isEmpty()) h.deletePolicies.add("before-hook-creation");
            List<ResourceClient.Info> infos = rc.build(h.manifest);
            if (h.hasDeletePolicy("before-hook-creation")) {
                rc.deleteAll(infos, DeletionPropagation.BACKGROUND);
                rc.waitForDelete(infos, timeoutMillis);
            }
            h.startedAt = now();
            h.phase = "Running";
            for (ResourceClient.Info i : infos) rc.apply(i, false, false);
            try {
                for (ResourceClient.Info i : infos) Waiter.waitHookDone(rc, i, timeoutMillis);
            } catch (RuntimeException e) {
                h.completedAt = now();
                h.phase = "Failed";
                if (h.hasDeletePolicy("hook-failed")) rc.deleteAll(infos, DeletionPropagation.BACKGROUND);
                throw e;
            }
            h.completedAt = now();
            h.phase = "Succeeded";
        }
        for (Hook h : hooks) {
            if (h.hasDeletePolicy("hook-succeeded")) {
                rc.deleteAll(rc.build(h.manifest), DeletionPropagation.BACKGROUND);
            }
        }
    }
}

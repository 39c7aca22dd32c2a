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
import dev.charter.chart.render.Manifest;
import dev.charter.chart.render.ManifestSorter;
import dev.charter.chart.render.RenderException;
import dev.charter.chart.render.RenderResult;
import dev.charter.chart.render.Renderer;
import dev.charter.chart.values.ChartNode;
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

    /** Helm's {@code Status.Run}: the release with its live resources (server-side Tables when {@code table}). */
    public Release status(String name, int version, boolean table) {
        Release rel = get(name, version);
        if (cfg.offline()) return rel;
        ResourceClient rc = cfg.resources();
        List<ResourceClient.Info> infos;
        try {
            infos = rc.build(rel.manifest);
        } catch (RuntimeException e) {
            throw new KubeException(e.getMessage(), e);
        }
        rel.info.resources = rc.getWithRelated(infos, table);
        return rel;
    }

    /** Thrown by {@link #test} with the release, which {@code helm test} prints before the error. */
    public static final class TestFailure extends KubeException {
        private final transient Release release;

        TestFailure(String msg, Release release, Throwable cause) {
            super(msg, cause);
            this.release = release;
        }

        public Release release() {
            return release;
        }
    }

    /**
     * Helm's {@code ReleaseTesting.Run}: the release's test hooks (name filters), stored with their last run.
     * Deletions by hook policy wait for {@link #testCleanup}, which the caller runs after reading logs.
     */
    public Release test(String name, long timeoutMillis, List<String> include, List<String> exclude) {
        cfg.checkReachable();
        if (!validName(name)) throw new KubeException("releaseTest: Release name is invalid: " + name);
        Release rel = st().last(name);
        List<Hook> skipped = new ArrayList<>();
        List<Hook> executing = new ArrayList<>();
        for (Hook h : rel.hooks) {
            boolean skip = (!exclude.isEmpty() && exclude.contains(h.name))
                    || (!include.isEmpty() && !include.contains(h.name));
            if (skip) skipped.add(h); else executing.add(h);
        }
        List<Hook> all = rel.hooks;
        rel.hooks = executing;
        try {
            execHooks(rel, "test", timeoutMillis, true);
        } catch (RuntimeException e) {
            List<Hook> merged = new ArrayList<>(skipped);
            merged.addAll(rel.hooks);
            rel.hooks = merged;
            recordQuietly(rel);
            throw new TestFailure(e.getMessage(), rel, e);
        }
        List<Hook> merged = new ArrayList<>(skipped);
        merged.addAll(rel.hooks);
        rel.hooks = merged;
        st().update(rel);
        return rel;
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
        Map<String, String> split = new LinkedHashMap<>();
        List<String> docs = ManifestSorter.splitManifests(rel.manifest);
        for (int k = 0; k < docs.size(); k++) split.put("manifest-" + k, docs.get(k));
        List<Manifest> ms = ManifestSorter.sort(split, ManifestSorter.UNINSTALL_ORDER).manifests();
        for (Manifest m : ms) {
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
        /** "true", "false" or "auto" (the method of the revision rolled back to). */
        public String serverSide = "auto";
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
        boolean ssa = switch (o.serverSide) {
            case "auto" -> "ssa".equals(previous.applyMethod);
            case "true" -> true;
            case "false" -> false;
            default -> throw new KubeException("invalid/unknown release server-side apply method: " + o.serverSide);
        };
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
        target.applyMethod = ssa ? "ssa" : "csa";
        if (o.dryRun) return target;
        st().create(target);
        ResourceClient rc = cfg.resources();
        List<ResourceClient.Info> currentRes = rc.build(current.manifest);
        List<ResourceClient.Info> targetRes = rc.build(target.manifest);
        if (!o.disableHooks) execHooks(target, "pre-rollback", o.timeoutMillis);
        markOwned(targetRes, target);
        try {
            rc.update(currentRes, targetRes, o.forceConflicts || o.force, ssa, true);
        } catch (RuntimeException e) {
            String msg = "Rollback \"" + name + "\" failed: " + e.getMessage();
            cfg.log().accept("level=WARN msg=" + slogValue(msg));
            current.info.status = Status.SUPERSEDED;
            target.setStatus(Status.FAILED, msg);
            recordQuietly(current);
            recordQuietly(target);
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

    /** Helm's {@code DryRunStrategy}. */
    public enum DryRun {
        NONE, CLIENT, SERVER;

        boolean isDryRun() {
            return this != NONE;
        }

        boolean interactWithServer() {
            return this != CLIENT;
        }
    }

    public static final class InstallOptions {
        public String releaseName = "";
        public DryRun dryRun = DryRun.NONE;
        public boolean createNamespace, waitForJobs, rollbackOnFailure, disableHooks, skipCrds, subNotes, replace,
                forceReplace, forceConflicts, takeOwnership, skipSchemaValidation, enableDns, hideSecret, isUpgrade;
        /** Helm's wait strategy: hookOnly (default), watcher or legacy. */
        public String waitStrategy = "hookOnly";
        public boolean serverSideApply = true;
        public long timeoutMillis = 300_000;
        public String description = "";
        public Map<String, String> labels = new LinkedHashMap<>();
        /** Client-only capabilities ({@code helm template}-like dry runs). */
        public dev.charter.chart.render.KubeVersion kubeVersion;
        public List<String> apiVersions = new ArrayList<>();
        /** Helm's {@code --post-renderer}: applied to the rendered files before sorting (null: none). */
        public dev.charter.chart.render.PostRenderer postRenderer;
    }

    /** A failure that still carries the release Helm returns with it (e.g. a render failure). */
    public static final class ActionException extends KubeException {
        private final transient Release release;
        private final String logged;

        public ActionException(String message, Release release, String logged, Throwable cause) {
            super(message, cause);
            this.release = release;
            this.logged = logged;
        }

        public Release release() {
            return release;
        }

        /** The {@code msg} Helm's logger printed at ERROR level before returning, or null. */
        public String logged() {
            return logged;
        }
    }

    private static final List<String> SYSTEM_LABELS = List.of("name", "owner", "status", "version", "createdAt", "modifiedAt");

    private static void checkLabels(Map<String, String> labels) {
        for (String k : labels.keySet()) {
            if (SYSTEM_LABELS.contains(k)) {
                throw new KubeException("user supplied labels contains system reserved label name. System labels: "
                        + "[" + String.join(" ", SYSTEM_LABELS) + "]");
            }
        }
    }

    /** Helm's {@code renderResources}: templates see the cluster through lookup unless this is a client-only run. */
    private RenderResult render(Chart chart, Map<String, Object> vals, Renderer.Options opts, boolean interactWithServer,
                                dev.charter.chart.render.PostRenderer postRenderer) {
        return Renderer.render(chart, vals, opts,
                interactWithServer && !cfg.offline() ? new ClusterLookup(cfg.connection().client(), cfg.log()) : null,
                postRenderer);
    }

    /** Helm's {@code renderResources} manifest text. */
    static String manifestText(RenderResult r, boolean hideSecret) {
        StringBuilder b = new StringBuilder();
        for (Manifest m : r.manifests()) {
            if (hideSecret && "Secret".equals(m.kind()) && "v1".equals(m.apiVersion())) {
                b.append("---\n# Source: ").append(m.name()).append("\n# HIDDEN: The Secret output has been suppressed\n");
            } else {
                b.append("---\n# Source: ").append(m.name()).append('\n').append(m.content()).append('\n');
            }
        }
        return b.toString();
    }

    static List<Hook> hooks(RenderResult r) {
        List<Hook> out = new ArrayList<>();
        for (dev.charter.chart.render.Hook h : r.hooks()) {
            Hook k = new Hook();
            k.name = h.name();
            k.kind = h.kind();
            k.path = h.path();
            k.manifest = h.manifest();
            k.events = new ArrayList<>(h.events());
            k.weight = h.weight();
            k.deletePolicies = new ArrayList<>(h.deletePolicies());
            k.outputLogPolicies = new ArrayList<>(h.outputLogPolicies());
            out.add(k);
        }
        return out;
    }

    private Renderer.Options serverCapabilities(Renderer.Options o) {
        ServerCapabilities caps = ServerCapabilities.get(cfg.connection().client());
        return o.withServerCapabilities(caps.kubeVersion(), caps.apiVersions());
    }

    public Release install(Chart chart, Map<String, Object> userValues, InstallOptions o) {
        DryRun dr = o.dryRun;
        if (dr.interactWithServer()) {
            try {
                cfg.checkReachable();
            } catch (RuntimeException e) {
                throw new ActionException("cluster reachability check failed: " + e.getMessage(), null,
                        "cluster reachability check failed: " + e.getMessage(), e);
            }
        }
        if (!dr.isDryRun() && o.hideSecret) {
            throw new ActionException("hiding Kubernetes secrets requires a dry-run mode", null,
                    "hiding Kubernetes secrets requires a dry-run mode", null);
        }
        String name = o.releaseName;
        String ns = cfg.namespace();
        try {
            availableName(name, o);
        } catch (KubeException e) {
            throw new ActionException("release name check failed: " + e.getMessage(), null, "release name check failed",
                    e);
        }
        Map<String, Object> vals = userValues == null ? new LinkedHashMap<>() : userValues;
        Map<String, Object> renderVals = dev.charter.chart.values.Values.copyTable(vals);
        ResourceClient rc = dr.interactWithServer() ? cfg.resources() : null;
        List<ChartNode.Crd> crds = ChartNode.of(chart).crdObjects();
        if (dr.interactWithServer() && !o.skipCrds && !crds.isEmpty()) {
            if (dr.isDryRun()) {
                cfg.warn().accept("This chart or one of its subcharts contains CRDs. Rendering may fail or contain inaccuracies.");
            } else {
                installCrds(rc, crds, o);
            }
        }
        boolean isUpgrade = o.isUpgrade && dr.isDryRun();
        Renderer.Options ro = Renderer.Options.defaults(name, ns).withUpgrade(isUpgrade)
                .withSwitches(o.skipSchemaValidation, o.subNotes, o.enableDns);
        ro = dr.interactWithServer() ? serverCapabilities(ro) : ro.withCapabilities(o.kubeVersion, o.apiVersions);
        Release rel = new Release();
        rel.name = name;
        rel.namespace = ns;
        rel.chart = ReleaseCharts.toJsonModel(chart);
        rel.config = vals;
        GoTime t = now();
        rel.info.firstDeployed = t;
        rel.info.lastDeployed = t;
        rel.info.status = Status.UNKNOWN;
        rel.version = 1;
        rel.labels = new LinkedHashMap<>(o.labels);
        rel.applyMethod = o.serverSideApply ? "ssa" : "csa";
        RenderResult r;
        try {
            r = render(chart, renderVals, ro, dr.interactWithServer(), o.postRenderer);
        } catch (RenderException e) {
            if (e.partial() == null) throw e;
            checkLabels(o.labels);
            rel.setStatus(Status.FAILED, "failed to render resource: " + e.getMessage());
            throw new ActionException(e.getMessage(), rel, null, e);
        }
        checkLabels(o.labels);
        rel.chart = ReleaseCharts.toJsonModel(chart, r.chart());
        rel.hooks = hooks(r);
        rel.manifest = manifestText(r, o.hideSecret);
        rel.info.notes = r.notes();
        rel.setStatus(Status.PENDING_INSTALL, "Initial install underway");
        List<ResourceClient.Info> resources = List.of();
        List<ResourceClient.Info> toBeAdopted = List.of();
        if (dr.interactWithServer()) {
            try {
                resources = rc.build(rel.manifest);
            } catch (RuntimeException e) {
                throw new KubeException("unable to build kubernetes objects from release manifest: " + e.getMessage(), e);
            }
            markOwned(resources, rel);
            if (!isUpgrade && !resources.isEmpty()) {
                try {
                    toBeAdopted = o.takeOwnership ? Ownership.requireAdoption(rc, resources)
                            : Ownership.existingResourceConflict(rc, resources, rel.name, rel.namespace);
                } catch (KubeException e) {
                    throw new KubeException("unable to continue with install: " + e.getMessage(), e);
                }
            }
        }
        if (dr.isDryRun()) {
            rel.info.description = "Dry run complete";
            return rel;
        }
        if (o.createNamespace) {
            var nsObj = new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns)
                    .withLabels(Map.of("name", ns)).endMetadata().build();
            if (rc.client().namespaces().withName(ns).get() == null) {
                try {
                    rc.client().namespaces().resource(nsObj).fieldManager(ResourceClient.FIELD_MANAGER).serverSideApply();
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                    if (e.getCode() != 409) throw new KubeException(dev.charter.kube.storage.KubeErrors.message(e), e);
                }
            }
        }
        if (o.replace) replaceRelease(rel);
        st().create(rel);
        String wait = o.waitStrategy;
        if (o.rollbackOnFailure && "hookOnly".equals(wait)) wait = "watcher";
        try {
            if (!o.disableHooks) {
                try {
                    execHooks(rel, "pre-install", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("failed pre-install: " + e.getMessage(), e);
                }
            }
            if (toBeAdopted.isEmpty()) {
                if (!resources.isEmpty()) rc.create(resources, false, o.serverSideApply);
            } else {
                rc.update(toBeAdopted, resources, o.forceConflicts, o.serverSideApply, true);
            }
            if (!"hookOnly".equals(wait)) Waiter.waitReady(rc, resources, o.timeoutMillis, o.waitForJobs);
            if (!o.disableHooks) {
                try {
                    execHooks(rel, "post-install", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("failed post-install: " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            rel.setStatus(Status.FAILED, "Release \"" + name + "\" failed: " + e.getMessage());
            if (o.rollbackOnFailure) {
                UninstallOptions u = new UninstallOptions();
                u.disableHooks = o.disableHooks;
                u.timeoutMillis = o.timeoutMillis;
                try {
                    uninstall(name, u);
                } catch (RuntimeException ue) {
                    throw new ActionException("an error occurred while uninstalling the release. original install error: "
                            + e.getMessage() + ": " + ue.getMessage(), rel, null, e);
                }
                throw new ActionException("release " + name
                        + " failed, and has been uninstalled due to rollback-on-failure being set: " + e.getMessage(), rel,
                        null, e);
            }
            try {
                st().update(rel);
            } catch (RuntimeException ignored) {
                // Helm ignores this
            }
            throw new ActionException(e.getMessage(), rel, null, e);
        }
        rel.setStatus(Status.DEPLOYED, o.description.isEmpty() ? "Install complete" : o.description);
        try {
            st().update(rel);
        } catch (RuntimeException e) {
            cfg.warn().accept("failed to record the release: " + e.getMessage());
        }
        return rel;
    }

    /** Helm's {@code installCRDs}: each CRD file created unless it exists, then a wait until established. */
    private void installCrds(ResourceClient rc, List<ChartNode.Crd> crds, InstallOptions o) {
        List<ResourceClient.Info> total = new ArrayList<>();
        for (ChartNode.Crd crd : crds) {
            List<ResourceClient.Info> res;
            try {
                res = rc.build(new String(crd.file().data(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new KubeException("failed to install CRD " + crd.name() + ": " + e.getMessage(), e);
            }
            if (res.isEmpty()) throw new KubeException("failed to install CRD " + crd.name() + ": resources are empty");
            boolean exists = false;
            for (ResourceClient.Info i : res) if (rc.get(i) != null) exists = true;
            if (exists) continue;
            try {
                rc.create(res, o.forceConflicts);
            } catch (RuntimeException e) {
                throw new KubeException("failed to install CRD " + crd.name() + ": " + e.getMessage(), e);
            }
            total.addAll(res);
        }
        if (!total.isEmpty()) {
            long deadline = System.currentTimeMillis() + 60_000;
            for (ResourceClient.Info i : total) {
                if (!"CustomResourceDefinition".equals(i.kind())) continue;
                while (true) {
                    GenericKubernetesResource live = rc.get(i);
                    Map<String, Object> status = live == null ? Map.of() : Waiter.map(live.getAdditionalProperties().get("status"));
                    if (Waiter.condition(status, "Established")) break;
                    if (System.currentTimeMillis() > deadline) throw new KubeException("context deadline exceeded");
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new KubeException("interrupted");
                    }
                }
            }
            rc.resetMappings();
        }
    }

    /** Helm's {@code replaceRelease}: the new release takes the next revision; the last one is superseded. */
    private void replaceRelease(Release rel) {
        List<Release> hist;
        try {
            hist = st().history(rel.name);
        } catch (RuntimeException e) {
            return;
        }
        if (hist.isEmpty()) return;
        Release last = hist.stream().max(Comparator.comparingInt(x -> x.version)).orElseThrow();
        rel.version = last.version + 1;
        if (Status.FAILED.equals(last.info.status)) return;
        last.setStatus(Status.SUPERSEDED, "superseded by new release");
        st().update(last);
    }

    /** Helm's {@code availableName}. */
    private void availableName(String name, InstallOptions o) {
        String err = Renderer.releaseNameError(name);
        if (err != null) throw new KubeException("release name \"" + name + "\": " + err);
        if (o.dryRun.isDryRun()) return;
        List<Release> h;
        try {
            h = st().history(name);
        } catch (RuntimeException e) {
            return;
        }
        if (h.isEmpty()) return;
        Release last = h.stream().max(Comparator.comparingInt(r -> r.version)).orElseThrow();
        String s = last.info.status;
        if (o.replace && (Status.UNINSTALLED.equals(s) || Status.FAILED.equals(s))) return;
        throw new KubeException("cannot reuse a name that is still in use");
    }

    public static final class UpgradeOptions {
        public DryRun dryRun = DryRun.NONE;
        public boolean waitForJobs, rollbackOnFailure, disableHooks, subNotes, reuseValues, resetValues,
                resetThenReuseValues, forceReplace, cleanupOnFail, forceConflicts, takeOwnership, skipSchemaValidation,
                enableDns, hideSecret;
        public String waitStrategy = "hookOnly";
        public String serverSideApply = "auto";
        public long timeoutMillis = 300_000;
        public String description = "";
        public int maxHistory;
        public Map<String, String> labels = new LinkedHashMap<>();
        /** Helm's {@code --post-renderer}: applied to the rendered files before sorting (null: none). */
        public dev.charter.chart.render.PostRenderer postRenderer;
    }

    public Release upgrade(String name, Chart chart, Map<String, Object> userValues, UpgradeOptions o) {
        cfg.checkReachable();
        String wait = o.waitStrategy;
        if (o.rollbackOnFailure && "hookOnly".equals(wait)) wait = "watcher";
        if (Renderer.releaseNameError(name) != null) throw new KubeException("release name is invalid: " + name);
        if (!o.dryRun.isDryRun() && o.hideSecret) throw new KubeException("hiding Kubernetes secrets requires a dry-run mode");
        Release last;
        try {
            last = st().last(name);
        } catch (ReleaseNotFoundException e) {
            throw new KubeException("\"" + name + "\" has no deployed releases", e);
        }
        if (Status.isPending(last.info.status)) {
            throw new KubeException("another operation (install/upgrade/rollback) is in progress");
        }
        Release current;
        if (Status.DEPLOYED.equals(last.info.status)) {
            current = last;
        } else {
            try {
                current = st().deployed(name);
            } catch (Storage.NoDeployedReleasesException e) {
                if (Status.FAILED.equals(last.info.status) || Status.SUPERSEDED.equals(last.info.status)) {
                    current = last;
                } else {
                    throw e;
                }
            }
        }
        Map<String, Object> vals = userValues == null ? new LinkedHashMap<>() : userValues;
        Map<String, Object> chartValuesOverride = null;
        if (o.resetValues) {
            // the chart's own values
        } else if (o.reuseValues) {
            chartValuesOverride = computedValues(current);
            vals = Coalesce.coalesceTables(vals, current.config == null ? new LinkedHashMap<>()
                    : dev.charter.chart.values.Values.copyTable(current.config));
        } else if (o.resetThenReuseValues) {
            vals = Coalesce.coalesceTables(vals, current.config == null ? new LinkedHashMap<>()
                    : dev.charter.chart.values.Values.copyTable(current.config));
        } else if (vals.isEmpty() && current.config != null && !current.config.isEmpty()) {
            vals = current.config;
        }
        Chart effective = chartValuesOverride == null ? chart : new Chart(chart.metadata(), chart.lock(),
                chart.raw(), chart.templates(), chart.files(), chartValuesOverride, chart.schema(), chart.schemaModTime(),
                chart.modTime(), chart.dependencies());
        int revision = last.version + 1;
        Renderer.Options ro = serverCapabilities(Renderer.Options.defaults(name, current.namespace).withUpgrade(true)
                .withRevision(revision).withSwitches(o.skipSchemaValidation, o.subNotes, o.enableDns));
        RenderResult r = render(effective, dev.charter.chart.values.Values.copyTable(vals), ro, o.dryRun.interactWithServer(),
                o.postRenderer);
        checkLabels(o.labels);
        boolean ssa = switch (o.serverSideApply) {
            case "auto" -> "ssa".equals(last.applyMethod);
            case "true" -> true;
            case "false" -> false;
            default -> throw new KubeException("invalid/unknown release server-side apply method: " + o.serverSideApply);
        };
        Release up = new Release();
        up.name = name;
        up.namespace = current.namespace;
        up.chart = ReleaseCharts.toJsonModel(effective, r.chart());
        up.config = vals;
        up.info.firstDeployed = current.info.firstDeployed;
        up.info.lastDeployed = now();
        up.info.status = Status.PENDING_UPGRADE;
        up.info.description = "Preparing upgrade";
        up.version = revision;
        up.manifest = manifestText(r, o.hideSecret);
        up.hooks = hooks(r);
        up.labels = mergeLabels(last.labels, o.labels);
        up.applyMethod = ssa ? "ssa" : "csa";
        up.info.notes = r.notes();
        ResourceClient rc = cfg.resources();
        List<ResourceClient.Info> targetRes;
        try {
            targetRes = rc.build(up.manifest);
        } catch (RuntimeException e) {
            throw new KubeException(e.getMessage(), e);
        }
        st().setMaxHistory(o.maxHistory);
        List<ResourceClient.Info> currentRes;
        try {
            currentRes = new ArrayList<>(rc.build(current.manifest));
        } catch (RuntimeException e) {
            throw new KubeException("unable to build kubernetes objects from current release manifest: " + e.getMessage(), e);
        }
        markOwned(targetRes, up);
        java.util.Set<String> existingKeys = new java.util.HashSet<>();
        for (ResourceClient.Info i : currentRes) existingKeys.add(i.key());
        List<ResourceClient.Info> toBeCreated = new ArrayList<>();
        for (ResourceClient.Info i : targetRes) if (!existingKeys.contains(i.key())) toBeCreated.add(i);
        try {
            currentRes.addAll(o.takeOwnership ? Ownership.requireAdoption(rc, toBeCreated)
                    : Ownership.existingResourceConflict(rc, toBeCreated, up.name, up.namespace));
        } catch (KubeException e) {
            throw new KubeException("unable to continue with update: " + e.getMessage(), e);
        }
        if (o.dryRun.isDryRun()) {
            up.info.description = o.description.isEmpty() ? "Dry run complete" : o.description;
            return up;
        }
        st().create(up);
        List<ResourceClient.Info> created = List.of();
        try {
            if (!o.disableHooks) {
                try {
                    execHooks(up, "pre-upgrade", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("pre-upgrade hooks failed: " + e.getMessage(), e);
                }
            }
            ResourceClient.Result res;
            try {
                // moving from client-side to server-side apply: the client-side "helm" manager is converted first
                res = rc.update(currentRes, targetRes, o.forceConflicts, ssa, ssa && !"ssa".equals(current.applyMethod));
            } catch (RuntimeException e) {
                recordQuietly(current);
                throw e;
            }
            created = res.created();
            if (!"hookOnly".equals(wait)) {
                try {
                    Waiter.waitReady(rc, targetRes, o.timeoutMillis, o.waitForJobs);
                } catch (RuntimeException e) {
                    recordQuietly(current);
                    throw e;
                }
            }
            if (!o.disableHooks) {
                try {
                    execHooks(up, "post-upgrade", o.timeoutMillis);
                } catch (RuntimeException e) {
                    throw new KubeException("post-upgrade hooks failed: " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            throw failUpgrade(up, created, e, o);
        }
        current.info.status = Status.SUPERSEDED;
        recordQuietly(current);
        up.setStatus(Status.DEPLOYED, o.description.isEmpty() ? "Upgrade complete" : o.description);
        st().update(up);
        return up;
    }

    /** Helm's {@code recordRelease}: a failed update of the record is only logged. */
    private void recordQuietly(Release r) {
        try {
            st().update(r);
        } catch (RuntimeException e) {
            cfg.log().accept("level=WARN msg=\"failed to update release\" name=" + slogValue(r.name) + " revision=" + r.version
                    + " error=" + slogValue(String.valueOf(e.getMessage())));
        }
    }

    /** Go slog's TextHandler value: quoted only when needed. */
    static String slogValue(String v) {
        boolean quote = v.isEmpty();
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == '=' || c == '"' || c == 0x7f || Character.isISOControl(c)) quote = true;
        }
        return quote ? dev.charter.template.text.Strconv.quote(v) : v;
    }

    private RuntimeException failUpgrade(Release rel, List<ResourceClient.Info> created, RuntimeException err,
                                         UpgradeOptions o) {
        cfg.log().accept("level=WARN msg=\"upgrade failed\" name=" + slogValue(rel.name) + " error="
                + slogValue(String.valueOf(err.getMessage())));
        rel.setStatus(Status.FAILED, "Upgrade \"" + rel.name + "\" failed: " + err.getMessage());
        recordQuietly(rel);
        if (o.cleanupOnFail && !created.isEmpty()) {
            List<String> errs = cfg.resources().deleteAll(created, DeletionPropagation.BACKGROUND);
            if (!errs.isEmpty()) {
                return new ActionException("an error occurred while cleaning up resources. original upgrade error: "
                        + err.getMessage() + ": unable to cleanup resources: " + String.join(", ", errs), rel, null, err);
            }
        }
        if (o.rollbackOnFailure) {
            List<Release> hist = new ArrayList<>();
            for (Release h : st().history(rel.name)) {
                if (Status.SUPERSEDED.equals(h.info.status) || Status.DEPLOYED.equals(h.info.status)) hist.add(h);
            }
            if (hist.isEmpty()) {
                return new ActionException("unable to find a previously successful release when attempting to rollback. original upgrade error: "
                        + err.getMessage(), rel, null, err);
            }
            hist.sort(Comparator.comparingInt((Release x) -> x.version).reversed());
            RollbackOptions ro = new RollbackOptions();
            ro.version = hist.get(0).version;
            ro.disableHooks = o.disableHooks;
            ro.timeoutMillis = o.timeoutMillis;
            ro.waitForJobs = o.waitForJobs;
            ro.forceConflicts = o.forceConflicts;
            ro.maxHistory = o.maxHistory;
            try {
                rollback(rel.name, ro);
            } catch (RuntimeException re) {
                return new ActionException("an error occurred while rolling back the release. original upgrade error: "
                        + err.getMessage() + ": " + re.getMessage(), rel, null, err);
            }
            return new ActionException("release " + rel.name
                    + " failed, and has been rolled back due to rollback-on-failure being set: " + err.getMessage(), rel,
                    null, err);
        }
        return new ActionException(err.getMessage(), rel, null, err);
    }

    /** Helm's {@code mergeCustomLabels}: desired over current, "null" removes. */
    private static Map<String, String> mergeLabels(Map<String, String> current, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(current == null ? Map.of() : current);
        if (extra != null) m.putAll(extra);
        m.values().removeIf("null"::equals);
        return m;
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

    // ---------------------------------------------------------------- hooks

    /** Helm's {@code execHook}: hooks of the event by weight, then kind, then name; delete policies applied. */
    public void execHooks(Release rel, String event, long timeoutMillis) {
        execHooks(rel, event, timeoutMillis, false);
    }

    /**
     * {@code deferDeletes}: Helm's {@code execHookWithDelayedShutdown} (helm test) leaves the hook-succeeded
     * and hook-failed deletions to {@link #testCleanup}, so the pods' logs can be read first.
     */
    private void execHooks(Release rel, String event, long timeoutMillis, boolean deferDeletes) {
        List<Hook> hooks = new ArrayList<>();
        for (Hook h : rel.hooks) if (h.events.contains(event)) hooks.add(h);
        if (hooks.isEmpty()) return;
        hooks.sort(Comparator.comparingInt((Hook h) -> h.weight).thenComparing(h -> h.name));
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
            recordQuietly(rel);
            h.phase = "Unknown";
            for (ResourceClient.Info i : infos) {
                // hooks are created the way the release applies its objects
                if ("csa".equals(rel.applyMethod)) rc.createClientSide(i); else rc.apply(i, false, false);
            }
            try {
                Waiter.waitStatus(rc, infos, timeoutMillis, true, true);
            } catch (RuntimeException e) {
                h.completedAt = now();
                h.phase = "Failed";
                if (!deferDeletes && h.hasDeletePolicy("hook-failed")) rc.deleteAll(infos, DeletionPropagation.BACKGROUND);
                throw e;
            }
            h.completedAt = now();
            h.phase = "Succeeded";
        }
        if (deferDeletes) return;
        for (Hook h : hooks) {
            if (h.hasDeletePolicy("hook-succeeded")) {
                rc.deleteAll(rc.build(h.manifest), DeletionPropagation.BACKGROUND);
            }
        }
    }

    /** The shutdown of {@link #test}: test hooks deleted by their hook-succeeded / hook-failed policies, last first. */
    public void testCleanup(Release rel) {
        List<Hook> ran = new ArrayList<>();
        for (Hook h : rel.hooks) if (h.events.contains("test") && h.startedAt != null) ran.add(h);
        java.util.Collections.reverse(ran);
        ResourceClient rc = cfg.resources();
        for (Hook h : ran) {
            boolean delete = ("Succeeded".equals(h.phase) && h.hasDeletePolicy("hook-succeeded"))
                    || ("Failed".equals(h.phase) && h.hasDeletePolicy("hook-failed"));
            if (delete) rc.deleteAll(rc.build(h.manifest), DeletionPropagation.BACKGROUND);
        }
    }

    /**
     * Helm's {@code ReleaseTesting.GetPodLogs}: for each test hook (by weight, filters applied) "POD LOGS: name",
     * the pod's log as the API server streams it from the node's kubelet, and a newline.
     */
    public void testPodLogs(Release rel, List<String> include, List<String> exclude, java.io.PrintStream out) {
        List<Hook> hooks = new ArrayList<>(rel.hooks);
        hooks.sort(Comparator.comparingInt((Hook h) -> h.weight));
        var client = cfg.connection().client();
        for (Hook h : hooks) {
            if (!h.events.contains("test")) continue;
            if (exclude.contains(h.name)) continue;
            if (!include.isEmpty() && !include.contains(h.name)) continue;
            String path = "/api/v1/namespaces/" + cfg.namespace() + "/pods/" + h.name + "/log";
            String url = client.getMasterUrl().toString().replaceAll("/+$", "") + path;
            byte[] body;
            try {
                var http = client.getHttpClient();
                var resp = http.sendAsync(http.newHttpRequestBuilder().uri(url).build(), byte[].class).get();
                body = resp.body() == null ? new byte[0] : resp.body();
                if (resp.code() >= 300) {
                    throw new KubeException("unable to get pod logs for " + h.name + ": " + apiMessage(resp.code(), body));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubeException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new KubeException("unable to get pod logs for " + h.name + ": "
                        + dev.charter.kube.GoNetErrors.describe("GET", url, e.getCause()), e);
            }
            out.print("POD LOGS: " + h.name + "\n");
            out.write(body, 0, body.length);
            out.print("\n");
        }
    }

    /** client-go's text for a failed request: the Status message when the body is one. */
    private static String apiMessage(int code, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            Object m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class).get("message");
            if (m instanceof String msg && !msg.isEmpty()) return msg;
        } catch (java.io.IOException | RuntimeException ignored) {
            // not a Status
        }
        return "an error on the server (\"" + text.strip() + "\") has prevented the request from succeeding";
    }
}

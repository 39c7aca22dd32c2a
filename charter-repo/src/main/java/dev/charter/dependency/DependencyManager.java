package dev.charter.dependency;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartLock;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.Dependency;
import dev.charter.chart.archive.ChartPackager;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.oci.OciException;
import dev.charter.semver.Constraint;
import dev.charter.semver.Version;
import dev.charter.repo.ChartDownloader;
import dev.charter.repo.ChartRepository;
import dev.charter.repo.ChartVersion;
import dev.charter.repo.GoTimes;
import dev.charter.repo.HttpGetter;
import dev.charter.repo.IndexFile;
import dev.charter.repo.RepoEntry;
import dev.charter.repo.RepoException;
import dev.charter.repo.RepoFile;
import dev.charter.yaml.GoYaml;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Helm's {@code downloader.Manager} and {@code resolver.Resolver}: {@code dependency update}
 * resolves Chart.yaml's (or requirements.yaml's) dependencies against repository indexes, OCI
 * tag lists and {@code file://} directories, fills {@code charts/} and writes the lock;
 * {@code dependency build} downloads what the lock says after checking its digest.
 */
public final class DependencyManager {

    private static final String MANAGER_PREFIX = "helm-manager-";

    private final Path chartPath;
    private final String chartPathText;
    private final Path repositoryConfig;
    private final Path repositoryCache;
    private final PrintStream out;
    private final Consumer<String> stderr;
    private final OciCharts oci;
    private final ZoneId zone;
    private boolean skipUpdate;
    private boolean debug;
    private ProvenanceCheck provenanceCheck;

    /**
     * Checks a downloaded archive against its provenance file (Helm's {@code VerifyChart}); throws
     * with Helm's message when it does not verify. Lives outside this module so that dependency
     * resolution does not need OpenPGP.
     */
    @FunctionalInterface
    public interface ProvenanceCheck {
        void verify(Path chart, Path provenance);
    }

    /**
     * @param chartPath     the chart directory
     * @param chartPathText the path as the user typed it (Go's {@code filepath.Clean}), for messages
     * @param oci           OCI access, or null when no OCI dependency may be used
     */
    public DependencyManager(Path chartPath, String chartPathText, Path repositoryConfig, Path repositoryCache,
                             PrintStream out, Consumer<String> stderr, OciCharts oci, ZoneId zone) {
        this.chartPath = chartPath;
        this.chartPathText = chartPathText;
        this.repositoryConfig = repositoryConfig;
        this.repositoryCache = repositoryCache;
        this.out = out;
        this.stderr = stderr;
        this.oci = oci;
        this.zone = zone;
    }

    public DependencyManager skipUpdate(boolean value) {
        this.skipUpdate = value;
        return this;
    }

    /**
     * {@code --verify}: Helm's {@code VerifyAlways} — every downloaded dependency needs a
     * provenance file ({@code <url>.prov}, or the OCI provenance layer) that passes {@code check}.
     */
    public DependencyManager verify(ProvenanceCheck check) {
        this.provenanceCheck = check;
        return this;
    }

    public DependencyManager debug(boolean value) {
        this.debug = value;
        return this;
    }

    private Chart loadChartDir() {
        if (!Files.exists(chartPath)) {
            throw new RepoException("could not find " + chartPathText + ": stat " + chartPathText + ": no such file or directory");
        }
        if (!Files.isDirectory(chartPath)) {
            throw new RepoException("only unpacked charts can be updated");
        }
        return ChartLoader.loadDirectory(chartPath);
    }

    private static List<Dependency> mutableDeps(ChartMetadata md) {
        return md.dependencies() == null ? null : new ArrayList<>(md.dependencies());
    }

    // ---- update ------------------------------------------------------------------------------

    public void update() {
        Chart c = loadChartDir();
        List<Dependency> req = mutableDeps(c.metadata());
        if (req == null) {
            return;
        }
        Map<String, String> repoNames = resolveRepoNames(req);
        repoNames = ensureMissingRepos(repoNames, req);
        if (!skipUpdate) {
            updateRepositories();
        }
        List<Dependency> locked = resolve(req, repoNames);
        locked = downloadAll(locked);
        String digest = LockDigest.hashReq(req, locked);
        ChartLock old = c.lock();
        if (old != null && digest.equals(old.digest())) {
            return;
        }
        writeLock(locked, digest, ChartMetadata.API_V1.equals(c.metadata().apiVersion()));
    }

    // ---- build -------------------------------------------------------------------------------

    public void build() {
        Chart c = loadChartDir();
        ChartLock lock = c.lock();
        if (lock == null) {
            update();
            return;
        }
        List<Dependency> req = mutableDeps(c.metadata());
        boolean v1 = ChartMetadata.API_V1.equals(c.metadata().apiVersion());
        String v2Sum = v1 ? LockDigest.hashV2Req(req) : null;
        resolveRepoNames(req);
        String sum = LockDigest.hashReq(req, lock.dependencies());
        if (!sum.equals(lock.digest())) {
            if (!v1) {
                throw new RepoException("the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies");
            }
            stderr.accept(logTime() + " warning: a valid Helm v3 hash was not found. Checking against Helm v2 hash...");
            if (!v2Sum.equals(lock.digest())) {
                throw new RepoException("the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies");
            }
        }
        hasAllRepos(lock.dependencies());
        if (!skipUpdate) {
            updateRepositories();
        }
        downloadAll(new ArrayList<>(lock.dependencies()));
    }

    private String logTime() {
        java.time.LocalDateTime t = java.time.LocalDateTime.now(zone);
        return String.format("%04d/%02d/%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    // ---- repositories ------------------------------------------------------------------------

    private RepoFile repoFile() {
        return RepoFile.read(repositoryConfig);
    }

    static boolean isOci(String repository) {
        return repository != null && repository.startsWith("oci://");
    }

    /** Helm's {@code urlutil.Equal}: URLs equal after cleaning their paths. */
    static boolean urlEqual(String a, String b) {
        try {
            URI u = URI.create(a);
            URI v = URI.create(b);
            return normalized(u).equals(normalized(v));
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }

    private static String normalized(URI u) {
        String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
        String clean = Path.of(path).normalize().toString();
        return u.getScheme() + "://" + u.getRawAuthority() + clean + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())
                + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
    }

    /** Maps dependency names to repository names and replaces {@code @name}/{@code alias:name} by the URL. */
    Map<String, String> resolveRepoNames(List<Dependency> deps) {
        if (deps == null) {
            return new HashMap<>();
        }
        List<RepoEntry> repos = repoFile().repositories();
        Map<String, String> map = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < deps.size(); i++) {
            Dependency dd = deps.get(i);
            if (dd == null || dd.repository() == null || dd.repository().isEmpty()) {
                continue;
            }
            String repository = dd.repository();
            if (repository.startsWith("file://")) {
                localPath(repository);
                if (debug) {
                    out.println("Repository from local path: " + repository);
                }
                map.put(dd.name(), repository);
                continue;
            }
            if (isOci(repository)) {
                map.put(dd.name(), repository);
                continue;
            }
            boolean found = false;
            for (RepoEntry repo : repos) {
                if ((repository.startsWith("@") && repository.substring(1).equals(repo.name()))
                        || (repository.startsWith("alias:") && repository.substring(6).equals(repo.name()))) {
                    found = true;
                    deps.set(i, withRepository(dd, repo.url()));
                    map.put(dd.name(), repo.name());
                    break;
                } else if (urlEqual(repo.url(), repository)) {
                    found = true;
                    map.put(dd.name(), repo.name());
                    break;
                }
            }
            if (!found) {
                if (isRequestUri(repository)) {
                    map.put(repository, repository);
                    continue;
                }
                missing.add(repository);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder msg = new StringBuilder("no repository definition for " + String.join(", ", missing)
                    + ". Please add them via 'helm repo add'");
            boolean nonUrl = missing.stream().anyMatch(r -> !r.contains("//") && !r.startsWith("@") && !r.startsWith("alias:"));
            if (nonUrl) {
                msg.append("\nNote that repositories must be URLs or aliases. For example, to refer to the \"example\"\n"
                        + "repository, use \"https://charts.example.com/\" or \"@example\" instead of\n"
                        + "\"example\". Don't forget to add the repo, too ('helm repo add').");
            }
            throw new RepoException(msg.toString());
        }
        return map;
    }

    /** Go's {@code url.ParseRequestURI}: an absolute URL or an absolute path. */
    private static boolean isRequestUri(String s) {
        if (s.startsWith("/")) {
            return true;
        }
        try {
            URI u = new URI(s);
            return u.isAbsolute();
        } catch (Exception e) {
            return false;
        }
    }

    private static Dependency withRepository(Dependency d, String repository) {
        return new Dependency(d.name(), d.version(), repository, d.condition(), d.tags(), d.enabled(), d.importValues(), d.alias());
    }

    private static Dependency withVersion(Dependency d, String version) {
        return new Dependency(d.name(), version, d.repository(), d.condition(), d.tags(), d.enabled(), d.importValues(), d.alias());
    }

    private Map<String, String> ensureMissingRepos(Map<String, String> repoNames, List<Dependency> deps) {
        List<RepoEntry> unmanaged = new ArrayList<>();
        for (Dependency dd : deps) {
            if (dd == null || dd.repository() == null || dd.repository().isEmpty() || repoNames.containsKey(dd.name())) {
                continue;
            }
            String rn = MANAGER_PREFIX + LockDigest.sha256(dd.repository());
            repoNames.put(dd.name(), rn);
            unmanaged.add(RepoEntry.of(rn, dd.repository()));
        }
        if (!skipUpdate && !unmanaged.isEmpty()) {
            out.println("Getting updates for unmanaged Helm repositories...");
            parallelRepoUpdate(unmanaged);
        }
        return repoNames;
    }

    /** Helm's {@code UpdateRepositories}: every configured repository, in parallel. */
    public void updateRepositories() {
        List<RepoEntry> repos = repoFile().repositories();
        if (repos.isEmpty()) {
            return;
        }
        out.println("Hang tight while we grab the latest from your chart repositories...");
        parallelRepoUpdate(repos);
        out.println("Update Complete. ⎈Happy Helming!⎈");
    }

    private void parallelRepoUpdate(List<RepoEntry> repos) {
        Map<String, RepoEntry> unique = new LinkedHashMap<>();
        for (RepoEntry r : repos) {
            String key = r.url().endsWith("/") ? r.url().substring(0, r.url().length() - 1) : r.url();
            unique.put(key, r);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, unique.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RepoEntry r : unique.values()) {
                futures.add(pool.submit(() -> {
                    String shown = r.name().startsWith(MANAGER_PREFIX) ? r.url() : r.name();
                    try {
                        new ChartRepository(r, repositoryCache).downloadIndexFile(w -> {
                            synchronized (out) {
                                stderr.accept(w);
                            }
                        });
                        synchronized (out) {
                            out.println("...Successfully got an update from the \"" + shown + "\" chart repository");
                        }
                    } catch (RuntimeException e) {
                        synchronized (out) {
                            if (r.name().startsWith(MANAGER_PREFIX)) {
                                out.println("...Unable to get an update from the \"" + r.url() + "\" chart repository:\n\t" + e.getMessage());
                            } else {
                                out.println("...Unable to get an update from the \"" + r.name() + "\" chart repository (" + r.url() + "):\n\t" + e.getMessage());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    // reported above
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private void hasAllRepos(List<Dependency> deps) {
        List<RepoEntry> repos = repoFile().repositories();
        List<String> missing = new ArrayList<>();
        outer:
        for (Dependency dd : deps) {
            if (dd == null || dd.repository() == null || dd.repository().isEmpty()
                    || dd.repository().startsWith("file://") || isOci(dd.repository())) {
                continue;
            }
            String trimmed = dd.repository().endsWith("/") ? dd.repository().substring(0, dd.repository().length() - 1) : dd.repository();
            for (RepoEntry r : repos) {
                if (urlEqual(r.url(), trimmed)) {
                    continue outer;
                }
            }
            missing.add(dd.repository());
        }
        if (!missing.isEmpty()) {
            throw new RepoException("no repository definition for " + String.join(", ", missing)
                    + ". Please add the missing repos via 'helm repo add'");
        }
    }

    // ---- resolve -----------------------------------------------------------------------------

    private Path localPath(String repository) {
        String p = repository.startsWith("file://") ? repository.substring("file://".length()) : repository;
        Path dep = p.startsWith("/") ? Path.of(p).toAbsolutePath().normalize() : chartPath.resolve(p).normalize();
        if (!Files.exists(dep)) {
            String shown = p.startsWith("/") ? dep.toString() : goJoin(chartPathText, p);
            throw new RepoException("directory " + shown + " not found");
        }
        return dep;
    }

    private static String goJoin(String a, String b) {
        String joined = Path.of(a).resolve(b).normalize().toString();
        return joined.isEmpty() ? "." : joined;
    }

    private static Constraint constraint(Dependency d) {
        try {
            return Constraint.parse(d.version() == null ? "" : d.version());
        } catch (dev.charter.semver.SemverException e) {
            throw new RepoException("dependency \"" + d.name() + "\" has an invalid version/constraint format: " + e.getMessage(), e);
        }
    }

    List<Dependency> resolve(List<Dependency> reqs, Map<String, String> repoNames) {
        List<Dependency> locked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Dependency d : reqs) {
            Constraint constraint = constraint(d);
            String repository = d.repository() == null ? "" : d.repository();
            if (repository.isEmpty()) {
                localPath(Path.of("charts", d.name()).toString());
                locked.add(lockEntry(d.name(), "", d.version()));
                continue;
            }
            if (repository.startsWith("file://")) {
                Path dir = localPath(repository);
                Chart ch = ChartLoader.loadDirectory(dir);
                Optional<Version> v = Version.tryParse(ch.metadata().version());
                if (v.isEmpty()) {
                    locked.add(null);
                    continue;
                }
                if (!constraint.check(v.get())) {
                    missing.add(quote(d.name()) + " (repository " + quote(repository) + ", version " + quote(d.version()) + ")");
                    locked.add(null);
                    continue;
                }
                locked.add(lockEntry(d.name(), repository, ch.metadata().version()));
                continue;
            }
            String repoName = repoNames.get(d.name());
            if (repoName == null || repoName.isEmpty()) {
                locked.add(lockEntry(d.name(), repository, d.version()));
                continue;
            }
            List<String> versions = new ArrayList<>();
            String version = "";
            boolean found = true;
            if (!isOci(repository)) {
                IndexFile index;
                try {
                    index = IndexFile.loadFile(ChartRepository.indexFile(repositoryCache, repoName), w -> { });
                } catch (RepoException e) {
                    throw new RepoException("no cached repository for " + repoName + " found. (try 'helm repo update'): " + e.getMessage(), e);
                }
                List<ChartVersion> vs = index.entries().get(d.name());
                if (vs == null) {
                    throw new RepoException(d.name() + " chart not found in repo " + repository);
                }
                for (ChartVersion cv : vs) {
                    if (!cv.urls().isEmpty()) {
                        versions.add(cv.version());
                    }
                }
                found = false;
            } else {
                version = d.version() == null ? "" : d.version();
                if (Version.tryParse(version).isPresent()) {
                    versions.add(version);
                } else {
                    String ref = repository.substring("oci://".length()) + "/" + d.name();
                    try {
                        versions.addAll(ociCharts().versionTags(ref));
                    } catch (OciException e) {
                        throw new RepoException("could not retrieve list of tags for repository " + repository + ": " + e.getMessage(), e);
                    }
                }
            }
            String lockedVersion = version;
            for (String candidate : versions) {
                Optional<Version> v = Version.tryParse(candidate);
                if (v.isEmpty()) {
                    continue;
                }
                if (constraint.check(v.get())) {
                    found = true;
                    lockedVersion = candidate;
                    break;
                }
            }
            locked.add(lockEntry(d.name(), repository, lockedVersion));
            if (!found) {
                missing.add(quote(d.name()) + " (repository " + quote(repository) + ", version " + quote(d.version()) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new RepoException("can't get a valid version for " + missing.size() + " subchart(s): " + String.join(", ", missing)
                    + ". Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml");
        }
        return locked;
    }

    private OciCharts ociCharts() {
        if (oci == null) {
            throw new RepoException("no registry client");
        }
        return oci;
    }

    private static String quote(String s) {
        return dev.charter.yaml.GoJson.quote(s == null ? "" : s);
    }

    private static Dependency lockEntry(String name, String repository, String version) {
        return new Dependency(name, version, repository, null, null, false, null, null);
    }

    // ---- download ----------------------------------------------------------------------------

    /** Downloads (or archives) every dependency into {@code charts/}; returns the deps with final versions. */
    List<Dependency> downloadAll(List<Dependency> deps) {
        Map<String, ChartRepoIndex> repos = loadChartRepositories();
        Path dest = chartPath.resolve("charts");
        Path tmp = chartPath.resolve("tmpcharts-" + ProcessHandle.current().pid());
        try {
            if (Files.exists(dest)) {
                if (!Files.isDirectory(dest)) {
                    throw new RepoException("\"" + goJoin(chartPathText, "charts") + "\" is not a directory");
                }
            } else {
                Files.createDirectories(dest);
            }
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
        List<Dependency> result = new ArrayList<>(deps);
        try {
            out.println("Saving " + deps.size() + " charts");
            RuntimeException saveError = null;
            Set<String> churls = new HashSet<>();
            for (int i = 0; i < result.size(); i++) {
                Dependency dep = result.get(i);
                if (dep == null) {
                    continue;
                }
                String repository = dep.repository() == null ? "" : dep.repository();
                if (repository.isEmpty()) {
                    out.println("Dependency " + dep.name() + " did not declare a repository. Assuming it exists in the charts directory");
                    Path local = dest.resolve(dep.name());
                    Chart ch;
                    try {
                        ch = ChartLoader.loadDirectory(local);
                    } catch (RuntimeException e) {
                        throw new RepoException("unable to load chart '" + goJoin(chartPathText, "charts/" + dep.name()) + "': " + e.getMessage(), e);
                    }
                    Constraint c;
                    try {
                        c = Constraint.parse(dep.version());
                    } catch (dev.charter.semver.SemverException e) {
                        throw new RepoException("dependency " + dep.name() + " has an invalid version/constraint format: " + e.getMessage(), e);
                    }
                    Optional<Version> v = Version.tryParse(ch.metadata().version());
                    if (v.isEmpty()) {
                        throw new RepoException("invalid version " + dep.version() + " for dependency " + dep.name() + ": invalid semantic version");
                    }
                    if (!c.check(v.get())) {
                        saveError = new RepoException("dependency " + dep.name() + " at version " + ch.metadata().version()
                                + " does not satisfy the constraint " + dep.version());
                        break;
                    }
                    continue;
                }
                if (repository.startsWith("file://")) {
                    if (debug) {
                        out.println("Archiving " + dep.name() + " from repo " + repository);
                    }
                    try {
                        String ver = tarFromLocalDir(dep, tmp);
                        result.set(i, withVersion(dep, ver));
                    } catch (RuntimeException e) {
                        saveError = e;
                        break;
                    }
                    continue;
                }
                String churl;
                HttpGetter.Options options = HttpGetter.Options.none();
                try {
                    if (isOci(repository)) {
                        churl = repository + "/" + dep.name() + ":" + dep.version();
                    } else {
                        ChartDownloader.Located located = findChartUrl(dep.name(), dep.version(), repository, repos);
                        churl = located.url();
                        options = located.options();
                    }
                } catch (RuntimeException e) {
                    saveError = new RepoException("could not find : " + e.getMessage(), e);
                    break;
                }
                if (churls.contains(churl)) {
                    out.println("Already downloaded " + dep.name() + " from repo " + repository);
                    continue;
                }
                out.println("Downloading " + dep.name() + " from repo " + repository);
                try {
                    if (isOci(repository)) {
                        out.flush();
                        Path saved = ociCharts().pull(repository + "/" + dep.name(), dep.version(), tmp, stderr);
                        if (provenanceCheck != null) {
                            verifyOci(repository + "/" + dep.name(), dep.version(), saved);
                        }
                    } else {
                        Path saved = ChartDownloader.downloadTo(new ChartDownloader.Located(churl, options), tmp);
                        if (provenanceCheck != null) {
                            verifyHttp(new ChartDownloader.Located(churl, options), saved);
                        }
                    }
                } catch (RuntimeException e) {
                    String shown = isOci(repository) ? repository + "/" + dep.name() : churl;
                    saveError = new RepoException("could not download " + shown + ": " + e.getMessage(), e);
                    break;
                }
                churls.add(churl);
            }
            if (saveError != null) {
                out.println("Save error occurred:  " + saveError.getMessage());
                throw saveError;
            }
            safeMoveDeps(result, tmp, dest);
        } finally {
            deleteTree(tmp);
        }
        return result;
    }

    /**
     * Helm's {@code DownloadTo} with {@code VerifyAlways}: {@code <url>.prov} is saved next to the
     * archive (so it reaches {@code safeMoveDeps}, as in Helm) and then checked.
     */
    private void verifyHttp(ChartDownloader.Located chart, Path saved) {
        String provUrl = chart.url() + ".prov";
        Path prov;
        try {
            prov = ChartDownloader.downloadTo(new ChartDownloader.Located(provUrl, chart.options()), saved.getParent());
        } catch (RepoException e) {
            throw new RepoException("failed to fetch provenance " + quote(provUrl), e);
        }
        provenanceCheck.verify(saved, prov);
    }

    /** The same for OCI: Helm's OCI getter answers {@code <ref>.prov} with the provenance layer. */
    private void verifyOci(String ociUrl, String version, Path saved) {
        Path prov = saved.resolveSibling(saved.getFileName() + ".prov");
        try {
            ociCharts().pullProvenance(ociUrl, version, prov, stderr);
        } catch (OciException e) {
            throw new RepoException("failed to fetch provenance " + quote(ociUrl + ":" + version + ".prov"), e);
        }
        provenanceCheck.verify(saved, prov);
    }

    private String tarFromLocalDir(Dependency dep, Path tmp) {
        Path orig = localPath(dep.repository());
        Chart ch = ChartLoader.loadDirectory(orig);
        Constraint c;
        try {
            c = Constraint.parse(dep.version());
        } catch (dev.charter.semver.SemverException e) {
            throw new RepoException("dependency " + dep.name() + " has an invalid version/constraint format: " + e.getMessage(), e);
        }
        Optional<Version> v = Version.tryParse(ch.metadata().version());
        if (v.isEmpty()) {
            throw new RepoException("invalid semantic version");
        }
        if (c.check(v.get())) {
            new ChartPackager().save(ch, tmp);
            return ch.metadata().version();
        }
        throw new RepoException("can't get a valid version for dependency " + dep.name());
    }

    private record ChartRepoIndex(RepoEntry entry, IndexFile index) {
    }

    private Map<String, ChartRepoIndex> loadChartRepositories() {
        Map<String, ChartRepoIndex> map = new LinkedHashMap<>();
        for (RepoEntry e : repoFile().repositories()) {
            IndexFile index = IndexFile.loadFile(ChartRepository.indexFile(repositoryCache, e.name()), w -> { });
            map.put(e.name(), new ChartRepoIndex(e, index));
        }
        return map;
    }

    private ChartDownloader.Located findChartUrl(String name, String version, String repoUrl, Map<String, ChartRepoIndex> repos) {
        for (ChartRepoIndex cr : repos.values()) {
            if (urlEqual(repoUrl, cr.entry().url())) {
                List<ChartVersion> entry = cr.index().entries().get(name);
                if (entry == null) {
                    throw new RepoException("entry not found");
                }
                ChartVersion found = null;
                for (ChartVersion v : entry) {
                    if (v.urls().isEmpty()) {
                        continue;
                    }
                    if (version == null || version.isEmpty() || versionEquals(version, v.version())) {
                        found = v;
                        break;
                    }
                }
                if (found == null) {
                    throw new RepoException("no matching version");
                }
                return new ChartDownloader.Located(HttpGetter.resolveReferenceUrl(repoUrl, found.urls().get(0)),
                        HttpGetter.Options.forEntry(cr.entry()));
            }
        }
        try {
            return new ChartDownloader(repositoryConfig, repositoryCache, w -> { })
                    .findInRepoUrl(repoUrl, name, version, HttpGetter.Options.none());
        } catch (RepoException e) {
            throw new RepoException("chart " + name + " not found in " + repoUrl + ": " + e.getMessage(), e);
        }
    }

    private static boolean versionEquals(String v1, String v2) {
        Optional<Version> a = Version.tryParse(v1);
        if (a.isEmpty()) {
            return v1.equals(v2);
        }
        Optional<Version> b = Version.tryParse(v2);
        return b.isPresent() && a.get().compareTo(b.get()) == 0;
    }

    private void safeMoveDeps(List<Dependency> deps, Path source, Path dest) {
        Set<String> inSource = new HashSet<>();
        Set<String> local = new HashSet<>();
        for (Dependency d : deps) {
            if (d != null && (d.repository() == null || d.repository().isEmpty())) {
                local.add(d.name());
            }
        }
        List<Path> destFiles = list(dest);
        for (Path file : list(source)) {
            if (Files.isDirectory(file)) {
                continue;
            }
            String filename = file.getFileName().toString();
            inSource.add(filename);
            try {
                ChartLoader.load(file);
            } catch (RuntimeException e) {
                // Helm names the file below the chart path as typed (e.g. the .prov of a --verify download)
                String shown = goJoin(chartPathText, source.getFileName() + "/" + filename);
                String message = String.valueOf(e.getMessage()).replace(file.toString(), shown);
                out.print("Could not verify " + shown + " for moving: " + message + " (Skipping)");
                continue;
            }
            try {
                Files.move(file, dest.resolve(filename), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                out.print("Unable to move " + file + " to charts dir " + e.getMessage() + " (Skipping)");
            }
        }
        out.println("Deleting outdated charts");
        for (Path file : destFiles) {
            if (Files.isDirectory(file) || inSource.contains(file.getFileName().toString())) {
                continue;
            }
            Chart ch;
            try {
                ch = ChartLoader.load(file);
            } catch (RuntimeException e) {
                out.println("Could not verify " + goJoin(chartPathText, "charts/" + file.getFileName()) + " for deletion: "
                        + e.getMessage() + " (Skipping)");
                continue;
            }
            if (local.contains(ch.name())) {
                continue;
            }
            try {
                Files.delete(file);
            } catch (IOException e) {
                out.print("Could not delete " + file + ": " + e.getMessage() + " (Skipping)");
            }
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort, as os.RemoveAll in a defer
        }
    }

    // ---- lock --------------------------------------------------------------------------------

    /** The lock as {@code sigs.k8s.io/yaml.Marshal(chart.Lock)} writes it. */
    public static String lockYaml(List<Dependency> locked, String digest, String generated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generated", generated);
        m.put("digest", digest);
        m.put("dependencies", LockDigest.json(locked));
        return GoYaml.marshal(m);
    }

    private void writeLock(List<Dependency> locked, String digest, boolean legacy) {
        String name = legacy ? "requirements.lock" : "Chart.lock";
        Path dest = chartPath.resolve(name);
        if (Files.isSymbolicLink(dest)) {
            try {
                throw new RepoException("the " + name + " file is a symlink to \"" + Files.readSymbolicLink(dest) + "\"");
            } catch (IOException e) {
                throw new RepoException("error reading symlink for \"" + dest + "\": " + e.getMessage(), e);
            }
        }
        try {
            Files.writeString(dest, lockYaml(locked, digest, GoTimes.now(zone)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
    }
}

package dev.charter.repo;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.semver.Constraint;
import dev.charter.semver.Version;
import dev.charter.yaml.GoYaml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A repository index ({@code repo.IndexFile}): load, query, sort, merge, generate and write. */
public final class IndexFile {

    public static final String ERR_NO_API_VERSION = "no API version specified";
    public static final String ERR_EMPTY = "empty index.yaml file";
    public static final String ERR_NO_CHART_NAME = "no chart name found";
    public static final String ERR_NO_CHART_VERSION = "no chart version found";

    private String apiVersion;
    private String generated;
    private final Map<String, List<ChartVersion>> entries;
    private Map<String, Object> annotations;
    private List<Object> publicKeys;

    private IndexFile(String apiVersion, String generated, Map<String, List<ChartVersion>> entries) {
        this.apiVersion = apiVersion;
        this.generated = generated;
        this.entries = entries;
    }

    /** Helm's {@code NewIndexFile}. */
    public static IndexFile create(ZoneId zone) {
        return new IndexFile("v1", GoTimes.now(zone), new LinkedHashMap<>());
    }

    /** Helm's {@code LoadIndexFile}: errors read {@code error loading <path>: <cause>}. */
    public static IndexFile loadFile(Path path, Consumer<String> warnings) {
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new RepoException("open " + path + ": no such file or directory", e);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
        try {
            return load(data, path.toString(), warnings);
        } catch (RepoException e) {
            throw new RepoException("error loading " + path + ": " + e.getMessage(), e);
        }
    }

    /** Helm's {@code loadIndex}: parse, drop invalid entries (with a warning), sort, require apiVersion. */
    public static IndexFile load(byte[] data, String source, Consumer<String> warnings) {
        if (data.length == 0) {
            throw new RepoException(ERR_EMPTY);
        }
        Object doc = IndexParser.parse(data);
        if (!StrictFields.isJson(data)) {
            StrictFields.check(doc);
        }
        Map<String, List<ChartVersion>> entries = new LinkedHashMap<>();
        String apiVersion = "";
        String generated = GoTimes.ZERO;
        Map<String, Object> annotations = null;
        List<Object> publicKeys = null;
        if (doc instanceof Map<?, ?> m) {
            apiVersion = m.get("apiVersion") == null ? "" : m.get("apiVersion").toString();
            if (m.get("generated") != null) {
                generated = m.get("generated").toString();
            }
            if (m.get("annotations") instanceof Map<?, ?> a) {
                annotations = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : a.entrySet()) {
                    annotations.put(e.getKey().toString(), e.getValue());
                }
            }
            if (m.get("publicKeys") instanceof List<?> pk) {
                publicKeys = new ArrayList<>(pk);
            }
            if (m.get("entries") instanceof Map<?, ?> es) {
                for (Map.Entry<?, ?> e : es.entrySet()) {
                    String name = e.getKey().toString();
                    List<ChartVersion> versions = new ArrayList<>();
                    if (e.getValue() instanceof List<?> list) {
                        for (Object o : list) {
                            if (!(o instanceof Map<?, ?> fields)) {
                                warnings.accept(Slog.warn("skipping loading invalid entry for chart \"" + name + "\" from " + source + ": empty entry"));
                                continue;
                            }
                            @SuppressWarnings("unchecked")
                            ChartVersion cv = new ChartVersion((Map<String, Object>) fields);
                            cv.defaultApiVersion();
                            String invalid = cv.validationError();
                            if (invalid != null) {
                                warnings.accept(Slog.warn("skipping loading invalid entry for chart \"" + name + "\" \"" + cv.version()
                                        + "\" from " + source + ": " + invalid));
                                continue;
                            }
                            versions.add(cv);
                        }
                    }
                    entries.put(name, versions);
                }
            }
        } else if (doc != null) {
            throw new RepoException("error unmarshaling JSON: json: cannot unmarshal " + (doc instanceof List ? "array" : "string")
                    + " into Go value of type repo.IndexFile");
        }
        IndexFile index = new IndexFile(apiVersion, generated, entries);
        index.annotations = annotations;
        index.publicKeys = publicKeys;
        index.sortEntries();
        if (apiVersion.isEmpty()) {
            throw new RepoException(ERR_NO_API_VERSION);
        }
        return index;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String generated() {
        return generated;
    }

    public Map<String, List<ChartVersion>> entries() {
        return entries;
    }

    /** Newest first; unparsable versions last (Go's {@code sort.Reverse} of {@code ChartVersions.Less}). */
    public void sortEntries() {
        Comparator<ChartVersion> descending = (a, b) -> {
            Optional<Version> va = a.semver();
            Optional<Version> vb = b.semver();
            if (va.isEmpty() && vb.isEmpty()) {
                return 0;
            }
            if (va.isEmpty()) {
                return 1;
            }
            if (vb.isEmpty()) {
                return -1;
            }
            return vb.get().compareTo(va.get());
        };
        for (List<ChartVersion> versions : entries.values()) {
            versions.sort(descending);
        }
    }

    public boolean has(String name, String version) {
        List<ChartVersion> vs = entries.get(name);
        return vs != null && vs.stream().anyMatch(v -> v.version().equals(version));
    }

    /**
     * Helm's {@code IndexFile.Get}: exact version text first, else the first (newest) version
     * satisfying the constraint ({@code *} when empty, which skips prereleases).
     */
    public ChartVersion get(String name, String version, Consumer<String> warnings) {
        List<ChartVersion> vs = entries.get(name);
        if (vs == null) {
            throw new RepoException(ERR_NO_CHART_NAME);
        }
        if (vs.isEmpty()) {
            throw new RepoException(ERR_NO_CHART_VERSION);
        }
        Constraint constraint;
        try {
            constraint = Constraint.parse(version == null || version.isEmpty() ? "*" : version);
        } catch (dev.charter.semver.SemverException e) {
            throw new RepoException(e.getMessage(), e);
        }
        if (version != null && !version.isEmpty()) {
            for (ChartVersion v : vs) {
                if (version.equals(v.version())) {
                    return v;
                }
            }
        }
        for (ChartVersion v : vs) {
            Optional<Version> sv = v.semver();
            if (sv.isPresent() && constraint.check(sv.get())) {
                if (version != null && !version.isEmpty()) {
                    warnings.accept(Slog.warn("unable to find exact version requested; falling back to closest available version",
                            "chart", name, "requested", version, "selected", v.version()));
                }
                return v;
            }
        }
        throw new RepoException("no chart version found for " + name + "-" + version);
    }

    /** Adds every version of {@code other} this index lacks (by name and version). */
    public void merge(IndexFile other) {
        for (List<ChartVersion> versions : other.entries.values()) {
            for (ChartVersion cv : versions) {
                if (!has(cv.name(), cv.version())) {
                    entries.computeIfAbsent(cv.name(), k -> new ArrayList<>()).add(cv);
                }
            }
        }
    }

    public void add(ChartVersion cv) {
        entries.computeIfAbsent(cv.name(), k -> new ArrayList<>()).add(cv);
    }

    /** The index as {@code sigs.k8s.io/yaml.Marshal} writes the struct. */
    public String toYaml() {
        return GoYaml.marshal(toJsonModel());
    }

    /** The index as {@code json.MarshalIndent(i, "", "  ")} writes it (repo index --json). */
    public String toJson() {
        return GoJsonIndent.indent(dev.charter.yaml.GoJsonWriter.write(toJsonModel()));
    }

    private Map<String, Object> toJsonModel() {
        Map<String, Object> m = new dev.charter.yaml.GoJsonWriter.Struct();
        m.put("apiVersion", apiVersion);
        m.put("generated", GoTimes.normalize(generated));
        Map<String, Object> es = new LinkedHashMap<>();
        entries.forEach((name, versions) -> {
            List<Object> list = new ArrayList<>();
            versions.forEach(v -> list.add(v.toJsonModel()));
            es.put(name, list);
        });
        m.put("entries", es);
        if (publicKeys != null && !publicKeys.isEmpty()) {
            m.put("publicKeys", publicKeys);
        }
        if (annotations != null && !annotations.isEmpty()) {
            m.put("annotations", annotations);
        }
        return m;
    }

    /**
     * Helm's {@code IndexDirectory}: every {@code *.tgz} directly in {@code dir} and one level
     * below ({@code **}/{@code *.tgz} is a single-level glob in Go), each loaded as a chart; files
     * that are not charts are skipped. Entries are left unsorted.
     */
    public static IndexFile indexDirectory(Path dir, String baseUrl, ZoneId zone) {
        IndexFile index = create(zone);
        List<Path> archives = new ArrayList<>(glob(dir));
        try (DirectoryStream<Path> subdirs = Files.newDirectoryStream(dir)) {
            List<Path> sorted = new ArrayList<>();
            subdirs.forEach(sorted::add);
            sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
            List<Path> nested = new ArrayList<>();
            for (Path sub : sorted) {
                if (Files.isDirectory(sub)) {
                    nested.addAll(glob(sub));
                }
            }
            nested.sort(Comparator.comparing(Path::toString));
            archives.addAll(nested);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
        for (Path archive : archives) {
            Path rel = dir.relativize(archive);
            String parentDir = rel.getParent() == null ? "" : rel.getParent().toString();
            String fname = rel.getFileName().toString();
            String parentUrl = urlJoin(baseUrl, parentDir);
            Chart chart;
            try {
                chart = ChartLoader.load(archive);
            } catch (RuntimeException e) {
                continue; // "Assume this is not a chart."
            }
            ChartMetadata md = chart.metadata();
            if (md.apiVersion().isEmpty()) {
                md = md.withApiVersion("v1");
            }
            try {
                md = md.validated();
            } catch (RuntimeException e) {
                throw new RepoException("failed adding to " + fname + " to index: validate failed for " + fname + ": " + e.getMessage(), e);
            }
            String url = parentUrl.isEmpty() ? fname : urlJoin(parentUrl, fname);
            index.add(ChartVersion.of(md, url, sha256(archive), GoTimes.now(zone)));
        }
        return index;
    }

    private static List<Path> glob(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.tgz")) {
            s.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /** Helm's {@code urlutil.URLJoin}: path elements appended to the URL's path. */
    static String urlJoin(String baseUrl, String... paths) {
        if (baseUrl == null || baseUrl.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (String p : paths) {
                if (!p.isEmpty()) {
                    b.append(b.length() == 0 ? "" : "/").append(p);
                }
            }
            return b.toString();
        }
        try {
            URI u = URI.create(baseUrl);
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            StringBuilder joined = new StringBuilder(path);
            for (String p : paths) {
                if (p.isEmpty()) {
                    continue;
                }
                if (joined.length() == 0 || joined.charAt(joined.length() - 1) != '/') {
                    joined.append('/');
                }
                joined.append(p);
            }
            String cleaned = cleanPath(joined.toString());
            return new URI(u.getScheme(), u.getRawAuthority(), null, null, null).toString() + cleaned
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (Exception e) {
            return baseUrl + "/" + String.join("/", paths);
        }
    }

    private static String cleanPath(String p) {
        if (p.isEmpty()) {
            return "";
        }
        String cleaned = Path.of(p).normalize().toString();
        return cleaned.equals(".") ? "" : cleaned;
    }

    /** Hex sha256 of a file, as {@code provenance.DigestFile}. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            throw new RepoException(e.getMessage(), e);
        }
    }

    /** Writes the index atomically with mode 0644. */
    public void write(Path path) {
        write(path, false);
    }

    public void write(Path path, boolean json) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(parent, path.getFileName().toString(), "");
            Files.writeString(temp, json ? toJson() : toYaml());
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RepoException(e.getMessage(), e);
        }
    }
}

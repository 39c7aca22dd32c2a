package dev.charter.mirror;

import dev.charter.oci.chart.ChartPackage;
import dev.charter.oci.chart.ChartPusher;
import dev.charter.oci.chart.PushResult;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.Manifest;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.semver.Constraint;
import dev.charter.semver.Version;
import dev.charter.repo.IndexFile;
import dev.charter.repo.RepoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code charter mirror}: copies charts from a classic repository or an OCI namespace into an OCI
 * namespace. Resumable — a version whose destination tag already holds the same chart archive
 * (same layer digest) is skipped — parallel, with provenance files carried along.
 */
public final class Mirror {

    /** What to copy and how. */
    public record Options(Set<String> charts, String version, Instant since, int jobs, boolean dryRun) {
    }

    /** One chart version offered by a source. */
    public record Candidate(String name, String version, String chartDigest, Instant created, Object handle) {
    }

    /** A downloaded chart: the archive and its provenance file (or null). */
    public record Fetched(Path archive, Path provenance) {
    }

    /** Where charts come from. */
    public interface Source {
        List<Candidate> list();

        /** Downloads the candidate into {@code dir} as {@code <name>-<version>.tgz} (and {@code .prov}). */
        Fetched fetch(Candidate candidate, Path dir);
    }

    /** The outcome of one chart version. */
    public record Outcome(String name, String version, Status status, String detail) {
    }

    public enum Status { COPIED, SKIPPED, FAILED, PLANNED }

    private final Source source;
    private final RegistryClient destination;
    private final String destinationBase;
    private final ZoneId zone;
    private final Consumer<String> out;
    private volatile java.util.function.BiConsumer<Integer, Integer> progress = (done, total) -> { };

    /** @param destination {@code oci://host/namespace} */
    public Mirror(Source source, RegistryClient destinationClient, String destination, ZoneId zone, Consumer<String> out) {
        this.source = source;
        this.destination = destinationClient;
        this.destinationBase = destination.startsWith(ChartReference.SCHEME) ? destination.substring(ChartReference.SCHEME.length())
                : destination;
        this.zone = zone;
        this.out = out;
    }

    /** The candidates that pass the filters, by name then newest first. */
    public List<Candidate> select(Options options) {
        Constraint constraint = null;
        if (options.version() != null && !options.version().isEmpty()) {
            try {
                constraint = Constraint.parse(options.version());
            } catch (dev.charter.semver.SemverException e) {
                throw new RepoException(e.getMessage(), e);
            }
        }
        List<Candidate> selected = new ArrayList<>();
        for (Candidate c : source.list()) {
            if (options.charts() != null && !options.charts().isEmpty() && !options.charts().contains(c.name())) {
                continue;
            }
            if (constraint != null) {
                Optional<Version> v = Version.tryParse(c.version());
                if (v.isEmpty() || !constraint.check(v.get())) {
                    continue;
                }
            }
            if (options.since() != null && (c.created() == null || c.created().isBefore(options.since()))) {
                continue;
            }
            selected.add(c);
        }
        selected.sort(Comparator.comparing(Candidate::name).thenComparing((a, b) -> {
            Optional<Version> va = Version.tryParse(a.version());
            Optional<Version> vb = Version.tryParse(b.version());
            return va.isPresent() && vb.isPresent() ? vb.get().compareTo(va.get()) : b.version().compareTo(a.version());
        }));
        return selected;
    }

    /** Called with (done, total) after every chart version, e.g. for a progress bar on terminals. */
    public Mirror onProgress(java.util.function.BiConsumer<Integer, Integer> listener) {
        this.progress = listener;
        return this;
    }

    public List<Outcome> run(Options options) {
        List<Candidate> candidates = select(options);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        int total = candidates.size();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Candidate c : candidates) {
                futures.add(pool.submit(() -> {
                    Outcome o = one(c, options.dryRun());
                    outcomes.add(o);
                    report(o);
                    progress.accept(done.incrementAndGet(), total);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    // every task reports its own failure
                }
            }
        } finally {
            pool.shutdown();
        }
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparing(Outcome::name).thenComparing(Outcome::version));
        return sorted;
    }

    private void report(Outcome o) {
        String line = switch (o.status()) {
            case COPIED -> "copied  " + o.name() + " " + o.version() + " -> " + o.detail();
            case SKIPPED -> "skipped " + o.name() + " " + o.version() + ": " + o.detail();
            case FAILED -> "failed  " + o.name() + " " + o.version() + ": " + o.detail();
            case PLANNED -> "would copy " + o.name() + " " + o.version() + " -> " + o.detail();
        };
        synchronized (out) {
            out.accept(line);
        }
    }

    private String target(Candidate c) {
        return destinationBase + "/" + c.name() + ":" + ChartReference.versionToTag(c.version());
    }

    /** The chart layer digest at the destination tag, if the tag exists. */
    private Optional<String> existingChartDigest(Candidate c) {
        Reference ref = Reference.parse(target(c));
        Optional<Descriptor> head = destination.manifests().resolve(ref, dev.charter.oci.auth.Scopes.pull(ref.repository()));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Manifest m = destination.manifests().fetch(ref);
        return Optional.of(m.layers().stream().filter(l -> l.mediaType().equals(MediaTypes.HELM_CHART)
                || l.mediaType().equals(MediaTypes.LEGACY_CHART)).map(Descriptor::digest).findFirst().orElse(""));
    }

    private Outcome one(Candidate c, boolean dryRun) {
        Path dir = null;
        try {
            Optional<String> existing = existingChartDigest(c);
            if (existing.isPresent() && c.chartDigest() != null && existing.get().equals(c.chartDigest())) {
                return new Outcome(c.name(), c.version(), Status.SKIPPED, "already present with the same digest");
            }
            if (dryRun) {
                return new Outcome(c.name(), c.version(), Status.PLANNED, "oci://" + target(c)
                        + (existing.isPresent() ? " (replaces a different chart)" : ""));
            }
            dir = Files.createTempDirectory("charter-mirror-");
            Fetched fetched = source.fetch(c, dir);
            String digest = "sha256:" + IndexFile.sha256(fetched.archive());
            if (c.chartDigest() != null && !c.chartDigest().equals(digest)) {
                return new Outcome(c.name(), c.version(), Status.FAILED, "digest mismatch: source says " + c.chartDigest()
                        + ", downloaded " + digest);
            }
            if (existing.isPresent() && existing.get().equals(digest)) {
                return new Outcome(c.name(), c.version(), Status.SKIPPED, "already present with the same digest");
            }
            if (c.created() != null) {
                Files.setLastModifiedTime(fetched.archive(), FileTime.from(c.created()));
            }
            ChartPackage pkg = ChartPackage.load(fetched.archive(), fetched.archive().getFileName().toString(), zone);
            if (!pkg.metadata().name().equals(c.name()) || !pkg.metadata().version().equals(c.version())) {
                return new Outcome(c.name(), c.version(), Status.FAILED, "archive holds " + pkg.metadata().name() + " "
                        + pkg.metadata().version());
            }
            PushResult pushed = new ChartPusher(destination).push(pkg, ChartPusher.targetFor("oci://" + destinationBase, pkg));
            return new Outcome(c.name(), c.version(), Status.COPIED, "oci://" + pushed.reference() + " (" + pushed.digest() + ")"
                    + (pkg.provenance() != null ? " with provenance" : ""));
        } catch (RuntimeException | IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(c.name(), c.version(), Status.FAILED, message);
        } finally {
            if (dir != null) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // temp leftovers are harmless
                }
            }
        }
    }
}

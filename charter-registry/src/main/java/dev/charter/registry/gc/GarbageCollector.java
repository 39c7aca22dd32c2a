package dev.charter.registry.gc;

import dev.charter.registry.manifest.Descriptor;
import dev.charter.registry.manifest.InvalidManifestException;
import dev.charter.registry.manifest.Manifest;
import dev.charter.registry.manifest.ManifestParser;
import dev.charter.registry.storage.BlobStore;
import dev.charter.registry.storage.Digest;
import dev.charter.registry.storage.Layout;
import dev.charter.registry.storage.ReferrersIndex;
import dev.charter.registry.storage.RepositoryName;
import dev.charter.registry.storage.RepositoryStore;
import dev.charter.registry.storage.StorageDriver;
import dev.charter.registry.storage.UploadStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Mark and sweep over the storage, like Distribution's {@code registry garbage-collect}: every
 * blob reachable from a manifest revision (its config, layers and, for indexes, child manifests)
 * is marked; unmarked blobs are deleted. With {@code deleteUntagged}, revisions reachable from
 * no tag (directly, as an index child, or as a referrer of a kept manifest) are removed first.
 *
 * <p>Running next to a live registry is safe because nothing recent is swept: a blob is only
 * deleted when it was last written before both the grace period and the start of the oldest
 * upload session still open. Pushes that finished their blobs but not yet their manifest are
 * younger than the grace period; the registry refreshes a blob's time when it is mounted or
 * re-uploaded, so re-use of an old blob is covered too.
 */
public final class GarbageCollector {

    private static final Duration ABANDONED_UPLOAD_AGE = Duration.ofDays(7);

    /** What to do. */
    public record Options(boolean dryRun, boolean deleteUntagged, Duration gracePeriod) {
    }

    /** What was (or, in a dry run, would be) done. */
    public record Report(int blobsMarked, int blobsDeleted, long bytesFreed, int manifestsDeleted, int blobsTooYoung) {
    }

    private final StorageDriver driver;
    private final BlobStore blobs;
    private final RepositoryStore repositories;
    private final UploadStore uploads;
    private final ReferrersIndex referrers;
    private final Clock clock;
    private final Consumer<String> log;

    public GarbageCollector(StorageDriver driver, Clock clock, Consumer<String> log) {
        this.driver = driver;
        this.blobs = new BlobStore(driver);
        this.repositories = new RepositoryStore(driver, blobs);
        this.uploads = new UploadStore(driver, blobs, repositories);
        this.referrers = new ReferrersIndex(driver, repositories);
        this.clock = clock;
        this.log = log;
    }

    public Report run(Options options) throws IOException {
        Instant cutoff = clock.instant().minus(options.gracePeriod());
        List<RepositoryName> names = repositories.list(true);
        for (RepositoryName name : names) {
            cutoff = earliest(cutoff, oldestUpload(name));
        }
        Set<Digest> marked = new HashSet<>();
        int manifestsDeleted = 0;
        for (RepositoryName name : names) {
            Map<Digest, Manifest> manifests = new HashMap<>();
            for (Digest revision : repositories.revisions(name)) {
                manifest(revision).ifPresent(m -> manifests.put(revision, m));
            }
            Set<Digest> kept = options.deleteUntagged() ? reachableFromTags(name, manifests) : manifests.keySet();
            for (Digest revision : repositories.revisions(name)) {
                // a fresh revision may be a push between "PUT by digest" and "PUT by tag" (Helm's order)
                if (!kept.contains(revision) && olderThan(Layout.revisionLink(name, revision), cutoff)) {
                    log.accept((options.dryRun() ? "would delete" : "deleting") + " untagged manifest " + name + "@" + revision);
                    manifestsDeleted++;
                    if (!options.dryRun()) {
                        repositories.unlinkRevision(name, revision);
                        Optional<Digest> subject = Optional.ofNullable(manifests.get(revision))
                                .flatMap(Manifest::subject).map(Descriptor::digest);
                        if (subject.isPresent()) {
                            referrers.remove(name, subject.get(), revision); // after the unlink, as a DELETE does
                        }
                    }
                    continue;
                }
                marked.add(revision);
                Manifest manifest = manifests.get(revision);
                if (manifest != null) {
                    references(manifest).forEach(marked::add);
                }
            }
        }
        int deleted = 0;
        int young = 0;
        long freed = 0;
        Set<Digest> gone = new HashSet<>();
        for (String algorithmDir : driver.list(Layout.BLOBS)) {
            for (String prefixDir : driver.list(algorithmDir)) {
                for (String blobDir : driver.list(prefixDir)) {
                    Optional<Digest> digest = Digest.tryParse(algorithmDir.substring(algorithmDir.lastIndexOf('/') + 1)
                            + ":" + blobDir.substring(blobDir.lastIndexOf('/') + 1));
                    if (digest.isEmpty() || marked.contains(digest.get())) {
                        continue;
                    }
                    Optional<StorageDriver.FileInfo> info = driver.stat(Layout.blobData(digest.get()));
                    if (info.isEmpty()) {
                        continue;
                    }
                    if (!info.get().modified().isBefore(cutoff)) {
                        young++;
                        continue;
                    }
                    log.accept((options.dryRun() ? "would delete" : "deleting") + " blob " + digest.get() + " (" + info.get().size() + " bytes)");
                    deleted++;
                    freed += info.get().size();
                    gone.add(digest.get());
                    if (!options.dryRun()) {
                        driver.delete(Layout.blobDir(digest.get()));
                    }
                }
            }
        }
        if (!options.dryRun() && !gone.isEmpty()) {
            // links to swept blobs would make the repositories claim blobs they cannot serve
            for (RepositoryName name : repositories.list(true)) {
                for (Digest layer : repositories.layers(name)) {
                    if (gone.contains(layer)) {
                        repositories.unlinkLayer(name, layer);
                    }
                }
            }
        }
        return new Report(marked.size(), deleted, freed, manifestsDeleted, young);
    }

    /** Tagged manifests, their index children and referrers of anything kept, to a fixpoint. */
    private Set<Digest> reachableFromTags(RepositoryName name, Map<Digest, Manifest> manifests) throws IOException {
        Set<Digest> kept = new HashSet<>();
        Deque<Digest> work = new ArrayDeque<>();
        for (String tag : repositories.tags(name)) {
            repositories.resolveTag(name, tag).ifPresent(work::add);
        }
        while (!work.isEmpty()) {
            Digest digest = work.pop();
            if (!kept.add(digest)) {
                continue;
            }
            Manifest manifest = manifests.get(digest);
            if (manifest instanceof Manifest.Index index) {
                index.manifests().forEach(child -> work.add(child.digest()));
            }
            manifests.forEach((candidate, m) -> {
                if (m.subject().map(Descriptor::digest).filter(digest::equals).isPresent()) {
                    work.add(candidate);
                }
            });
        }
        return kept;
    }

    private static List<Digest> references(Manifest manifest) {
        return switch (manifest) {
            case Manifest.Image image -> image.blobs().stream().map(Descriptor::digest).toList();
            case Manifest.Index index -> index.manifests().stream().map(Descriptor::digest).toList();
            case Manifest.Opaque opaque -> List.of();
        };
    }

    private Optional<Manifest> manifest(Digest digest) throws IOException {
        try {
            return Optional.of(ManifestParser.parse(blobs.read(digest), null));
        } catch (StorageDriver.PathNotFoundException | InvalidManifestException e) {
            return Optional.empty();
        }
    }

    /**
     * The start of the oldest upload still open in {@code name}. Sessions older than Distribution's
     * upload purging age (a week) count as abandoned, so they cannot pin the cutoff forever.
     */
    private Optional<Instant> oldestUpload(RepositoryName name) throws IOException {
        Instant abandoned = clock.instant().minus(ABANDONED_UPLOAD_AGE);
        Optional<Instant> oldest = Optional.empty();
        for (String dir : driver.list(Layout.uploadsDir(name))) {
            Optional<Instant> started = uploads.startedAt(name, dir.substring(dir.lastIndexOf('/') + 1))
                    .filter(abandoned::isBefore);
            if (started.isPresent() && (oldest.isEmpty() || started.get().isBefore(oldest.get()))) {
                oldest = started;
            }
        }
        return oldest;
    }

    private boolean olderThan(String path, Instant cutoff) throws IOException {
        return driver.stat(path).map(info -> info.modified().isBefore(cutoff)).orElse(false);
    }

    private static Instant earliest(Instant cutoff, Optional<Instant> other) {
        return other.filter(o -> o.isBefore(cutoff)).orElse(cutoff);
    }
}

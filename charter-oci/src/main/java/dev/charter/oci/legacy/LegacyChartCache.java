package dev.charter.oci.legacy;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.archive.ChartPackager;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.oci.OciException;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.reference.Digest;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.Manifest;
import dev.charter.oci.registry.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm 3.0–3.6's local chart cache ({@code internal/experimental/registry/cache.go}) on top of
 * Charter's digest cache: the same OCI image layout, with names kept as
 * {@code org.opencontainers.image.ref.name} annotations in {@code index.json}. Blobs are shared
 * with the modern commands, so a saved chart can be pulled offline by its manifest digest, and
 * charts in the modern format (Helm v3.7+ layer type, provenance layer) are read here too.
 */
public final class LegacyChartCache {

    private final BlobCache blobs;
    private final CacheIndex index;

    public LegacyChartCache(BlobCache blobs) {
        this.blobs = blobs;
        this.index = new CacheIndex(blobs.root());
    }

    public BlobCache blobs() {
        return blobs;
    }

    /**
     * {@code helm chart save}: packages the chart afresh (Helm's {@code chartutil.Save}), stores
     * config, archive and a legacy manifest, and names the manifest {@code ref}.
     */
    public CachedChart save(Chart chart, LegacyReference ref) {
        Path build = blobs.root().resolve(".build");
        Path archive;
        try {
            Files.createDirectories(build);
            Path dir = Files.createTempDirectory(build, "save-");
            try {
                archive = new ChartPackager().save(chart, dir);
                byte[] content = Files.readAllBytes(archive);
                Descriptor contentDescriptor = store(MediaTypes.LEGACY_CHART, content);
                Descriptor config = store(MediaTypes.HELM_CONFIG,
                        chart.metadata().toConfigJson().getBytes(StandardCharsets.UTF_8));
                Descriptor manifest = store(MediaTypes.OCI_MANIFEST, LegacyManifest.build(config, contentDescriptor));
                index.put(ref.fullName(), manifest);
            } finally {
                deleteTree(dir);
            }
        } catch (ChartException e) {
            throw new OciException("failed to save: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OciException(e.getMessage(), e);
        }
        return fetch(ref).orElseThrow(() -> new OciException("Chart not found: " + ref.fullName()));
    }

    private Descriptor store(String mediaType, byte[] content) {
        String digest = Digest.sha256(content).toString();
        if (blobs.find(digest, content.length).isEmpty()) {
            blobs.store(digest, content);
        }
        return new Descriptor(mediaType, digest, content.length);
    }

    /** Names an already cached manifest (after a pull). */
    public void name(LegacyReference ref, Descriptor manifest) {
        index.put(ref.fullName(), manifest);
    }

    /** Helm's {@code FetchReference}: empty when the name is unknown, an error when its content is broken. */
    public Optional<CachedChart> fetch(LegacyReference ref) {
        Optional<CacheIndex.Entry> entry = index.find(ref.fullName());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(load(ref, entry.get().manifest()));
    }

    private CachedChart load(LegacyReference ref, Descriptor manifestDescriptor) {
        Path manifestFile = blob(manifestDescriptor.digest());
        Manifest manifest;
        try {
            manifest = Manifest.parse(Files.readAllBytes(manifestFile), manifestDescriptor.digest(), MediaTypes.OCI_MANIFEST);
        } catch (IOException e) {
            throw new OciException(e.getMessage(), e);
        }
        Descriptor content = null;
        for (Descriptor layer : manifest.layers()) {
            // the modern layer type counts too, so charts pulled or pushed by v3.7+ clients are visible here
            if (layer.mediaType().equals(MediaTypes.LEGACY_CHART) || layer.mediaType().equals(MediaTypes.HELM_CHART)) {
                content = layer;
                break;
            }
        }
        if (content == null) {
            throw new OciException("manifest does not contain a layer with mediatype " + MediaTypes.LEGACY_CHART);
        }
        if (content.size() == 0) {
            throw new OciException("manifest layer with mediatype " + MediaTypes.LEGACY_CHART + " is of size 0");
        }
        Path archive = blob(content.digest());
        Instant created;
        Chart chart;
        try {
            created = Files.getLastModifiedTime(archive).toInstant();
            try (InputStream in = Files.newInputStream(archive)) {
                chart = ChartLoader.loadArchive(in);
            }
        } catch (IOException e) {
            throw new OciException(e.getMessage(), e);
        } catch (ChartException e) {
            throw new OciException(e.getMessage(), e);
        }
        return new CachedChart(ref, manifestDescriptor, manifest.config(), content, archive, created, chart);
    }

    private Path blob(String digest) {
        return blobs.find(digest, -1).orElseThrow(() -> new OciException("content digest " + digest + ": not found"));
    }

    /** Helm's {@code DeleteReference}: only the name goes; blobs stay for other names and for the modern commands. */
    public Optional<CachedChart> remove(LegacyReference ref) {
        Optional<CachedChart> existing = fetch(ref);
        if (existing.isPresent()) {
            index.delete(ref.fullName());
        }
        return existing;
    }

    /** Helm's {@code ListReferences}: every named chart, one per name, sorted by name. */
    public List<CachedChart> list() {
        Map<String, CacheIndex.Entry> byName = new LinkedHashMap<>();
        for (CacheIndex.Entry e : index.entries()) {
            byName.put(e.name(), e);
        }
        List<CachedChart> out = new ArrayList<>();
        for (CacheIndex.Entry e : byName.values()) {
            out.add(load(LegacyReference.parse(e.name()), e.manifest()));
        }
        out.sort(Comparator.comparing(c -> c.ref().fullName()));
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package dev.charter.oci.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.oci.OciException;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.Manifest;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.registry.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pulls a chart as Helm's {@code registry.Client.Pull} does — same media-type filtering, checks
 * and messages — but streams layers to files (verified, via a temporary file and a rename) instead
 * of memory. With a {@link BlobCache}, blobs already cached are never downloaded again and a
 * manifest pinned by digest is read from the cache without any request.
 */
public final class ChartPuller {

    static final String UNDERSCORE_NOTICE = """
            OCI artifact references (e.g. tags) do not support the plus sign (+). To support
            storing semantic versions, Helm adopts the convention of changing plus (+) to
            an underscore (_) in chart version tags when pushing to a registry and back to
            a plus (+) when pulling from a registry.""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClient client;
    private final BlobCache cache;

    /** @param cache where blobs are kept between runs, or {@code null} for none */
    public ChartPuller(RegistryClient client, BlobCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /** The lines Helm prints after a successful pull or push of {@code reference}. */
    public static List<String> summary(String verb, String reference, String digest) {
        List<String> lines = new ArrayList<>(List.of(verb + ": " + reference, "Digest: " + digest));
        if (reference.contains("_")) {
            lines.add(reference + " contains an underscore.");
            lines.add("");
            lines.addAll(UNDERSCORE_NOTICE.lines().toList());
        }
        return lines;
    }

    /**
     * @param chartTarget file to write the chart archive to (when {@code options.withChart()})
     * @param provTarget  file to write the provenance to (when {@code options.withProv()})
     * @param messages    receives Helm's stderr lines (deprecation warning, Pulled/Digest, notice)
     */
    public PulledChart pull(Reference ref, PullOptions options, Path chartTarget, Path provTarget, Consumer<String> messages) {
        Manifest manifest;
        try {
            manifest = manifest(ref);
        } catch (OciException e) {
            throw OciException.wrap("failed to perform \"FetchReference\" on source", e);
        }
        Set<String> allowed = new java.util.HashSet<>(Set.of(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST, MediaTypes.HELM_CONFIG));
        int minimum = 1;
        if (options.withChart()) {
            minimum++;
            allowed.add(MediaTypes.HELM_CHART);
            allowed.add(MediaTypes.LEGACY_CHART);
        }
        if (options.withProv()) {
            if (!options.ignoreMissingProv()) {
                minimum++;
            }
            allowed.add(MediaTypes.HELM_PROVENANCE);
        }
        // ORAS copies the manifest itself plus every allowed child; Helm counts all of them
        List<Descriptor> found = new ArrayList<>();
        if (allowed.contains(manifest.mediaType())) {
            found.add(manifest.descriptor());
        }
        if (manifest.config() != null && allowed.contains(manifest.config().mediaType())) {
            found.add(manifest.config());
        }
        for (Descriptor layer : manifest.layers()) {
            if (allowed.contains(layer.mediaType())) {
                found.add(layer);
            }
        }
        if (found.size() < minimum) {
            throw new OciException("manifest does not contain minimum number of descriptors (" + minimum
                    + "), descriptors found: " + found.size());
        }
        Descriptor config = null;
        Descriptor chart = null;
        Descriptor prov = null;
        for (Descriptor d : found) {
            switch (d.mediaType()) {
                case MediaTypes.HELM_CONFIG -> config = d;
                case MediaTypes.HELM_CHART -> chart = d;
                case MediaTypes.HELM_PROVENANCE -> prov = d;
                case MediaTypes.LEGACY_CHART -> {
                    chart = d;
                    messages.accept("Warning: chart media type " + MediaTypes.LEGACY_CHART + " is deprecated");
                }
                default -> {
                    // the manifest node itself
                }
            }
        }
        if (config == null) {
            throw new OciException("could not load config with mediatype " + MediaTypes.HELM_CONFIG);
        }
        if (options.withChart() && chart == null) {
            throw new OciException("manifest does not contain a layer with mediatype " + MediaTypes.HELM_CHART);
        }
        if (options.withProv() && prov == null && !options.ignoreMissingProv()) {
            throw new OciException("manifest does not contain a layer with mediatype " + MediaTypes.HELM_PROVENANCE);
        }
        byte[] configJson = readSmall(ref, config);
        try {
            JSON.readTree(configJson);
        } catch (IOException e) {
            throw new OciException("unable to parse config: " + e.getMessage(), e);
        }
        Path chartPath = null;
        Path provPath = null;
        if (options.withChart() && !options.skipChartDownload()) {
            chartPath = fetchTo(ref, chart, chartTarget);
        }
        if (options.withProv() && prov != null) {
            provPath = fetchTo(ref, prov, provTarget);
        }
        summary("Pulled", ref.toString(), manifest.digest()).forEach(messages);
        return new PulledChart(ref.toString(), manifest.digest(), configJson, chartPath, provPath);
    }

    private Manifest manifest(Reference ref) {
        if (cache != null && ref.hasDigest()) {
            Optional<Path> cached = cache.find(ref.reference(), -1);
            if (cached.isPresent()) {
                try {
                    return Manifest.parse(Files.readAllBytes(cached.get()), ref.reference(), MediaTypes.OCI_MANIFEST);
                } catch (IOException e) {
                    // unreadable cache entry: fetch again
                }
            }
        }
        Manifest manifest = client.manifests().fetch(ref);
        if (cache != null) {
            cache.store(manifest.digest(), manifest.bytes());
        }
        return manifest;
    }

    private byte[] readSmall(Reference ref, Descriptor descriptor) {
        if (cache != null) {
            Path path = cachedOrFetched(ref, descriptor);
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new OciException(e.getMessage(), e);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fetch(ref, descriptor, out);
        return out.toByteArray();
    }

    private void fetch(Reference ref, Descriptor descriptor, java.io.OutputStream out) {
        try {
            client.blobs().fetch(ref, descriptor, out);
        } catch (dev.charter.oci.registry.ContentMismatchException e) {
            throw OciException.wrap("failed to perform \"Push\" on destination", e);
        } catch (OciException e) {
            throw OciException.wrap("failed to perform \"Fetch\" on source", e);
        }
    }

    private Path cachedOrFetched(Reference ref, Descriptor descriptor) {
        Optional<Path> cached = cache.find(descriptor.digest(), descriptor.size());
        return cached.orElseGet(() -> cache.store(descriptor.digest(), out -> fetch(ref, descriptor, out)));
    }

    /** Writes a layer to {@code target} (or returns the cache file when target is null). */
    private Path fetchTo(Reference ref, Descriptor descriptor, Path target) {
        if (cache != null) {
            Path cached = cachedOrFetched(ref, descriptor);
            if (target == null) {
                return cached;
            }
            copyAtomically(cached, target);
            return target;
        }
        if (target == null) {
            throw new IllegalArgumentException("a target file is needed without a cache");
        }
        try {
            client.blobs().download(ref, descriptor, target);
        } catch (dev.charter.oci.registry.ContentMismatchException e) {
            throw OciException.wrap("failed to perform \"Push\" on destination", e);
        } catch (OciException e) {
            throw OciException.wrap("failed to perform \"Fetch\" on source", e);
        }
        return target;
    }

    private static void copyAtomically(Path source, Path target) {
        Path temp = null;
        try {
            temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
            Files.copy(source, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.publish(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new OciException(e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}

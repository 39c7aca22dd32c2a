package dev.charter.oci.legacy;

import dev.charter.oci.OciException;
import dev.charter.oci.auth.Scopes;
import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.PullOptions;
import dev.charter.oci.chart.PulledChart;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Blobs;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.Manifest;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.Body;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code helm chart push} and {@code helm chart pull} between a registry and the
 * {@link LegacyChartCache}. Push always writes Helm 3.0–3.6's format (config + one
 * {@code application/tar+gzip} layer, no annotations) under the tag, so those clients can read it;
 * pull accepts both formats, verifies every blob, and names the manifest in the cache.
 */
public final class LegacyRegistry {

    private final RegistryClient client;
    private final LegacyChartCache cache;

    public LegacyRegistry(RegistryClient client, LegacyChartCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /** Uploads missing blobs, then PUTs the legacy manifest under the tag. Returns the number of layers. */
    public int push(CachedChart chart) {
        Reference target = chart.ref().remote();
        Reference repository = target.withReference("");
        Blobs blobs = client.blobs();
        uploadIfMissing(blobs, repository, chart.config());
        uploadIfMissing(blobs, repository, chart.content());
        byte[] manifest = LegacyManifest.build(chart.config(), chart.content());
        client.manifests().push(target, manifest, MediaTypes.OCI_MANIFEST);
        return 1;
    }

    private void uploadIfMissing(Blobs blobs, Reference repository, Descriptor descriptor) {
        if (blobs.exists(repository, descriptor.digest(), Scopes.pullPush(repository.repository()))) {
            return;
        }
        Path file = cache.blobs().find(descriptor.digest(), descriptor.size())
                .orElseThrow(() -> new OciException("content digest " + descriptor.digest() + ": not found"));
        blobs.upload(repository, descriptor, Body.of(file));
    }

    /**
     * Fetches the manifest by tag and its config and chart layer into the cache (blobs already cached
     * are not downloaded again), then names it. Helm's legacy-type warning is not Helm 3.0–3.6
     * output, so it is dropped.
     */
    public Descriptor pull(LegacyReference ref) {
        if (ref.tag().isEmpty()) {
            throw new OciException("tag explicitly required");
        }
        PulledChart pulled = new ChartPuller(client, cache.blobs())
                .pull(ref.remote(), PullOptions.chartOnly(), null, null, message -> { });
        Path manifestFile = cache.blobs().find(pulled.manifestDigest(), -1)
                .orElseThrow(() -> new OciException("content digest " + pulled.manifestDigest() + ": not found"));
        Descriptor descriptor;
        try {
            byte[] bytes = Files.readAllBytes(manifestFile);
            Manifest manifest = Manifest.parse(bytes, pulled.manifestDigest(), MediaTypes.OCI_MANIFEST);
            String type = manifest.mediaType().isEmpty() ? MediaTypes.OCI_MANIFEST : manifest.mediaType();
            descriptor = new Descriptor(type, pulled.manifestDigest(), bytes.length);
        } catch (IOException e) {
            throw new OciException(e.getMessage(), e);
        }
        cache.name(ref, descriptor);
        return descriptor;
    }
}

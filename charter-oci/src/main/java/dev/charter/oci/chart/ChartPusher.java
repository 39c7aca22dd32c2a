package dev.charter.oci.chart;

import dev.charter.oci.OciException;
import dev.charter.oci.auth.Scopes;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.reference.Digest;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Blobs;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.Manifests;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.Body;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Pushes a chart the way Helm v4 (ORAS {@code Copy} + {@code Tag}) does, request for request:
 * HEAD the manifest by digest; if absent HEAD each blob and upload missing ones with POST + one PUT,
 * then PUT the manifest by digest; finally GET it and PUT it again under the tag.
 */
public final class ChartPusher {

    private final RegistryClient client;

    public ChartPusher(RegistryClient client) {
        this.client = client;
    }

    /** The reference Helm pushes to: {@code path.Join(remote, name) + ":" + version}. */
    public static ChartReference targetFor(String remote, ChartPackage chart) {
        String base = remote.startsWith(ChartReference.SCHEME) ? remote.substring(ChartReference.SCHEME.length()) : remote;
        String joined = dev.charter.chart.GoPath.join(base, chart.metadata().name());
        return ChartReference.parse(joined + ":" + chart.metadata().version());
    }

    public PushResult push(ChartPackage chart, ChartReference target) {
        Reference ref = new Reference(target.registry(), target.repository(), "");
        byte[] config = chart.metadata().toConfigJson().getBytes(StandardCharsets.UTF_8);
        Descriptor configDescriptor = new Descriptor(MediaTypes.HELM_CONFIG, Digest.sha256(config).toString(), config.length);
        List<Descriptor> layers = new ArrayList<>();
        Descriptor chartDescriptor = describe(chart.archive(), MediaTypes.HELM_CHART);
        layers.add(chartDescriptor);
        Descriptor provDescriptor = null;
        if (chart.provenance() != null) {
            provDescriptor = describe(chart.provenance(), MediaTypes.HELM_PROVENANCE);
            layers.add(provDescriptor);
        }
        byte[] manifest = ChartManifest.build(configDescriptor, layers, ChartAnnotations.of(chart.metadata(), chart.created()));
        String manifestDigest = Digest.sha256(manifest).toString();
        Manifests manifests = client.manifests();
        Reference byDigest = ref.withReference(manifestDigest);

        boolean present;
        try {
            present = manifests.resolve(byDigest, Scopes.pull(ref.repository())).isPresent();
        } catch (OciException e) {
            throw OciException.wrap("failed to perform \"Exists\" on destination", e);
        }
        if (!present) {
            Blobs blobs = client.blobs();
            uploadIfMissing(blobs, ref, configDescriptor, Body.of(config));
            uploadIfMissing(blobs, ref, chartDescriptor, Body.of(chart.archive()));
            if (provDescriptor != null) {
                uploadIfMissing(blobs, ref, provDescriptor, Body.of(chart.provenance()));
            }
            try {
                manifests.push(byDigest, manifest, MediaTypes.OCI_MANIFEST);
            } catch (OciException e) {
                throw OciException.wrap("failed to perform \"Push\" on destination", e);
            }
        }
        // ORAS' Tag: read the manifest back by digest, then PUT the same bytes under the tag
        byte[] stored = manifests.fetch(byDigest, MediaTypes.OCI_MANIFEST).bytes();
        manifests.push(ref.withReference(target.tag()), stored, MediaTypes.OCI_MANIFEST);
        return new PushResult(target.toString(), manifestDigest, target.tag());
    }

    private static void uploadIfMissing(Blobs blobs, Reference ref, Descriptor descriptor, Body body) {
        boolean exists;
        try {
            exists = blobs.exists(ref, descriptor.digest(), Scopes.pull(ref.repository()));
        } catch (OciException e) {
            throw OciException.wrap("failed to perform \"Exists\" on destination", e);
        }
        if (!exists) {
            try {
                blobs.upload(ref, descriptor, body);
            } catch (OciException e) {
                throw OciException.wrap("failed to perform \"Push\" on destination", e);
            }
        }
    }

    /** Streams a file once to learn its digest and size; the content itself is never held in memory. */
    static Descriptor describe(Path file, String mediaType) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
            return new Descriptor(mediaType, "sha256:" + HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

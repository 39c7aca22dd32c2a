package dev.charter.cli.oci;

import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.cli.provenance.ProvenanceCli;
import dev.charter.oci.OciException;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.ChartResolver;
import dev.charter.oci.chart.PullOptions;
import dev.charter.oci.chart.PulledChart;
import dev.charter.oci.chart.ResolvedChart;
import dev.charter.oci.registry.RegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Resolves an {@code oci://} chart reference for show/template/install: the chart is pulled into
 * Charter's blob cache (printing Helm's Pulled/Digest lines on stderr) and the cached archive is
 * returned. Blobs already cached are not downloaded again.
 */
public final class OciChartLocator {

    private OciChartLocator() {
    }

    /**
     * @param version Helm's {@code --version} (already {@code >0.0.0-0} for {@code --devel})
     * @param verify  Helm's {@code --verify}: also fetch and check the provenance layer
     * @param keyring {@code --keyring}, {@code null} for Helm's default keyring
     */
    public static Path locate(CliContext ctx, String ref, String version, boolean plainHttp, boolean insecureSkipTlsVerify,
                              String caFile, String certFile, String keyFile, String username, String password,
                              boolean verify, String keyring) {
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile);
        try (RegistryClient client = OciSupport.client(ctx, tls, username, password)) {
            ResolvedChart resolved = new ChartResolver(client).resolve(ref, version.strip());
            BlobCache cache = OciSupport.cache(ctx);
            ChartPuller puller = new ChartPuller(client, cache);
            PulledChart chart = puller.pull(resolved.downloadReference(), PullOptions.chartOnly(), null, null, ctx.err()::println);
            ctx.err().flush();
            return verify ? verified(ctx, cache, puller, resolved, chart, keyring) : chart.chart();
        } catch (OciException | OciSupport.StartupFailure e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * What {@code show chart} needs: the metadata from the config blob (cached by digest like every
     * blob), after the same manifest checks and stderr lines as a chart pull — Helm downloads the
     * whole chart for this; Charter fetches a few hundred bytes. Empty when the config carries no
     * metadata (charts pushed by Helm 3.0–3.6 may have {@code {}}); the caller then pulls the chart.
     */
    public static java.util.Optional<dev.charter.chart.ChartMetadata> metadata(CliContext ctx, String ref, String version,
            boolean plainHttp, boolean insecureSkipTlsVerify, String caFile, String certFile, String keyFile,
            String username, String password) {
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile);
        try (RegistryClient client = OciSupport.client(ctx, tls, username, password)) {
            ResolvedChart resolved = new ChartResolver(client).resolve(ref, version.strip());
            ChartPuller puller = new ChartPuller(client, OciSupport.cache(ctx));
            java.util.List<String> lines = new java.util.ArrayList<>();
            PulledChart pulled = puller.pull(resolved.downloadReference(), PullOptions.chartMetadataOnly(), null, null, lines::add);
            java.util.Optional<dev.charter.chart.ChartMetadata> md =
                    dev.charter.chart.loader.ChartLoader.metadataFromConfig(pulled.config());
            if (md.isPresent()) {
                lines.forEach(ctx.err()::println);
                ctx.err().flush();
            }
            return md;
        } catch (OciException | OciSupport.StartupFailure e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * Helm's {@code DownloadTo} with {@code VerifyAlways}: the provenance layer is fetched by a
     * second pull ({@code <ref>.prov}) unless the cache already holds it for this archive (then
     * nothing is printed for it), then the archive is verified under its chart file name —
     * the provenance's checksum list names {@code <name>-<version>.tgz}, so the cached blob is
     * copied next to the {@code .prov} in a private directory first. A successful verification
     * prints nothing for these commands.
     */
    private static Path verified(CliContext ctx, BlobCache cache, ChartPuller puller, ResolvedChart resolved, PulledChart chart,
                                 String keyring) {
        Path provBlob = cache.provenanceFor(chart.chart()).orElse(null);
        if (provBlob == null) {
            try {
                provBlob = puller.pull(resolved.downloadReference(), PullOptions.provOnly(), null, null, ctx.err()::println).provenance();
            } catch (OciException e) {
                throw new CliException("failed to fetch provenance \"" + resolved.url() + ".prov\"", e);
            }
            ctx.err().flush();
            cache.linkProvenance(chart.chart(), provBlob);
        }
        try {
            Path dir = Files.createTempDirectory("charter-verify-");
            Path tgz = dir.resolve(resolved.fileName());
            Path prov = dir.resolve(resolved.fileName() + ".prov");
            Files.copy(chart.chart(), tgz, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(provBlob, prov, StandardCopyOption.REPLACE_EXISTING);
            try {
                ProvenanceCli.verify(ctx, tgz.toString(), prov.toString(), keyring);
            } finally {
                Files.deleteIfExists(tgz);
                Files.deleteIfExists(prov);
                Files.deleteIfExists(dir);
            }
            return chart.chart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.charter.cli.oci;

import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.ChartResolver;
import dev.charter.oci.chart.PullOptions;
import dev.charter.oci.chart.PulledChart;
import dev.charter.oci.chart.ResolvedChart;
import dev.charter.oci.registry.RegistryClient;
import java.nio.file.Path;

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
     */
    public static Path locate(CliContext ctx, String ref, String version, boolean plainHttp, boolean insecureSkipTlsVerify,
                              String caFile, String certFile, String keyFile, String username, String password) {
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile);
        try (RegistryClient client = OciSupport.client(ctx, tls, username, password)) {
            ResolvedChart resolved = new ChartResolver(client).resolve(ref, version.strip());
            PulledChart chart = new ChartPuller(client, OciSupport.cache(ctx))
                    .pull(resolved.downloadReference(), PullOptions.chartOnly(), null, null, ctx.err()::println);
            ctx.err().flush();
            return chart.chart();
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        } catch (OciSupport.StartupFailure e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

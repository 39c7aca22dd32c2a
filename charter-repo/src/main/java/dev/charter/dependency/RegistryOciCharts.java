package dev.charter.dependency;

import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.ChartResolver;
import dev.charter.oci.chart.PullOptions;
import dev.charter.oci.chart.ResolvedChart;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.RegistryClient;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** {@link OciCharts} over the OCI engineers' client: {@link ChartResolver} and {@link ChartPuller}. */
public final class RegistryOciCharts implements OciCharts {

    private final RegistryClient client;
    private final BlobCache cache;

    /** @param cache blob cache or {@code null} */
    public RegistryOciCharts(RegistryClient client, BlobCache cache) {
        this.client = client;
        this.cache = cache;
    }

    @Override
    public List<String> versionTags(String repository) {
        return new ChartResolver(client).versionTags(Reference.parse(repository));
    }

    @Override
    public Path pull(String ociUrl, String version, Path dir, Consumer<String> stderr) {
        ResolvedChart resolved = new ChartResolver(client).resolve(ociUrl, version);
        Path target = dir.resolve(resolved.fileName());
        new ChartPuller(client, cache).pull(resolved.downloadReference(), PullOptions.chartOnly(), target, null, stderr);
        return target;
    }

    @Override
    public void pullProvenance(String ociUrl, String version, Path target, Consumer<String> stderr) {
        ResolvedChart resolved = new ChartResolver(client).resolve(ociUrl, version);
        new ChartPuller(client, cache).pull(resolved.downloadReference(), PullOptions.provOnly(), null, target, stderr);
    }
}

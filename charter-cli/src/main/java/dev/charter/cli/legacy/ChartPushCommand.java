package dev.charter.cli.legacy;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.cli.oci.OciSupport;
import dev.charter.oci.OciException;
import dev.charter.oci.legacy.CachedChart;
import dev.charter.oci.legacy.LegacyChartCache;
import dev.charter.oci.legacy.LegacyFormat;
import dev.charter.oci.legacy.LegacyReference;
import dev.charter.oci.legacy.LegacyRegistry;
import dev.charter.oci.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code charter chart push REF}: upload a cached chart in Helm 3.0–3.6's manifest format. */
@Command(name = "push", description = "push a chart to remote", customSynopsis = "charter chart push [ref] [flags]")
public final class ChartPushCommand extends BaseCommand {

    @Mixin
    RemoteFlags remote;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        LegacySupport.note(ctx(), "push", "charter push NAME-VERSION.tgz oci://"
                + (args.isEmpty() ? "REGISTRY/REPO" : parentOf(args.get(0))));
        try {
            OciSupport.credentials(ctx());
        } catch (OciSupport.StartupFailure e) {
            return OciSupport.startupFailure(ctx(), e);
        }
        requireMinimumArgs(args, 1);
        try {
            LegacyReference ref = LegacyReference.parse(args.get(0));
            LegacyChartCache cache = LegacySupport.cache(ctx());
            CachedChart chart = cache.fetch(ref).orElseThrow(() -> new OciException("Chart not found: " + ref.fullName()));
            ctx().out().println("The push refers to repository [" + ref.repo() + "]");
            LegacySupport.printSummary(ctx(), chart);
            ctx().out().flush();
            int layers;
            try (RegistryClient client = remote.client(ctx())) {
                layers = new LegacyRegistry(client, cache).push(chart);
            }
            ctx().out().println(ref.tag() + ": pushed to remote (" + layers + " layer" + (layers > 1 ? "s" : "") + ", "
                    + LegacyFormat.byteCountBinary(chart.content().size()) + " total)");
            return 0;
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Today's push names the repository above the chart: {@code host/repo/mychart:1} becomes {@code host/repo}. */
    private static String parentOf(String raw) {
        try {
            String repo = LegacyReference.parse(raw).repo();
            int slash = repo.lastIndexOf('/');
            return slash > 0 ? repo.substring(0, slash) : repo;
        } catch (RuntimeException e) {
            return "REGISTRY/REPO";
        }
    }
}

package dev.charter.cli.legacy;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.cli.oci.OciSupport;
import dev.charter.oci.OciException;
import dev.charter.oci.legacy.CachedChart;
import dev.charter.oci.legacy.LegacyChartCache;
import dev.charter.oci.legacy.LegacyReference;
import dev.charter.oci.legacy.LegacyRegistry;
import dev.charter.oci.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code charter chart pull REF}: download a chart (either manifest format) into the local cache. */
@Command(name = "pull", description = "pull a chart from remote", customSynopsis = "charter chart pull [ref] [flags]")
public final class ChartPullCommand extends BaseCommand {

    @Mixin
    RemoteFlags remote;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        LegacySupport.note(ctx(), "pull", "charter pull "
                + (args.isEmpty() ? "oci://REGISTRY/REPO/NAME --version VERSION" : LegacySupport.modernRef(args.get(0))));
        try {
            OciSupport.credentials(ctx());
        } catch (OciSupport.StartupFailure e) {
            return OciSupport.startupFailure(ctx(), e);
        }
        requireMinimumArgs(args, 1);
        try {
            LegacyReference ref = LegacyReference.parse(args.get(0));
            if (ref.tag().isEmpty()) {
                throw new OciException("tag explicitly required");
            }
            LegacyChartCache cache = LegacySupport.cache(ctx());
            Optional<CachedChart> existing = cache.fetch(ref);
            ctx().out().println(ref.tag() + ": Pulling from " + ref.repo());
            ctx().out().flush();
            try (RegistryClient client = remote.client(ctx())) {
                new LegacyRegistry(client, cache).pull(ref);
            }
            CachedChart chart = cache.fetch(ref).orElseThrow(() -> new OciException("Chart not found: " + ref.fullName()));
            LegacySupport.printSummary(ctx(), chart);
            ctx().out().println((existing.isPresent() ? "Status: Chart is up to date for " : "Status: Downloaded newer chart for ")
                    + ref.fullName());
            return 0;
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

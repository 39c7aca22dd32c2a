package dev.charter.cli.repo;

import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.cli.oci.OciSupport;
import dev.charter.dependency.DependencyManager;
import dev.charter.dependency.RegistryOciCharts;
import dev.charter.oci.OciException;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.repo.RepoException;
import java.util.List;

/** Runs {@code dependency update|build} with Helm's registry client settings. */
public final class DependencySupport {

    private DependencySupport() {
    }

    interface Action {
        void run(DependencyManager manager);
    }

    /**
     * {@code package --dependency-update}: Helm runs the dependency manager with its output
     * discarded before packaging; errors still fail the command.
     */
    public static void updateQuietly(CliContext ctx, DependencyFlags flags, String chartPath) {
        run(ctx, flags, List.of(chartPath), DependencyManager::update, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    static int run(CliContext ctx, DependencyFlags flags, List<String> args, Action action) {
        return run(ctx, flags, args, action, ctx.out());
    }

    private static int run(CliContext ctx, DependencyFlags flags, List<String> args, Action action, java.io.PrintStream out) {
        String shown = args.isEmpty() ? "." : RepoSupport.clean(args.get(0));
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(flags.plainHttp, flags.insecure, flags.caFile, flags.certFile, flags.keyFile);
        RegistryClient registryClient;
        try {
            registryClient = OciSupport.client(ctx, tls, flags.username, flags.password);
        } catch (OciSupport.StartupFailure e) {
            throw new CliException("missing registry client: " + e.getMessage(), e);
        }
        try (RegistryClient client = registryClient) {
            BlobCache cache = OciSupport.cache(ctx);
            DependencyManager manager = new DependencyManager(ctx.resolve(shown), shown, ctx.settings().repositoryConfig(),
                    ctx.settings().repositoryCache(), out, ctx.err()::println, new RegistryOciCharts(client, cache),
                    RepoSupport.zone(ctx))
                    .skipUpdate(flags.skipRefresh)
                    .debug(ctx.settings().debug());
            if (flags.verify) {
                // Helm verifies against the keyring but does not print the signer for dependencies
                manager.verify((chart, prov) -> dev.charter.cli.provenance.ProvenanceCli.verify(ctx, chart.toString(),
                        prov.toString(), flags.keyring));
            }
            action.run(manager);
        } catch (RepoException | OciException | dev.charter.chart.ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }

}

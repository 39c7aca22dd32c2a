package dev.charter.cli.repo;

import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.dependency.DependencyManager;
import dev.charter.dependency.RegistryOciCharts;
import dev.charter.oci.OciException;
import dev.charter.oci.auth.Credential;
import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.credentials.HelmCredentials;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.TransportOptions;
import dev.charter.repo.RepoException;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code dependency update|build} with Helm's registry client settings. */
final class DependencySupport {

    private DependencySupport() {
    }

    interface Action {
        void run(DependencyManager manager);
    }

    static int run(CliContext ctx, DependencyFlags flags, List<String> args, Action action) {
        String shown = args.isEmpty() ? "." : RepoSupport.clean(args.get(0));
        if (flags.verify) {
            throw new CliException("--verify is not supported for dependencies yet");
        }
        TransportOptions options = TransportOptions.defaults().withPlainHttp(flags.plainHttp)
                .withTls(flags.insecure, path(ctx, flags.caFile), path(ctx, flags.certFile), path(ctx, flags.keyFile));
        boolean tls = flags.insecure || !flags.caFile.isEmpty() || (!flags.certFile.isEmpty() && !flags.keyFile.isEmpty());
        if (tls) {
            options = options.withPlainHttp(false);
        }
        CredentialProvider provider;
        try {
            provider = !flags.username.isEmpty() && !flags.password.isEmpty()
                    ? CredentialProvider.fixed(Credential.basic(flags.username, flags.password))
                    : HelmCredentials.open(ctx.settings().registryConfig(), ctx.env()).provider();
        } catch (OciException e) {
            throw new CliException("missing registry client: " + e.getMessage(), e);
        }
        try (RegistryClient client = new RegistryClient(options, provider)) {
            BlobCache cache = BlobCache.open(ctx.settings().cacheHome().resolve("oci"));
            DependencyManager manager = new DependencyManager(ctx.resolve(shown), shown, ctx.settings().repositoryConfig(),
                    ctx.settings().repositoryCache(), ctx.out(), ctx.err()::println, new RegistryOciCharts(client, cache),
                    RepoSupport.zone(ctx))
                    .skipUpdate(flags.skipRefresh)
                    .debug(ctx.settings().debug());
            action.run(manager);
        } catch (RepoException | OciException | dev.charter.chart.ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }

    private static Path path(CliContext ctx, String value) {
        return value == null || value.isEmpty() ? null : ctx.resolve(value);
    }
}

package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.mirror.IndexSource;
import dev.charter.mirror.Mirror;
import dev.charter.mirror.OciSource;
import dev.charter.oci.OciException;
import dev.charter.oci.credentials.HelmCredentials;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.TransportOptions;
import dev.charter.repo.HttpGetter;
import dev.charter.repo.RepoEntry;
import dev.charter.repo.RepoException;
import dev.charter.repo.RepoFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code charter mirror SOURCE oci://host/ns} (beyond Helm): copy charts from a classic repository
 * (URL or configured name) or an OCI namespace into an OCI namespace.
 */
@Command(name = "mirror", description = "copy charts from a chart repository or OCI namespace into an OCI namespace",
        customSynopsis = "charter mirror SOURCE oci://HOST/NAMESPACE [flags]")
public final class MirrorCommand extends BaseCommand {

    @Option(names = "--chart", paramLabel = "name", description = "only this chart (repeatable)")
    List<String> charts = new ArrayList<>();

    @Option(names = "--version", paramLabel = "constraint", description = "only versions matching this SemVer constraint")
    String version = "";

    @Option(names = "--since", paramLabel = "date", description = "only versions created at or after this date (YYYY-MM-DD or RFC 3339)")
    String since;

    @Option(names = "--jobs", paramLabel = "int", description = "charts copied in parallel (default 4)")
    int jobs = 4;

    @Option(names = "--dry-run", description = "show what would be copied without copying")
    boolean dryRun;

    @Option(names = "--username", paramLabel = "string", description = "source chart repository username")
    String username = "";

    @Option(names = "--password", paramLabel = "string", description = "source chart repository password")
    String password = "";

    @Option(names = "--pass-credentials", description = "pass credentials to all domains")
    boolean passCredentials;

    @Option(names = "--plain-http", description = "use insecure HTTP connections to the registries")
    boolean plainHttp;

    @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks")
    boolean insecure;

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";

    @Option(names = "--cert-file", paramLabel = "string", description = "identify HTTPS client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify HTTPS client using this SSL key file")
    String keyFile = "";

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        requireExactArgs(args, 2);
        String sourceArg = args.get(0);
        String dest = args.get(1);
        if (!dest.startsWith("oci://")) {
            throw new CliException("destination must be an oci:// namespace, got: " + dest);
        }
        if (jobs < 1) {
            throw new CliException("--jobs must be at least 1");
        }
        TransportOptions options = TransportOptions.defaults().withPlainHttp(plainHttp)
                .withTls(insecure, path(caFile), path(certFile), path(keyFile));
        try (RegistryClient client = new RegistryClient(options,
                HelmCredentials.open(ctx().settings().registryConfig(), ctx().env()).provider())) {
            Mirror.Source source;
            if (sourceArg.startsWith("oci://")) {
                source = new OciSource(client, sourceArg);
            } else if (sourceArg.startsWith("http://") || sourceArg.startsWith("https://")) {
                source = new IndexSource(sourceArg, new HttpGetter.Options(sourceArg, username, password, passCredentials,
                        str(caFile), str(certFile), str(keyFile), insecure), ctx().err()::println);
            } else {
                Optional<RepoEntry> entry = RepoFile.read(ctx().settings().repositoryConfig()).get(sourceArg);
                if (entry.isEmpty()) {
                    throw new CliException("repo " + sourceArg + " not found");
                }
                source = new IndexSource(entry.get().url(), HttpGetter.Options.forEntry(entry.get()), ctx().err()::println);
            }
            Mirror mirror = new Mirror(source, client, dest, RepoSupport.zone(ctx()), ctx().out()::println);
            if (dev.charter.cli.Terminal.interactive(ctx())) {
                mirror.onProgress((done, total) -> {
                    synchronized (ctx().err()) {
                        ctx().err().print(dev.charter.cli.Terminal.bar(done, total, 30) + (done.equals(total) ? "\n" : ""));
                        ctx().err().flush();
                    }
                });
            }
            List<Mirror.Outcome> outcomes = mirror.run(new Mirror.Options(new LinkedHashSet<>(charts), version, since(), jobs, dryRun));
            long copied = count(outcomes, Mirror.Status.COPIED);
            long skipped = count(outcomes, Mirror.Status.SKIPPED);
            long failed = count(outcomes, Mirror.Status.FAILED);
            long planned = count(outcomes, Mirror.Status.PLANNED);
            ctx().out().println(dryRun
                    ? "Dry run: " + planned + " to copy, " + skipped + " skipped"
                    : "Mirror complete: " + copied + " copied, " + skipped + " skipped, " + failed + " failed");
            for (Mirror.Outcome o : outcomes) {
                if (o.status() == Mirror.Status.FAILED) {
                    ctx().out().println("  " + o.name() + " " + o.version() + ": " + o.detail());
                }
            }
            if (failed > 0) {
                throw new CliException(failed + " chart version(s) could not be mirrored");
            }
        } catch (RepoException | OciException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }

    private static long count(List<Mirror.Outcome> outcomes, Mirror.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    private Instant since() {
        if (since == null || since.isEmpty()) {
            return null;
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(RepoSupport.zone(ctx())).toInstant()
                    : OffsetDateTime.parse(since).toInstant();
        } catch (RuntimeException e) {
            throw new CliException("invalid argument \"" + since + "\" for \"--since\" flag: expected YYYY-MM-DD or RFC 3339");
        }
    }

    private Path path(String value) {
        return value == null || value.isEmpty() ? null : ctx().resolve(value);
    }

    private String str(String value) {
        return value == null || value.isEmpty() ? "" : ctx().resolve(value).toString();
    }
}

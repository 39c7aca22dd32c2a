package dev.charter.cli.oci;

import dev.charter.chart.ChartException;
import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.chart.ChartPackage;
import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.ChartPusher;
import dev.charter.oci.chart.PushResult;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.registry.RegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter push CHART.tgz oci://host/path}: Helm v4's {@code helm push}. */
@Command(name = "push", description = "push a chart to remote", customSynopsis = "charter push [chart] [remote] [flags]")
public final class PushCommand extends BaseCommand {

    @Option(names = "--cert-file", paramLabel = "string", description = "identify registry client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify registry client using this SSL key file")
    String keyFile = "";

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";

    @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks for the chart upload")
    boolean insecureSkipTlsVerify;

    @Option(names = "--plain-http", description = "use insecure HTTP connections for the chart upload")
    boolean plainHttp;

    @Option(names = "--username", paramLabel = "string", description = "chart repository username where to locate the requested chart")
    String username = "";

    @Option(names = "--password", paramLabel = "string", description = "chart repository password where to locate the requested chart")
    String password = "";

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        // a broken registry config already failed in Charter.execute, as in Helm v4's start-up
        requireMinimumArgs(args, 2);
        String chartArg = args.get(0);
        String remote = args.get(1);
        GoUrl url = GoUrl.parse(remote);
        if (url.scheme().isEmpty()) {
            throw new CliException("scheme prefix missing from remote (e.g. \"oci://\")");
        }
        if (!url.scheme().equals("oci")) {
            throw new CliException("scheme \"" + url.scheme() + "\" not supported");
        }
        Path archive = ctx().resolve(chartArg);
        if (!Files.exists(archive)) {
            throw new CliException(chartArg + ": no such file");
        }
        if (Files.isDirectory(archive)) {
            throw new CliException("cannot push directory, must provide chart archive (.tgz)");
        }
        ChartPackage chart;
        try {
            chart = ChartPackage.load(archive, chartArg, OciSupport.zone(ctx()));
        } catch (ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile);
        try (RegistryClient client = OciSupport.client(ctx(), tls, username, password)) {
            ChartReference target = ChartPusher.targetFor(GoUrl.escapePath(remote), chart);
            PushResult result = new ChartPusher(client).push(chart, target);
            ChartPuller.summary("Pushed", result.reference(), result.digest()).forEach(ctx().err()::println);
            ctx().err().flush();
            return 0;
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

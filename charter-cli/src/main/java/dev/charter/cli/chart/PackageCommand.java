package dev.charter.cli.chart;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.ChartMetadata;
import dev.charter.chart.Dependency;
import dev.charter.chart.GoPath;
import dev.charter.chart.archive.ChartPackager;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.semver.SemverException;
import dev.charter.semver.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter package CHART_PATH...}: chart directories to versioned archives, as {@code helm package}. */
@Command(name = "package", description = "package a chart directory into a chart archive",
        customSynopsis = "charter package [CHART_PATH] [...] [flags]")
public final class PackageCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Option(names = "--sign", description = "use a PGP private key to sign this package")
    boolean sign;

    @Option(names = "--key", paramLabel = "string", description = "name of the key to use when signing. Used if --sign is true")
    String key = "";

    @Option(names = "--keyring", paramLabel = "string", description = "location of a public keyring")
    String keyring;

    @Option(names = "--passphrase-file", paramLabel = "string", description = "location of a file which contains the passphrase for the signing key. Use \"-\" in order to read from stdin.")
    String passphraseFile = "";

    @Option(names = "--version", paramLabel = "string", description = "set the version on the chart to this semver version")
    String version = "";

    @Option(names = "--app-version", paramLabel = "string", description = "set the appVersion on the chart to this version")
    String appVersion = "";

    @Option(names = {"-d", "--destination"}, paramLabel = "string", description = "location to write the chart. (default \".\")")
    String destination = ".";

    @Option(names = {"-u", "--dependency-update"}, description = "update dependencies from \"Chart.yaml\" to dir \"charts/\" before packaging")
    boolean dependencyUpdate;

    @Option(names = "--username", paramLabel = "string", description = "chart repository username where to locate the requested chart")
    String username = "";

    @Option(names = "--password", paramLabel = "string", description = "chart repository password where to locate the requested chart")
    String password = "";

    @Option(names = "--cert-file", paramLabel = "string", description = "identify HTTPS client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify HTTPS client using this SSL key file")
    String keyFile = "";

    @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks for the chart download")
    boolean insecureSkipTlsVerify;

    @Option(names = "--plain-http", description = "use insecure HTTP connections for the chart download")
    boolean plainHttp;

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";

    @Override
    protected int run() {
        if (args.isEmpty()) {
            throw new CliException("need at least one argument, the path to the chart");
        }
        if (sign) {
            if (key.isEmpty()) {
                throw new CliException("--key is required for signing a package");
            }
            if (keyring != null && keyring.isEmpty()) {
                throw new CliException("--keyring is required for signing a package");
            }
        }
        for (String arg : args) {
            Path path = ctx().resolve(arg);
            if (!Files.exists(path)) {
                throw new CliException("stat " + arg + ": no such file or directory");
            }
            if (dependencyUpdate) {
                dev.charter.cli.repo.DependencySupport.updateQuietly(ctx(), dev.charter.cli.repo.DependencyFlags.forPackage(
                        keyring, username, password, certFile, keyFile, insecureSkipTlsVerify, plainHttp, caFile), path.toString());
            }
            String saved = packageOne(path);
            if (sign) {
                dev.charter.cli.provenance.ProvenanceCli.sign(ctx(), ctx().resolve(saved), keyring, key, passphraseFile);
            }
            ctx().out().println("Successfully packaged chart and saved it to: " + saved);
        }
        return 0;
    }

    private String packageOne(Path path) {
        try {
            String api = ChartLoader.detectApiVersion(path);
            Chart chart = ChartLoader.loadDirectory(path);
            if (ChartMetadata.API_V3.equals(api)) {
                throw new CliException("invalid chart apiVersion");
            }
            if (!version.isEmpty()) {
                chart = chart.withMetadata(chart.metadata().withVersion(version));
            }
            try {
                Version.parse(chart.metadata().version());
            } catch (SemverException e) {
                throw new CliException(e.getMessage());
            }
            if (!appVersion.isEmpty()) {
                chart = chart.withMetadata(chart.metadata().withAppVersion(appVersion));
            }
            checkDependencies(chart);
            Path outDir = destination.equals(".") ? ctx().workingDirectory() : ctx().resolve(destination);
            Path saved;
            try {
                saved = new ChartPackager().save(chart, outDir);
            } catch (ChartException e) {
                throw new CliException("failed to save: " + e.getMessage(), e);
            }
            // Helm prints filepath.Join(destination, file): relative when -d was relative
            return destination.equals(".") ? saved.toString()
                    : GoPath.clean(destination + "/" + saved.getFileName());
        } catch (ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Helm's {@code CheckDependencies}: every dependency in Chart.yaml must be present in charts/. */
    private static void checkDependencies(Chart chart) {
        List<Dependency> reqs = chart.metadata().dependencies();
        if (reqs == null || reqs.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Dependency r : reqs) {
            boolean found = chart.dependencies().stream().anyMatch(d -> d.name().equals(r.name()));
            if (!found) {
                missing.add(r.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new CliException("found in Chart.yaml, but missing in charts/ directory: " + String.join(", ", missing));
        }
    }
}

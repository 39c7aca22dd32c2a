package dev.charter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Helm's chart-path flags ({@code addChartPathOptionsFlags}) as a picocli mixin, and
 * {@link #locate}: Helm's {@code LocateChart} for the sources Charter resolves so far (local
 * directories and archives). Repository and OCI lookups are the extension points below.
 */
public final class ChartPathOptions {

    @Option(names = "--version", paramLabel = "string",
            description = "specify a version constraint for the chart version to use. This constraint can be a specific tag (e.g. 1.1.1) or it may reference a valid range (e.g. ^2.0.0). If this is not specified, the latest version is used")
    public String version = "";

    @Option(names = "--verify", description = "verify the package before using it")
    public boolean verify;

    @Option(names = "--keyring", paramLabel = "string", description = "location of public keys used for verification")
    public String keyring;

    @Option(names = "--repo", paramLabel = "string", description = "chart repository url where to locate the requested chart")
    public String repoUrl = "";

    @Option(names = "--username", paramLabel = "string", description = "chart repository username where to locate the requested chart")
    public String username = "";

    @Option(names = "--password", paramLabel = "string", description = "chart repository password where to locate the requested chart")
    public String password = "";

    @Option(names = "--cert-file", paramLabel = "string", description = "identify HTTPS client using this SSL certificate file")
    public String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify HTTPS client using this SSL key file")
    public String keyFile = "";

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    public String caFile = "";

    @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks for the chart download")
    public boolean insecureSkipTlsVerify;

    @Option(names = "--plain-http", description = "use insecure HTTP connections for the chart download")
    public boolean plainHttp;

    @Option(names = "--pass-credentials", description = "pass credentials to all domains")
    public boolean passCredentials;

    /**
     * For {@code oci://} references without {@code --verify}: the chart's metadata read from the
     * manifest's config blob alone (Helm's stderr lines printed as for a pull, no chart download).
     * Empty for other references, or when the config holds no usable metadata.
     */
    public java.util.Optional<dev.charter.chart.ChartMetadata> ociMetadata(CliContext ctx, String chartRef) {
        String name = chartRef.strip();
        if (!name.startsWith("oci://") || verify) {
            return java.util.Optional.empty();
        }
        return dev.charter.cli.oci.OciChartLocator.metadata(ctx, name, version, plainHttp, insecureSkipTlsVerify,
                caFile, certFile, keyFile, username, password);
    }

    /**
     * Resolves {@code chartRef} to a local chart path like Helm's {@code LocateChart}: an existing
     * path (relative to the working directory) wins; a missing absolute or dot-relative path is
     * {@code path "<ref>" not found}; anything else would be a repository or OCI reference.
     */
    public Path locate(CliContext ctx, String chartRef) {
        String name = chartRef.strip();
        if (name.startsWith("oci://")) {
            // The OCI client pulls into Charter's blob cache and returns the cached archive.
            return dev.charter.cli.oci.OciChartLocator.locate(ctx, name, version, plainHttp, insecureSkipTlsVerify,
                    caFile, certFile, keyFile, username, password, verify, keyring);
        }
        if (repoUrl.isEmpty()) {
            Path p = ctx.resolve(name);
            if (!name.isEmpty() && Files.exists(p)) {
                if (verify) {
                    // Helm's VerifyChart on the local archive; success prints nothing here
                    String abs = p.toAbsolutePath().toString();
                    dev.charter.cli.provenance.ProvenanceCli.verify(ctx, abs, abs + ".prov", keyring);
                }
                return p.toAbsolutePath();
            }
            if (name.startsWith("/") || name.startsWith(".")) {
                throw new CliException("path " + dev.charter.chart.GoQuote.quote(name) + " not found");
            }
        }
        // repo/chart references, chart URLs and --repo: the classic-repository downloader
        return dev.charter.cli.repo.RepoChartLocator.locate(ctx, this, name);
    }
}

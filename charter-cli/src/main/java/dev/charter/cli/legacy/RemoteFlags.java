package dev.charter.cli.legacy;

import dev.charter.cli.CliContext;
import dev.charter.cli.oci.OciSupport;
import dev.charter.oci.registry.RegistryClient;
import picocli.CommandLine.Option;

/**
 * Connection flags of {@code chart push}/{@code chart pull}. Helm 3.0–3.6 had none of these (it
 * guessed from the host); they are today's {@code push}/{@code pull} flags, so the same registries
 * can be reached.
 */
public final class RemoteFlags {

    @Option(names = "--plain-http", description = "use insecure HTTP connections")
    boolean plainHttp;

    @Option(names = {"--insecure-skip-tls-verify", "--insecure"}, description = "skip tls certificate checks")
    boolean insecure;

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";

    @Option(names = "--cert-file", paramLabel = "string", description = "identify registry client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify registry client using this SSL key file")
    String keyFile = "";

    RegistryClient client(CliContext ctx) {
        return OciSupport.client(ctx, new OciSupport.TlsFlags(plainHttp, insecure, caFile, certFile, keyFile), "", "");
    }
}

package dev.charter.cli.repo;

import picocli.CommandLine.Option;

/** Helm's {@code addDependencySubcommandFlags}. */
public final class DependencyFlags {

    /** The flags {@code package --dependency-update} passes on to the dependency manager. */
    public static DependencyFlags forPackage(String keyring, String username, String password, String certFile,
                                             String keyFile, boolean insecure, boolean plainHttp, String caFile) {
        DependencyFlags f = new DependencyFlags();
        f.keyring = keyring;
        f.username = username;
        f.password = password;
        f.certFile = certFile;
        f.keyFile = keyFile;
        f.insecure = insecure;
        f.plainHttp = plainHttp;
        f.caFile = caFile;
        return f;
    }

    @Option(names = "--verify", description = "verify the packages against signatures")
    boolean verify;

    @Option(names = "--keyring", paramLabel = "string", description = "keyring containing public keys (default \"~/.gnupg/pubring.gpg\")")
    String keyring;

    @Option(names = "--skip-refresh", description = "do not refresh the local repository cache")
    boolean skipRefresh;

    @Option(names = "--username", paramLabel = "string", description = "chart repository username where to locate the requested chart")
    String username = "";

    @Option(names = "--password", paramLabel = "string", description = "chart repository password where to locate the requested chart")
    String password = "";

    @Option(names = "--cert-file", paramLabel = "string", description = "identify HTTPS client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify HTTPS client using this SSL key file")
    String keyFile = "";

    @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks for the chart download")
    boolean insecure;

    @Option(names = "--plain-http", description = "use insecure HTTP connections for the chart download")
    boolean plainHttp;

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";
}

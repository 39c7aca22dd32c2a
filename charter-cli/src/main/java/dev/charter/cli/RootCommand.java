package dev.charter.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code charter} root command. Its options are Helm's global flags; they are inherited by
 * every subcommand (like cobra's persistent flags) and written straight into the
 * {@link dev.charter.settings.EnvSettings}, whose defaults come from the HELM_* variables.
 */
@Command(name = "charter",
        description = "The Kubernetes package manager, in Java: Helm-compatible charts and OCI registries.",
        // subcommands: see SUBCOMMANDS, registered lazily by Charter.execute
        subcommands = {})
public final class RootCommand implements Callable<Integer> {

    /**
     * Every top-level command. {@link Charter#execute} registers only the one being invoked (all of
     * them for help, completion and unknown commands): building picocli's model of every command
     * and its options is most of a cold start.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            VersionCommand.class,
            EnvCommand.class,
            CompletionCommand.class,
            RegistryCommand.class,
            dev.charter.cli.chart.CreateCommand.class,
            dev.charter.cli.chart.PackageCommand.class,
            dev.charter.cli.chart.ShowCommand.class,
            dev.charter.cli.oci.PushCommand.class,
            dev.charter.cli.oci.PullCommand.class,
            dev.charter.cli.legacy.ChartCommand.class,
            dev.charter.cli.repo.RepoCommand.class,
            dev.charter.cli.repo.SearchCommand.class,
            dev.charter.cli.repo.DependencyCommand.class,
            dev.charter.cli.repo.MirrorCommand.class,
            dev.charter.cli.provenance.VerifyCommand.class,
            dev.charter.cli.render.TemplateCommand.class,
            dev.charter.cli.kube.ListCommand.class,
            dev.charter.cli.kube.StatusCommand.class,
            dev.charter.cli.kube.HistoryCommand.class,
            dev.charter.cli.kube.GetCommand.class,
            dev.charter.cli.kube.UninstallCommand.class,
            dev.charter.cli.kube.RollbackCommand.class,
            dev.charter.cli.kube.InstallCommand.class,
            dev.charter.cli.kube.UpgradeCommand.class,
            dev.charter.cli.kube.TestCommand.class);

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "help for this command")
    boolean help;

    public RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "enable verbose output")
    void debug(boolean value) { ctx.settings().setDebug(value); }

    @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "string", description = "namespace scope for this request")
    void namespace(String value) { ctx.settings().setNamespace(value); }

    @Option(names = "--kube-context", scope = ScopeType.INHERIT, paramLabel = "string", description = "name of the kubeconfig context to use")
    void kubeContext(String value) { ctx.settings().setKubeContext(value); }

    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "string", description = "path to the kubeconfig file")
    void kubeconfig(String value) { ctx.settings().setKubeConfig(value); }

    @Option(names = "--kube-token", scope = ScopeType.INHERIT, paramLabel = "string", description = "bearer token used for authentication")
    void kubeToken(String value) { ctx.settings().setKubeToken(value); }

    @Option(names = "--kube-apiserver", scope = ScopeType.INHERIT, paramLabel = "string", description = "the address and the port for the Kubernetes API server")
    void kubeApiServer(String value) { ctx.settings().setKubeApiServer(value); }

    @Option(names = "--kube-as-user", scope = ScopeType.INHERIT, paramLabel = "string", description = "username to impersonate for the operation")
    void kubeAsUser(String value) { ctx.settings().setKubeAsUser(value); }

    @Option(names = "--kube-as-group", scope = ScopeType.INHERIT, paramLabel = "stringArray", description = "group to impersonate for the operation, this flag can be repeated to specify multiple groups.")
    void kubeAsGroup(List<String> value) { ctx.settings().setKubeAsGroups(value); }

    @Option(names = "--kube-ca-file", scope = ScopeType.INHERIT, paramLabel = "string", description = "the certificate authority file for the Kubernetes API server connection")
    void kubeCaFile(String value) { ctx.settings().setKubeCaFile(value); }

    @Option(names = "--kube-insecure-skip-tls-verify", scope = ScopeType.INHERIT, description = "if true, the Kubernetes API server's certificate will not be checked for validity")
    void kubeInsecure(boolean value) { ctx.settings().setKubeInsecureSkipTlsVerify(value); }

    @Option(names = "--kube-tls-server-name", scope = ScopeType.INHERIT, paramLabel = "string", description = "server name to use for Kubernetes API server certificate validation")
    void kubeTlsServerName(String value) { ctx.settings().setKubeTlsServerName(value); }

    @Option(names = "--registry-config", scope = ScopeType.INHERIT, paramLabel = "string", description = "path to the registry config file")
    void registryConfig(String value) { ctx.settings().setRegistryConfig(ctx.resolve(value)); }

    @Option(names = "--repository-config", scope = ScopeType.INHERIT, paramLabel = "string", description = "path to the file containing repository names and URLs")
    void repositoryConfig(String value) { ctx.settings().setRepositoryConfig(ctx.resolve(value)); }

    @Option(names = "--repository-cache", scope = ScopeType.INHERIT, paramLabel = "string", description = "path to the directory containing cached repository indexes")
    void repositoryCache(String value) { ctx.settings().setRepositoryCache(ctx.resolve(value)); }

    @Option(names = "--content-cache", scope = ScopeType.INHERIT, paramLabel = "string", description = "path to the directory containing cached content (e.g. charts)")
    void contentCache(String value) { ctx.settings().setContentCache(ctx.resolve(value)); }

    @Option(names = "--burst-limit", scope = ScopeType.INHERIT, paramLabel = "int", description = "client-side default throttling limit (default 100)")
    void burstLimit(int value) { ctx.settings().setBurstLimit(value); }

    @Option(names = "--qps", scope = ScopeType.INHERIT, paramLabel = "float32", description = "queries per second used when communicating with the Kubernetes API, not including bursting")
    void qps(float value) { ctx.settings().setQps(value); }

    @Option(names = {"--color", "--colour"}, scope = ScopeType.INHERIT, paramLabel = "string", description = "use colored output (never, auto, always) (default \"auto\")")
    void color(String value) {
        if (!List.of("never", "auto", "always").contains(value)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "invalid color mode \"" + value + "\": must be one of: never, auto, always");
        }
    }

    /** Where relative paths given to global flags resolve; kept for subcommands that need it. */
    Path workingDirectory() {
        return ctx.workingDirectory();
    }

    @Override
    public Integer call() {
        // Like helm without a subcommand: print the help and succeed.
        spec.commandLine().usage(ctx.out());
        return 0;
    }
}

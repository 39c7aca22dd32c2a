package dev.charter.cli.registry;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.registry.RegistryServer;
import dev.charter.registry.config.RegistryConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code charter registry serve}: runs Charter's OCI registry in the foreground until SIGTERM or
 * Ctrl-C, then drains in-flight requests. Settings come from, in rising precedence: defaults,
 * {@code --config} (Distribution's {@code config.yml}), {@code REGISTRY_*} variables, flags.
 */
@Command(name = "serve", description = "run an OCI registry (Distribution-compatible storage)",
        customSynopsis = "charter registry serve [flags]")
public final class RegistryServeCommand extends BaseCommand {

    @Option(names = "--addr", paramLabel = "string", description = "address to listen on (default \"127.0.0.1:5000\")")
    String addr;

    @Option(names = "--root", paramLabel = "string", description = "storage root directory (default $XDG_DATA_HOME/charter/registry)")
    String root;

    @Option(names = "--config", paramLabel = "string", description = "Distribution-style config.yml")
    String config;

    @Option(names = "--htpasswd", paramLabel = "string", description = "htpasswd file (bcrypt) enabling Basic authentication")
    String htpasswd;

    @Option(names = "--realm", paramLabel = "string", description = "Basic authentication realm")
    String realm;

    @Option(names = "--auth", paramLabel = "string", description = "authentication: none, htpasswd or token (built-in token server)")
    String auth;

    @Option(names = "--token-service", paramLabel = "string", description = "service name in token challenges (default \"charter-registry\")")
    String tokenService;

    @Option(names = "--read-only-anonymous", description = "let clients without credentials pull")
    Boolean anonymousPull;

    @Option(names = "--delete-enabled", description = "allow deleting manifests, tags and blobs")
    Boolean deleteEnabled;

    @Option(names = "--read-only", description = "refuse all writes (maintenance mode)")
    Boolean readOnly;

    @Option(names = "--tls-cert", paramLabel = "string", description = "PEM certificate chain for HTTPS")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "string", description = "PEM private key for HTTPS")
    String tlsKey;

    @Option(names = "--no-access-log", description = "do not log one line per request")
    boolean noAccessLog;

    @Override
    protected int run() throws Exception {
        PrintStream err = ctx().err();
        RegistryServer.Builder builder = RegistryServer.builder().root(RegistryPaths.defaultRoot(ctx().env()));
        RegistryConfig loaded;
        try {
            loaded = RegistryConfig.load(config == null ? null : ctx().resolve(config), ctx().env());
            loaded.applyTo(builder);
            applyFlags(builder);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
        if (!noAccessLog && !loaded.accessLogDisabled()) {
            builder.accessLog(line -> {
                synchronized (err) {
                    err.println(line);
                }
            });
        }
        builder.errorLog(line -> {
            synchronized (err) {
                err.println(line);
            }
        });
        RegistryServer server;
        try {
            server = builder.start();
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new CliException(e.getMessage(), e);
        }
        Thread hook = new Thread(server::close, "charter-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("Charter registry listening on " + server.baseUri() + " (storage " + server.root() + ")");
        err.flush();
        try {
            server.join();
        } catch (InterruptedException e) {
            // in-process callers stop the server by interrupting; join already closed it
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped us
            }
        }
        err.println("Charter registry stopped");
        return 0;
    }

    private void applyFlags(RegistryServer.Builder builder) {
        if (addr != null) {
            builder.addr(addr);
        }
        if (root != null) {
            builder.root(ctx().resolve(root));
        }
        if (htpasswd != null) {
            builder.htpasswd(ctx().resolve(htpasswd));
        }
        if (realm != null) {
            builder.realm(realm);
        }
        if (auth != null) {
            builder.authMode(switch (auth) {
                case "none" -> RegistryServer.AuthMode.NONE;
                case "htpasswd", "basic" -> RegistryServer.AuthMode.HTPASSWD;
                case "token" -> RegistryServer.AuthMode.TOKEN;
                default -> throw new IllegalArgumentException("invalid --auth \"" + auth + "\": must be one of none, htpasswd, token");
            });
        }
        if (tokenService != null) {
            builder.tokenService(tokenService);
        }
        if (anonymousPull != null) {
            builder.anonymousPull(anonymousPull);
        }
        if (deleteEnabled != null) {
            builder.deleteEnabled(deleteEnabled);
        }
        if (readOnly != null) {
            builder.readOnly(readOnly);
        }
        if (tlsCert != null || tlsKey != null) {
            if (tlsCert == null || tlsKey == null) {
                throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
            }
            builder.tls(ctx().resolve(tlsCert), ctx().resolve(tlsKey));
        }
    }

    /** For the gc command: the storage root a flag, config file and variables select, as serve would. */
    static Path rootFrom(String flag, String configFile, java.util.Map<String, String> env,
                         java.util.function.Function<String, Path> resolve) {
        if (flag != null) {
            return resolve.apply(flag);
        }
        RegistryConfig loaded = RegistryConfig.load(configFile == null ? null : resolve.apply(configFile), env);
        return loaded.string("storage", "filesystem", "rootdirectory").map(Path::of).orElse(RegistryPaths.defaultRoot(env));
    }
}

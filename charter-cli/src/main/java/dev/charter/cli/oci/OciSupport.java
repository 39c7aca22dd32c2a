package dev.charter.cli.oci;

import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.auth.Credential;
import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.chart.CreationTime;
import dev.charter.oci.credentials.ConfigFormatException;
import dev.charter.oci.credentials.DockerConfigFile;
import dev.charter.oci.credentials.HelmCredentials;
import dev.charter.oci.reference.GoStrings;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.RequestLog;
import dev.charter.oci.transport.TransportOptions;
import dev.charter.cli.Terminal;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.OptionalInt;

/**
 * Shared wiring of the OCI commands: credentials, transport options and the blob cache, set up as
 * Helm v4's {@code newRegistryClient} does.
 */
public final class OciSupport {

    private OciSupport() {
    }

    /** Thrown when Helm v4 would already have failed at start-up (broken registry config). */
    public static final class StartupFailure extends RuntimeException {
        StartupFailure(String message) {
            super(message);
        }
    }

    /** Helm's credential store; a broken file is Helm v4's start-up failure. */
    public static HelmCredentials credentials(CliContext ctx) {
        try {
            return HelmCredentials.open(ctx.settings().registryConfig(), ctx.env());
        } catch (ConfigFormatException e) {
            throw new StartupFailure(e.getMessage());
        }
    }

    /** Prints Helm v4's start-up failure line and returns exit code 1. */
    public static int startupFailure(CliContext ctx, StartupFailure failure) {
        ctx.err().println("level=WARN msg=\"command failed\" error=" + GoStrings.quote(failure.getMessage()));
        ctx.err().flush();
        return 1;
    }

    /**
     * Helm v4 builds its registry client while constructing the root command, before cobra parses
     * anything: a broken registry config therefore fails every invocation ({@code version},
     * {@code --help}, unknown commands and flags alike). Only {@code --registry-config} is read
     * from the arguments at that point (pflag's lenient pre-parse; the last one wins, {@code --}
     * ends flags). Returns the exit code when the invocation must stop here.
     */
    public static OptionalInt startupCheck(CliContext ctx, String[] args) {
        Path config = ctx.settings().registryConfig();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--registry-config") && i + 1 < args.length) {
                config = ctx.resolve(args[++i]);
            } else if (arg.startsWith("--registry-config=")) {
                config = ctx.resolve(arg.substring("--registry-config=".length()));
            }
        }
        if (!java.nio.file.Files.exists(config)) {
            // no file is fine, and skipping the JSON decoder keeps every command's start-up fast
            return OptionalInt.empty();
        }
        try {
            // only the file is decoded here; credential helpers are looked up when first used
            DockerConfigFile.load(config);
            return OptionalInt.empty();
        } catch (ConfigFormatException e) {
            return OptionalInt.of(startupFailure(ctx, new StartupFailure(e.getMessage())));
        }
    }

    /**
     * Helm's {@code newRegistryClient}: any TLS flag selects the TLS client, which always speaks
     * HTTPS (so {@code --plain-http} is then ignored); {@code --username}/{@code --password} apply to
     * every host but only when both are given.
     */
    public static RegistryClient client(CliContext ctx, TlsFlags flags, String username, String password) {
        TransportOptions options = transport(ctx, flags);
        if (flags.hasTls()) {
            options = options.withPlainHttp(false);
        }
        CredentialProvider provider = !username.isEmpty() && !password.isEmpty()
                ? CredentialProvider.fixed(Credential.basic(username, password))
                : credentials(ctx).provider();
        try {
            return new RegistryClient(options, provider);
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    public static TransportOptions transport(CliContext ctx, TlsFlags flags) {
        return TransportOptions.defaults()
                .withPlainHttp(flags.plainHttp())
                .withTls(flags.insecure(), path(ctx, flags.caFile()), path(ctx, flags.certFile()), path(ctx, flags.keyFile()))
                .withDebugLog(requestLog(ctx))
                .withProgress(Terminal.interactive(ctx) ? new ProgressDisplay(ctx.err()) : null);
    }

    /** One request log (one id sequence, like Helm's process-wide counter) per invocation. */
    private static final Map<CliContext, RequestLog> REQUEST_LOGS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Helm v4's {@code --debug} / {@code HELM_DEBUG} request logging on stderr, or {@code null}. */
    public static RequestLog requestLog(CliContext ctx) {
        if (!ctx.settings().debug()) {
            return null;
        }
        return REQUEST_LOGS.computeIfAbsent(ctx, c -> new RequestLog(line -> {
            synchronized (c.err()) {
                c.err().println(line);
                c.err().flush();
            }
        }));
    }

    private static Path path(CliContext ctx, String value) {
        return value == null || value.isEmpty() ? null : ctx.resolve(value);
    }

    /**
     * Charter's content-addressed blob cache: an OCI image layout at {@code <helm cache home>/oci}
     * (e.g. {@code ~/.cache/helm/oci}).
     */
    public static BlobCache cache(CliContext ctx) {
        return BlobCache.open(ctx.settings().cacheHome().resolve("oci"));
    }

    /** The zone Helm would format local times in, from the invocation's {@code TZ}. */
    public static ZoneId zone(CliContext ctx) {
        return CreationTime.zoneFromTz(ctx.env().get("TZ"));
    }

    /** The TLS-related flags of one command. */
    public record TlsFlags(boolean plainHttp, boolean insecure, String caFile, String certFile, String keyFile) {
        boolean hasTls() {
            return insecure || (caFile != null && !caFile.isEmpty())
                    || (certFile != null && !certFile.isEmpty() && keyFile != null && !keyFile.isEmpty());
        }
    }

    /** slog's text handler quotes a value only when it needs to. */
    static String slogValue(String value) {
        for (char c : value.toCharArray()) {
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
                return GoStrings.quote(value);
            }
        }
        return value.isEmpty() ? "\"\"" : value;
    }
}

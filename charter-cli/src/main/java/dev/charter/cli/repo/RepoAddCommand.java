package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.repo.ChartRepository;
import dev.charter.repo.RepoEntry;
import dev.charter.repo.RepoException;
import dev.charter.repo.RepoFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter repo add NAME URL}: Helm's repo_add.go. */
@Command(name = "add", description = "add a chart repository", customSynopsis = "charter repo add [NAME] [URL] [flags]")
public final class RepoAddCommand extends BaseCommand {

    private static final Map<String, String> DEPRECATED = Map.of(
            "//kubernetes-charts.storage.googleapis.com", "https://charts.helm.sh/stable",
            "//kubernetes-charts-incubator.storage.googleapis.com", "https://charts.helm.sh/incubator");

    @Option(names = "--username", paramLabel = "string", description = "chart repository username")
    String username = "";

    @Option(names = "--password", paramLabel = "string", description = "chart repository password")
    String password = "";

    @Option(names = "--password-stdin", description = "read chart repository password from stdin")
    boolean passwordStdin;

    @Option(names = "--force-update", description = "replace (overwrite) the repo if it already exists")
    boolean forceUpdate;

    @Option(names = "--no-update", description = "Ignored. Formerly, it would disabled forced updates. It is deprecated by force-update.")
    boolean noUpdate;

    @Option(names = "--cert-file", paramLabel = "string", description = "identify HTTPS client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify HTTPS client using this SSL key file")
    String keyFile = "";

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";

    @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks for the repository")
    boolean insecure;

    @Option(names = "--allow-deprecated-repos", description = "by default, this command will not allow adding official repos that have been permanently deleted. This disables that behavior")
    boolean allowDeprecated;

    @Option(names = "--pass-credentials", description = "pass credentials to all domains")
    boolean passCredentials;

    @Option(names = "--timeout", paramLabel = "duration", description = "time to wait for the index file download to complete (default 2m0s)")
    String timeout;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() throws IOException {
        requireExactArgs(args, 2);
        RepoSupport.timeout(timeout); // a bad duration fails before anything is touched, as pflag does
        String name = args.get(0);
        String url = args.get(1);
        if (!allowDeprecated) {
            for (Map.Entry<String, String> e : DEPRECATED.entrySet()) {
                if (url.contains(e.getKey())) {
                    throw new CliException("repo \"" + url + "\" is no longer available; try \"" + e.getValue() + "\" instead");
                }
            }
        }
        Path repoFile = ctx().settings().repositoryConfig();
        Files.createDirectories(repoFile.toAbsolutePath().getParent());
        Path lockPath = RepoFile.lockPath(repoFile);
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            try {
                Files.setPosixFilePermissions(lockPath, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                // best effort
            }
            return add(name, url, repoFile);
        }
    }

    private int add(String name, String url, Path repoFile) throws IOException {
        RepoFile f = RepoFile.read(repoFile);
        if (!username.isEmpty() && password.isEmpty()) {
            if (passwordStdin) {
                String p = new String(ctx().in().readAllBytes(), StandardCharsets.UTF_8);
                if (p.endsWith("\n")) {
                    p = p.substring(0, p.length() - 1);
                }
                if (p.endsWith("\r")) {
                    p = p.substring(0, p.length() - 1);
                }
                password = p;
            } else {
                ctx().out().print("Password: ");
                ctx().out().println();
                throw new CliException("inappropriate ioctl for device");
            }
        }
        RepoEntry entry = new RepoEntry(name, url, username, password, certFile, keyFile, caFile, insecure, passCredentials);
        if (name.contains("/")) {
            throw new CliException("repository name (" + name + ") contains '/', please specify a different name without '/'");
        }
        if (!forceUpdate && f.has(name)) {
            if (!entry.equals(f.get(name).orElseThrow())) {
                throw new CliException("repository name (" + name + ") already exists, please specify a different name");
            }
            ctx().out().println("\"" + name + "\" already exists with the same configuration, skipping");
            return 0;
        }
        try {
            new ChartRepository(entry, ctx().settings().repositoryCache(), RepoSupport.timeout(timeout)).downloadIndexFile(ctx().err()::println);
        } catch (RepoException e) {
            throw new CliException("looks like \"" + url + "\" is not a valid chart repository or cannot be reached: " + e.getMessage(), e);
        }
        f.update(entry);
        f.write(repoFile);
        ctx().out().println("\"" + name + "\" has been added to your repositories");
        return 0;
    }
}

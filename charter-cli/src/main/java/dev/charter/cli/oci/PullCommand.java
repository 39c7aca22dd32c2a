package dev.charter.cli.oci;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.ChartPathOptions;
import dev.charter.cli.CliException;
import dev.charter.cli.provenance.ProvenanceCli;
import dev.charter.oci.OciException;
import dev.charter.oci.chart.ChartPuller;
import dev.charter.oci.chart.ChartResolver;
import dev.charter.oci.chart.PullOptions;
import dev.charter.oci.chart.PulledChart;
import dev.charter.oci.chart.ResolvedChart;
import dev.charter.oci.cache.BlobCache;
import dev.charter.oci.legacy.LegacyChartCache;
import dev.charter.oci.legacy.LegacyReference;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.registry.Descriptor;
import dev.charter.oci.registry.MediaTypes;
import dev.charter.oci.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter pull oci://…}: Helm v4's {@code helm pull} for registry references. */
@Command(name = "pull", aliases = "fetch", description = "download a chart from a repository and (optionally) unpack it in local directory",
        customSynopsis = "charter pull [chart URL | repo/chartname] [...] [flags]")
public final class PullCommand extends BaseCommand {

    @Mixin
    ChartPathOptions chartPath;

    @Option(names = "--devel", description = "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored.")
    boolean devel;

    @Option(names = "--untar", description = "if set to true, will untar the chart after downloading it")
    boolean untar;

    @Option(names = "--untardir", paramLabel = "string", description = "if untar is specified, this flag specifies the name of the directory into which the chart is expanded (default \".\")")
    String untarDir = ".";

    @Option(names = {"-d", "--destination"}, paramLabel = "string", description = "location to write the chart. If this and untardir are specified, untardir is appended to this (default \".\")")
    String destination = ".";

    @Option(names = "--prov", description = "fetch the provenance file, but don't perform verification")
    boolean prov;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() throws IOException {
        requireMinimumArgs(args, 1);
        if (chartPath.version.isEmpty() && devel) {
            chartPath.version = ChartResolver.DEVEL;
        }
        for (String ref : args) {
            pull(ref);
        }
        return 0;
    }

    private void pull(String ref) throws IOException {
        if (!ChartReference.isOci(ref)) {
            GoUrl.parse(ref);
            dev.charter.cli.repo.RepoPull.pull(ctx(), chartPath, ref, destination, untar, untarDir, prov);
            return;
        }
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(chartPath.plainHttp, chartPath.insecureSkipTlsVerify,
                chartPath.caFile, chartPath.certFile, chartPath.keyFile);
        StringBuilder stdout = new StringBuilder();
        try (RegistryClient client = OciSupport.client(ctx(), tls, chartPath.username, chartPath.password)) {
            ResolvedChart resolved = new ChartResolver(client).resolve(ref, chartPath.version);
            ChartPuller puller = new ChartPuller(client, OciSupport.cache(ctx()));
            PulledChart chart = puller.pull(resolved.downloadReference(), PullOptions.chartOnly(), null, null, ctx().err()::println);
            nameInLegacyIndex(resolved, chart);
            Path destDir = ctx().resolve(destination);
            if (chartPath.verify) {
                // Helm writes the archive, then fetches the provenance layer (a second pull) and
                // verifies; a failure leaves the archive on disk (spec C.15).
                String shownDest = joinForDisplay(destination, resolved.fileName());
                Path target = destDir.resolve(resolved.fileName());
                writeAtomically(chart.chart(), target, shownDest);
                Path provFile = target.resolveSibling(target.getFileName() + ".prov");
                try {
                    PulledChart provOnly = puller.pull(resolved.downloadReference(), PullOptions.provOnly(), null, null, ctx().err()::println);
                    writeAtomically(provOnly.provenance(), provFile, provFile.toString());
                } catch (OciException e) {
                    throw new CliException("failed to fetch provenance \"" + resolved.url() + ".prov\"", e);
                }
                stdout.append(ProvenanceCli.verify(ctx(), target.toString(), provFile.toString(), chartPath.keyring).report());
                if (untar) {
                    untar(ref, target);
                }
            } else if (untar) {
                untar(ref, chart.chart());
            } else {
                String shownDest = joinForDisplay(destination, resolved.fileName());
                Path target = destDir.resolve(resolved.fileName());
                writeAtomically(chart.chart(), target, shownDest);
                if (prov) {
                    fetchProvenance(puller, resolved, ref, target, stdout);
                }
            }
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
        ctx().out().print(stdout);
        ctx().out().flush();
    }

    /**
     * Records a pull by tag under its {@code host/repo:tag} name in the cache's {@code index.json},
     * so the Helm 3.0–3.6 style {@code chart list|export} see charts fetched the modern way.
     */
    private void nameInLegacyIndex(ResolvedChart resolved, PulledChart chart) {
        if (!resolved.digest().isEmpty()) {
            return; // digest pulls have no tag to name them by
        }
        BlobCache cache = OciSupport.cache(ctx());
        Path manifest = cache.path(chart.manifestDigest());
        if (!Files.exists(manifest)) {
            return;
        }
        try {
            LegacyReference ref = LegacyReference.parse(resolved.registry() + "/" + resolved.repository() + ":"
                    + ChartReference.versionToTag(resolved.version()));
            new LegacyChartCache(cache).name(ref, new Descriptor(MediaTypes.OCI_MANIFEST, chart.manifestDigest(), Files.size(manifest)));
        } catch (IOException | OciException e) {
            ctx().debug("not recorded in the legacy chart index: " + e.getMessage());
        }
    }

    /** {@code --prov}: a second pull asking only for the provenance layer; its absence is a stdout warning. */
    private void fetchProvenance(ChartPuller puller, ResolvedChart resolved, String ref, Path chartFile, StringBuilder stdout) {
        try {
            Path provFile = chartFile.resolveSibling(chartFile.getFileName() + ".prov");
            PulledChart provOnly = puller.pull(resolved.downloadReference(), PullOptions.provOnly(), null, null, ctx().err()::println);
            writeAtomically(provOnly.provenance(), provFile, provFile.toString());
        } catch (OciException e) {
            stdout.append("WARNING: Verification not found for ").append(ref).append(": ").append(e.getMessage()).append('\n');
        }
    }

    /** Helm's untar checks: refuse an existing {@code <dir>/<last element of the ref>}, else create it, then expand. */
    private void untar(String ref, Path archive) {
        String ud = untarDir;
        if (!Path.of(ud).isAbsolute()) {
            ud = joinForDisplay(destination, ud);
        }
        String lastElement = ref.substring(ref.lastIndexOf('/') + 1);
        String udCheck = ud.equals(".") ? lastElement : joinForDisplay(ud, lastElement);
        Path check = ctx().resolve(udCheck);
        if (Files.exists(check)) {
            throw new CliException("failed to untar: a file or directory with the name " + udCheck + " already exists");
        }
        try {
            Files.createDirectories(check);
        } catch (IOException e) {
            throw new CliException("failed to untar (mkdir): " + e.getMessage(), e);
        }
        ChartExpander.expand(ctx().resolve(ud), archive);
    }

    /** Go's {@code filepath.Join} for the paths Helm prints. */
    private static String joinForDisplay(String dir, String name) {
        String joined = Path.of(dir).resolve(name).normalize().toString();
        return joined.isEmpty() ? "." : joined;
    }

    /**
     * Helm's {@code fileutil.AtomicWriteFile}: a temporary file named {@code <name><random digits>}
     * in the destination directory (which is not created), mode 0644, renamed into place.
     */
    private static void writeAtomically(Path source, Path target, String shownTarget) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        Path temp = target.resolveSibling(target.getFileName() + suffix);
        if (!Files.isDirectory(target.toAbsolutePath().getParent())) {
            throw new CliException("open " + shownTarget + suffix + ": no such file or directory");
        }
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new CliException(e.getMessage(), e);
        }
    }
}

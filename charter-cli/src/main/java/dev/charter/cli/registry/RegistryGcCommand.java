package dev.charter.cli.registry;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.registry.gc.GarbageCollector;
import dev.charter.registry.storage.FilesystemDriver;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code charter registry gc}: deletes blobs no manifest references, like Distribution's
 * {@code registry garbage-collect}, but safe next to a running registry thanks to a grace period.
 */
@Command(name = "gc", description = "delete blobs that no manifest references",
        customSynopsis = "charter registry gc [flags]")
public final class RegistryGcCommand extends BaseCommand {

    @Option(names = "--root", paramLabel = "string", description = "storage root directory (default from --config, REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY, or $XDG_DATA_HOME/charter/registry)")
    String root;

    @Option(names = "--config", paramLabel = "string", description = "Distribution-style config.yml to take the root from")
    String config;

    @Option(names = {"-d", "--dry-run"}, description = "only report what would be deleted")
    boolean dryRun;

    @Option(names = {"-m", "--delete-untagged"}, description = "also delete manifests no tag reaches")
    boolean deleteUntagged;

    @Option(names = "--grace", paramLabel = "duration", description = "keep blobs written within this period, ISO-8601 or e.g. 30m, 2h (default 1h)")
    String grace = "1h";

    @Override
    protected int run() throws Exception {
        Path storage;
        try {
            storage = RegistryServeCommand.rootFrom(root, config, ctx().env(), ctx()::resolve);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
        if (!Files.isDirectory(storage)) {
            throw new CliException("storage root " + storage + " does not exist");
        }
        PrintStream out = ctx().out();
        GarbageCollector collector = new GarbageCollector(new FilesystemDriver(storage), Clock.systemUTC(), out::println);
        GarbageCollector.Report report = collector.run(new GarbageCollector.Options(dryRun, deleteUntagged, parse(grace)));
        out.printf("%s%d blobs marked, %d blobs %s (%d bytes), %d manifests %s, %d blobs kept as too recent%n",
                dryRun ? "dry run: " : "", report.blobsMarked(), report.blobsDeleted(), dryRun ? "eligible for deletion" : "deleted",
                report.bytesFreed(), report.manifestsDeleted(), dryRun ? "eligible for deletion" : "deleted", report.blobsTooYoung());
        return 0;
    }

    static Duration parse(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            long value = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(value);
                case 'm' -> Duration.ofMinutes(value);
                case 'h' -> Duration.ofHours(value);
                case 'd' -> Duration.ofDays(value);
                default -> throw new CliException("invalid --grace \"" + text + "\": use e.g. 0s, 30m, 2h");
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new CliException("invalid --grace \"" + text + "\": use e.g. 0s, 30m, 2h");
        }
    }
}

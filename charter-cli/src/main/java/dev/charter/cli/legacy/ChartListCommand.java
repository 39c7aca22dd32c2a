package dev.charter.cli.legacy;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.legacy.CachedChart;
import dev.charter.oci.legacy.LegacyFormat;
import dev.charter.oci.reference.Digest;
import dev.charter.repo.UiTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code charter chart list}: the named charts of the local cache, sorted by reference. */
@Command(name = "list", aliases = "ls", description = "list all saved charts", customSynopsis = "charter chart list [flags]")
public final class ChartListCommand extends BaseCommand {

    /** Helm's cobra command took no Args check, so extra words were ignored. */
    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        LegacySupport.note(ctx(), "list", "charts live in registries, e.g. charter show chart oci://REGISTRY/REPO/NAME --version VERSION");
        List<CachedChart> charts;
        try {
            charts = LegacySupport.cache(ctx()).list();
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
        UiTable table = new UiTable(60);
        table.addRow("REF", "NAME", "VERSION", "DIGEST", "SIZE", "CREATED");
        Instant now = Instant.now();
        for (CachedChart c : charts) {
            table.addRow(c.ref().fullName(), c.chart().metadata().name(), c.chart().metadata().version(),
                    LegacyFormat.shortDigest(Digest.parse(c.manifest().digest()).encoded()),
                    LegacyFormat.byteCountBinary(c.content().size()),
                    LegacyFormat.humanDuration(Duration.between(c.createdAt(), now)));
        }
        ctx().out().println(table);
        return 0;
    }
}

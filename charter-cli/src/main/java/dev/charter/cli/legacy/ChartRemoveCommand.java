package dev.charter.cli.legacy;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.legacy.LegacyReference;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code charter chart remove REF}: forget a name in the local cache (blobs stay for other users). */
@Command(name = "remove", aliases = "rm", description = "remove a chart", customSynopsis = "charter chart remove [ref] [flags]")
public final class ChartRemoveCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        LegacySupport.note(ctx(), "remove", "nothing to remove; charter pull oci://... writes only the .tgz you ask for");
        requireMinimumArgs(args, 1);
        try {
            LegacyReference ref = LegacyReference.parse(args.get(0));
            if (LegacySupport.cache(ctx()).remove(ref).isEmpty()) {
                throw new OciException("Chart not found: " + ref.fullName());
            }
            ctx().out().println(ref.tag() + ": removed");
            return 0;
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

package dev.charter.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter version}: the build information, in Helm's {@code version.BuildInfo} layout. */
@Command(name = "version", description = "print the client version information", customSynopsis = "charter version [flags]")
public final class VersionCommand extends BaseCommand {

    @Option(names = "--short", description = "print the version number")
    boolean shortForm;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        requireNoArgs(args);
        CharterVersion v = CharterVersion.current();
        if (shortForm) {
            ctx().out().println(v.shortForm());
            return 0;
        }
        ctx().out().println(v.buildInfo());
        return 0;
    }
}

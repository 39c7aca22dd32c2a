package dev.charter.cli.kube;

import dev.charter.kube.release.Release;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "display the status of the named release")
public final class StatusCommand extends KubeCommand {
    @Option(names = "--revision", paramLabel = "int") int revision;
    @Option(names = {"-o", "--output"}, paramLabel = "format") String output = "table";
    @Parameters(hidden = true) List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireExactArgs(args, 1);
        checkFormat(output);
        Release rel = actions().status(args.get(0), revision, output.equals("table"));
        switch (output) {
            case "json" -> json(ctx().out(), releaseModel(rel));
            case "yaml" -> yaml(ctx().out(), releaseModel(rel));
            default -> printStatus(ctx().out(), rel, false, false, false, null);
        }
        return 0;
    }
}

package dev.charter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code charter env}: the effective HELM_* settings, one {@code NAME="value"} per line, like {@code helm env}. */
@Command(name = "env", description = "charter client environment information", customSynopsis = "charter env [flags]")
public final class EnvCommand extends BaseCommand {

    @Parameters(hidden = true, arity = "0..1")
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        String binary = ctx().env().getOrDefault("CHARTER_BIN", "charter");
        Map<String, String> vars = ctx().settings().envVars(binary);
        if (args.size() == 1) {
            // `helm env NAME` prints just that value
            ctx().out().println(vars.getOrDefault(args.get(0), ""));
            return 0;
        }
        vars.forEach((k, v) -> ctx().out().println(k + "=\"" + v + "\""));
        return 0;
    }
}

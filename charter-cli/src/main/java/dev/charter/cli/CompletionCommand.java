package dev.charter.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code charter completion bash|zsh|fish|powershell}: a completion script for the shell. Bash comes
 * from picocli's generator; zsh loads it through bashcompinit; fish and PowerShell scripts are
 * generated here from the same command model, so all four always list the same commands and flags.
 */
@Command(name = "completion", description = "generate autocompletion scripts for the specified shell",
        customSynopsis = "charter completion [bash|zsh|fish|powershell]")
public final class CompletionCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        if (args.isEmpty()) {
            spec.commandLine().usage(ctx().out());
            return 0;
        }
        CommandLine root = spec.root().commandLine();
        String script = switch (args.get(0)) {
            case "bash" -> AutoComplete.bash("charter", root);
            case "zsh" -> "#compdef charter\nautoload -U +X bashcompinit && bashcompinit\n" + AutoComplete.bash("charter", root);
            case "fish" -> fish(root.getCommandSpec());
            case "powershell" -> powershell(root.getCommandSpec());
            default -> throw new CliException("unknown command \"" + args.get(0) + "\" for \"charter completion\"");
        };
        ctx().out().print(script);
        return 0;
    }

    private static String fish(CommandSpec root) {
        StringBuilder b = new StringBuilder("# fish completion for charter\ncomplete -c charter -f\n");
        fishCommand(root, List.of(), b);
        return b.toString();
    }

    private static void fishCommand(CommandSpec spec, List<String> path, StringBuilder b) {
        String condition = path.isEmpty()
                ? "__fish_use_subcommand"
                : "__fish_seen_subcommand_from " + path.get(path.size() - 1);
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            b.append("complete -c charter -n '").append(condition).append("'");
            for (String name : option.names()) {
                b.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
            if (option.arity().max() > 0) {
                b.append(" -r");
            }
            b.append(" -d '").append(escapeSingle(first(option.description()))).append("'\n");
        }
        spec.subcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden() || !sub.getCommandSpec().name().equals(name)) {
                return;
            }
            b.append("complete -c charter -n '").append(condition).append("' -a ").append(name)
                    .append(" -d '").append(escapeSingle(first(sub.getCommandSpec().usageMessage().description()))).append("'\n");
            List<String> next = new ArrayList<>(path);
            next.add(name);
            fishCommand(sub.getCommandSpec(), next, b);
        });
    }

    private static String powershell(CommandSpec root) {
        StringBuilder words = new StringBuilder();
        collect(root, "", words);
        return """
                # powershell completion for charter
                $charterCompletions = @{
                %s}
                Register-ArgumentCompleter -Native -CommandName 'charter' -ScriptBlock {
                    param($wordToComplete, $commandAst, $cursorPosition)
                    $path = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() } | Where-Object { $_ -notlike '-*' -and $_ -ne $wordToComplete }) -join ' '
                    $candidates = $charterCompletions[$path]
                    if ($null -eq $candidates) { return }
                    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                    }
                }
                """.formatted(words);
    }

    private static void collect(CommandSpec spec, String path, StringBuilder b) {
        List<String> candidates = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && sub.getCommandSpec().name().equals(name)) {
                candidates.add(name);
            }
        });
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                candidates.addAll(List.of(option.names()));
            }
        }
        b.append("    '").append(path).append("' = @(");
        for (int i = 0; i < candidates.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(candidates.get(i)).append('\'');
        }
        b.append(")\n");
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && sub.getCommandSpec().name().equals(name)) {
                collect(sub.getCommandSpec(), path.isEmpty() ? name : path + " " + name, b);
            }
        });
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    private static String escapeSingle(String s) {
        return s.replace("'", "\\'");
    }
}

package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.repo.RepoEntry;
import dev.charter.repo.RepoFile;
import dev.charter.repo.UiTable;
import dev.charter.yaml.GoJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter repo list}: Helm's repo_list.go. */
@Command(name = "list", aliases = "ls", description = "list chart repositories")
public final class RepoListCommand extends BaseCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "format", description = "prints the output in the specified format. Allowed values: table, json, yaml (default table)")
    String output = "table";

    @Option(names = "--no-headers", description = "suppress headers in the output")
    boolean noHeaders;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        requireNoArgs(args);
        RepoSupport.Format format = RepoSupport.format(output);
        List<RepoEntry> repos;
        try {
            repos = RepoFile.read(ctx().settings().repositoryConfig()).repositories();
        } catch (RuntimeException e) {
            repos = List.of();
        }
        if (repos.isEmpty() && format == RepoSupport.Format.TABLE) {
            ctx().err().println("no repositories to show");
            return 0;
        }
        switch (format) {
            case TABLE -> {
                UiTable table = new UiTable(0);
                if (!noHeaders) {
                    table.addRow("NAME", "URL");
                }
                repos.forEach(r -> table.addRow(r.name(), r.url()));
                ctx().out().print(table + "\n");
            }
            case JSON, YAML -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (RepoEntry r : repos) {
                    Map<String, Object> m = new GoJsonWriter.Struct();
                    m.put("name", r.name());
                    m.put("url", r.url());
                    rows.add(m);
                }
                ctx().out().print(format == RepoSupport.Format.JSON ? RepoSupport.json(rows) : RepoSupport.yaml(rows));
            }
        }
        return 0;
    }
}

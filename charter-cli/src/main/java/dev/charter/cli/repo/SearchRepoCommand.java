package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.repo.RepoEntry;
import dev.charter.repo.RepoException;
import dev.charter.repo.RepoFile;
import dev.charter.repo.RepoSearch;
import dev.charter.repo.UiTable;
import dev.charter.yaml.GoJsonWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter search repo [keyword]}: Helm's search_repo.go over the cached indexes. */
@Command(name = "repo", description = "search repositories for a keyword in charts",
        customSynopsis = "charter search repo [keyword] [flags]")
public final class SearchRepoCommand extends BaseCommand {

    @Option(names = {"-r", "--regexp"}, description = "use regular expressions for searching repositories you have added")
    boolean regexp;

    @Option(names = {"-l", "--versions"}, description = "show the long listing, with each version of each chart on its own line, for repositories you have added")
    boolean versions;

    @Option(names = "--devel", description = "use development versions (alpha, beta, and release candidate releases), too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored")
    boolean devel;

    @Option(names = "--version", paramLabel = "string", description = "search using semantic versioning constraints on repositories you have added")
    String version = "";

    @Option(names = "--max-col-width", paramLabel = "uint", description = "maximum column width for output table (default 50)")
    int maxColWidth = 50;

    @Option(names = "--fail-on-no-result", description = "search fails if no results are found")
    boolean failOnNoResult;

    @Option(names = {"-o", "--output"}, paramLabel = "format", description = "prints the output in the specified format. Allowed values: table, json, yaml (default table)")
    String output = "table";

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        RepoSupport.Format format = RepoSupport.format(output);
        Path repoFile = ctx().settings().repositoryConfig();
        List<RepoEntry> repos = Files.exists(repoFile) ? RepoFile.read(repoFile).repositories() : List.of();
        if (repos.isEmpty()) {
            throw new CliException("no repositories configured");
        }
        List<RepoSearch.Result> results;
        try {
            RepoSearch index = RepoSearch.load(repos, ctx().settings().repositoryCache(), ctx().err()::println);
            results = index.search(String.join(" ", args), regexp, version, devel, versions);
        } catch (RepoException e) {
            throw new CliException(e.getMessage(), e);
        }
        if (results.isEmpty() && failOnNoResult) {
            throw new CliException("no results found");
        }
        switch (format) {
            case TABLE -> {
                if (results.isEmpty()) {
                    ctx().out().println("No results found");
                    return 0;
                }
                UiTable table = new UiTable(maxColWidth);
                table.addRow("NAME", "CHART VERSION", "APP VERSION", "DESCRIPTION");
                for (RepoSearch.Result r : results) {
                    table.addRow(r.name(), r.chart().version(), r.chart().appVersion(), r.chart().description());
                }
                ctx().out().print(table + "\n");
            }
            case JSON, YAML -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (RepoSearch.Result r : results) {
                    Map<String, Object> m = new GoJsonWriter.Struct();
                    m.put("name", r.name());
                    m.put("version", r.chart().version());
                    m.put("app_version", r.chart().appVersion());
                    m.put("description", r.chart().description());
                    rows.add(m);
                }
                ctx().out().print(format == RepoSupport.Format.JSON ? RepoSupport.json(rows) : RepoSupport.yaml(rows));
            }
        }
        return 0;
    }
}

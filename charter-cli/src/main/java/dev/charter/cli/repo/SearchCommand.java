package dev.charter.cli.repo;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.cli.oci.OciSupport;
import dev.charter.oci.OciException;
import dev.charter.oci.chart.ChartSearch;
import dev.charter.oci.reference.ChartReference;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.repo.UiTable;
import dev.charter.yaml.GoJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code charter search}: Helm's {@code search repo} as a subcommand, plus what Helm cannot do
 * (helm#11000): {@code charter search oci://host/ns/chart} lists a chart's versions in a registry
 * and {@code charter search oci://host/ns} every chart below a namespace (through the registry's
 * catalog), with app version and description read from the small config blobs only.
 */
@Command(name = "search", description = "search for a keyword in charts, or list chart versions in an OCI registry",
        subcommands = SearchRepoCommand.class,
        customSynopsis = "charter search [repo [keyword] | oci://host/namespace[/chart]] [flags]")
public final class SearchCommand extends BaseCommand {

    @Option(names = {"-l", "--versions"}, description = "list every matching version, not only the newest of each chart")
    boolean versions;

    @Option(names = "--devel", description = "include development versions (alpha, beta, and release candidate releases). Equivalent to version '>0.0.0-0'. If --version is set, this is ignored")
    boolean devel;

    @Option(names = "--version", paramLabel = "string", description = "semantic versioning constraint the versions must satisfy")
    String version = "";

    @Option(names = "--max-col-width", paramLabel = "uint", description = "maximum column width for output table (default 50)")
    int maxColWidth = 50;

    @Option(names = {"-o", "--output"}, paramLabel = "format", description = "prints the output in the specified format. Allowed values: table, json, yaml (default table)")
    String output = "table";

    @Option(names = "--plain-http", description = "use insecure HTTP connections for the chart download")
    boolean plainHttp;

    @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks for the chart download")
    boolean insecureSkipTlsVerify;

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";

    @Option(names = "--cert-file", paramLabel = "string", description = "identify HTTPS client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify HTTPS client using this SSL key file")
    String keyFile = "";

    @Option(names = "--username", paramLabel = "string", description = "chart repository username where to locate the requested chart")
    String username = "";

    @Option(names = "--password", paramLabel = "string", description = "chart repository password where to locate the requested chart")
    String password = "";

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        if (args.isEmpty()) {
            spec.commandLine().usage(ctx().out());
            return 0;
        }
        String ref = args.get(0);
        if (!ChartReference.isOci(ref)) {
            throw new CliException("unknown command \"" + ref + "\" for \"" + commandPath() + "\"");
        }
        requireExactArgs(args, 1);
        RepoSupport.Format format = RepoSupport.format(output);
        List<ChartSearch.Result> results;
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(plainHttp, insecureSkipTlsVerify, caFile, certFile, keyFile);
        try (RegistryClient client = OciSupport.client(ctx(), tls, username, password)) {
            results = new ChartSearch(client, OciSupport.cache(ctx())).search(ref, version, devel, versions);
        } catch (OciSupport.StartupFailure e) {
            return OciSupport.startupFailure(ctx(), e);
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
        switch (format) {
            case TABLE -> {
                if (results.isEmpty()) {
                    ctx().out().println("No results found");
                    return 0;
                }
                UiTable table = new UiTable(maxColWidth);
                table.addRow("NAME", "CHART VERSION", "APP VERSION", "DESCRIPTION");
                results.forEach(r -> table.addRow(r.name(), r.version(), r.appVersion(), r.description()));
                ctx().out().print(table + "\n");
            }
            case JSON, YAML -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ChartSearch.Result r : results) {
                    Map<String, Object> m = new GoJsonWriter.Struct();
                    m.put("name", r.name());
                    m.put("version", r.version());
                    m.put("app_version", r.appVersion());
                    m.put("description", r.description());
                    rows.add(m);
                }
                ctx().out().print(format == RepoSupport.Format.JSON ? RepoSupport.json(rows) : RepoSupport.yaml(rows));
            }
        }
        return 0;
    }
}

package dev.charter.cli.kube;

import dev.charter.kube.action.ActionConfig;
import dev.charter.kube.action.ReleaseActions;
import dev.charter.kube.release.Release;
import dev.charter.repo.UiTable;
import dev.charter.yaml.GoJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "list", aliases = "ls", description = "list releases")
public final class ListCommand extends KubeCommand {
    @Option(names = {"-q", "--short"}) boolean shortOut;
    @Option(names = "--no-headers") boolean noHeaders;
    @Option(names = "--time-format", paramLabel = "string") String timeFormat = "";
    @Option(names = {"-d", "--date"}) boolean byDate;
    @Option(names = {"-r", "--reverse"}) boolean reverse;
    @Option(names = "--uninstalled") boolean uninstalled;
    @Option(names = "--superseded") boolean superseded;
    @Option(names = "--uninstalling") boolean uninstalling;
    @Option(names = "--deployed") boolean deployed;
    @Option(names = "--failed") boolean failed;
    @Option(names = "--pending") boolean pending;
    boolean all;
    @Option(names = {"-A", "--all-namespaces"}) boolean allNamespaces;
    @Option(names = {"-m", "--max"}, paramLabel = "int") int max = 256;
    @Option(names = "--offset", paramLabel = "int") int offset;
    @Option(names = {"-f", "--filter"}, paramLabel = "string") String filter = "";
    @Option(names = {"-l", "--selector"}, paramLabel = "string") String selector = "";
    @Option(names = {"-o", "--output"}, paramLabel = "format") String output = "table";
    @Parameters(hidden = true) List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireNoArgs(args);
        checkFormat(output);
        ActionConfig cfg = config(allNamespaces);
        ReleaseActions.ListOptions o = new ReleaseActions.ListOptions();
        o.all = all; o.allNamespaces = allNamespaces; o.byDate = byDate; o.reverse = reverse; o.uninstalled = uninstalled;
        o.superseded = superseded; o.uninstalling = uninstalling; o.deployed = deployed; o.failed = failed; o.pending = pending;
        o.limit = max; o.offset = offset; o.filter = filter; o.selector = selector;
        List<Release> rels = new ReleaseActions(cfg).list(o);
        var out = ctx().out();
        if (shortOut) {
            List<String> names = rels.stream().map(r -> r.name).toList();
            switch (output) {
                case "json" -> json(out, names);
                case "yaml" -> yaml(out, names);
                default -> names.forEach(out::println);
            }
            return 0;
        }
        List<Map<String, Object>> elements = new ArrayList<>();
        for (Release r : rels) {
            Map<String, Object> e = new GoJsonWriter.Struct();
            e.put("name", r.name);
            e.put("namespace", r.namespace);
            e.put("revision", Integer.toString(r.version));
            String t = "-";
            if (r.info.lastDeployed != null) {
                t = timeFormat.isEmpty() ? r.info.lastDeployed.goString() : r.info.lastDeployed.format(timeFormat);
            }
            e.put("updated", t);
            e.put("status", r.info.status);
            e.put("chart", r.formatChartName());
            e.put("app_version", r.formatAppVersion());
            elements.add(e);
        }
        switch (output) {
            case "json" -> json(out, elements);
            case "yaml" -> yaml(out, elements);
            default -> {
                UiTable t = new UiTable(0);
                if (!noHeaders) t.addRow("NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION");
                for (Map<String, Object> e : elements) {
                    t.addRow((String) e.get("name"), (String) e.get("namespace"), (String) e.get("revision"),
                            (String) e.get("updated"), (String) e.get("status"), (String) e.get("chart"), (String) e.get("app_version"));
                }
                out.print(t + "\n");
            }
        }
        return 0;
    }
}

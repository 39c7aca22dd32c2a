package dev.charter.cli.kube;

import dev.charter.kube.release.Release;
import dev.charter.repo.UiTable;
import dev.charter.yaml.GoJsonWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", aliases = "hist", description = "fetch release history")
public final class HistoryCommand extends KubeCommand {
    @Option(names = "--max", paramLabel = "int") int max = 256;
    @Option(names = {"-o", "--output"}, paramLabel = "format") String output = "table";
    @Parameters(hidden = true) List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireExactArgs(args, 1);
        checkFormat(output);
        List<Release> hist = new ArrayList<>(actions().history(args.get(0)));
        hist.sort(Comparator.comparingInt((Release r) -> r.version).reversed());
        List<Release> rels = new ArrayList<>(hist.subList(0, Math.min(hist.size(), max)));
        java.util.Collections.reverse(rels);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Release r : rels) {
            Map<String, Object> e = new GoJsonWriter.Struct();
            e.put("revision", r.version);
            if (r.info.lastDeployed != null) e.put("updated", r.info.lastDeployed.rfc3339Nano());
            e.put("status", r.info.status);
            e.put("chart", r.formatChartName());
            e.put("app_version", r.formatAppVersion());
            e.put("description", r.info.description);
            items.add(e);
        }
        var out = ctx().out();
        switch (output) {
            case "json" -> json(out, items);
            case "yaml" -> yaml(out, items);
            default -> {
                UiTable t = new UiTable(0);
                t.addRow("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION");
                for (Release r : rels) {
                    t.addRow(Integer.toString(r.version),
                            r.info.lastDeployed == null ? "Mon Jan  1 00:00:00 0001" : r.info.lastDeployed.ansic(),
                            r.info.status, r.formatChartName(), r.formatAppVersion(), r.info.description);
                }
                out.print(t + "\n");
            }
        }
        return 0;
    }
}

package dev.charter.cli.kube;

import dev.charter.cli.BaseCommand;
import dev.charter.kube.action.ReleaseActions;
import dev.charter.kube.release.Release;
import dev.charter.yaml.GoJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "download extended information of a named release",
        subcommands = {GetCommand.All.class, GetCommand.Values.class, GetCommand.Manifest.class, GetCommand.Notes.class,
            GetCommand.Hooks.class, GetCommand.Metadata.class})
public final class GetCommand extends BaseCommand {
    @Override
    protected int run() {
        spec.commandLine().usage(ctx().out());
        return 0;
    }

    abstract static class One extends KubeCommand {
        @Option(names = "--revision", paramLabel = "int") int revision;
        @Parameters(hidden = true) List<String> args = new ArrayList<>();

        Release release() {
            requireExactArgs(args, 1);
            return actions().get(args.get(0), revision);
        }
    }

    @Command(name = "all", description = "download all information for a named release")
    public static final class All extends One {
        @Option(names = "--template", paramLabel = "string") String template = "";

        @Override
        protected int execute() {
            Release r = release();
            if (!template.isEmpty()) {
                // Helm's tpl: plain text/template (no Sprig) over {"Release": *release.Release}
                Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("Release", dev.charter.kube.release.ReleaseStruct.of(r));
                try {
                    dev.charter.template.Template.named("_").parse(template).execute(data, ctx().out());
                } catch (dev.charter.template.TemplateException e) {
                    throw new dev.charter.cli.CliException(e.getMessage(), e);
                }
                return 0;
            }
            printStatus(ctx().out(), r, true, true, false, ReleaseActions.computedValues(r));
            return 0;
        }
    }

    @Command(name = "values", description = "download the values file for a named release")
    public static final class Values extends One {
        @Option(names = {"-a", "--all"}) boolean all;
        @Option(names = {"-o", "--output"}, paramLabel = "format") String output = "table";

        @Override
        protected int execute() {
            checkFormat(output);
            Release r = release();
            Map<String, Object> vals = all ? ReleaseActions.computedValues(r) : r.config;
            switch (output) {
                case "json" -> json(ctx().out(), vals);
                case "yaml" -> yaml(ctx().out(), vals);
                default -> {
                    ctx().out().println(all ? "COMPUTED VALUES:" : "USER-SUPPLIED VALUES:");
                    yaml(ctx().out(), vals);
                }
            }
            return 0;
        }
    }

    @Command(name = "manifest", description = "download the manifest for a named release")
    public static final class Manifest extends One {
        @Override
        protected int execute() {
            ctx().out().print(release().manifest + "\n");
            return 0;
        }
    }

    @Command(name = "notes", description = "download the notes for a named release")
    public static final class Notes extends One {
        @Override
        protected int execute() {
            Release r = release();
            if (!r.info.notes.isEmpty()) ctx().out().print("NOTES:\n" + r.info.notes + "\n");
            return 0;
        }
    }

    @Command(name = "hooks", description = "download all hooks for a named release")
    public static final class Hooks extends One {
        @Override
        protected int execute() {
            StringBuilder b = new StringBuilder();
            for (var h : release().hooks) b.append("---\n# Source: ").append(h.path).append('\n').append(h.manifest).append('\n');
            ctx().out().print(b);
            return 0;
        }
    }

    @Command(name = "metadata", description = "This command fetches metadata for a given release")
    public static final class Metadata extends One {
        @Option(names = {"-o", "--output"}, paramLabel = "format") String output = "table";

        @Override
        @SuppressWarnings("unchecked")
        protected int execute() {
            checkFormat(output);
            Release r = release();
            Map<String, Object> md = r.chartMetadata() == null ? Map.of() : r.chartMetadata();
            Map<String, String> anns = md.get("annotations") instanceof Map<?, ?> a ? new TreeMap<>((Map<String, String>) a) : null;
            List<Object> deps = md.get("dependencies") instanceof List<?> l ? (List<Object>) l : null;
            Map<String, String> labels = r.labels == null || r.labels.isEmpty() ? null : new TreeMap<>(r.labels);
            String deployedAt = r.info.lastDeployed == null ? "0001-01-01T00:00:00Z" : r.info.lastDeployed.rfc3339();
            Map<String, Object> m = new GoJsonWriter.Struct();
            m.put("name", r.name);
            m.put("chart", r.chartName());
            m.put("version", r.chartVersion());
            m.put("appVersion", r.appVersion());
            if (anns != null && !anns.isEmpty()) m.put("annotations", anns);
            if (labels != null) m.put("labels", labels);
            if (deps != null && !deps.isEmpty()) m.put("dependencies", deps);
            m.put("namespace", r.namespace);
            m.put("revision", r.version);
            m.put("status", r.info.status);
            m.put("deployedAt", deployedAt);
            if (!r.applyMethod.isEmpty()) m.put("applyMethod", r.applyMethod);
            switch (output) {
                case "json" -> json(ctx().out(), m);
                case "yaml" -> yaml(ctx().out(), m);
                default -> {
                    TreeSet<String> depNames = new TreeSet<>();
                    if (deps != null) for (Object d : deps) if (d instanceof Map<?, ?> dm) depNames.add(String.valueOf(dm.get("name")));
                    String method = switch (r.applyMethod) {
                        case "" -> "client-side apply (defaulted)";
                        case "csa" -> "client-side apply";
                        case "ssa" -> "server-side apply";
                        default -> "unknown (\"" + r.applyMethod + "\")";
                    };
                    StringBuilder b = new StringBuilder();
                    b.append("NAME: ").append(r.name).append('\n');
                    b.append("CHART: ").append(r.chartName()).append('\n');
                    b.append("VERSION: ").append(r.chartVersion()).append('\n');
                    b.append("APP_VERSION: ").append(r.appVersion()).append('\n');
                    b.append("ANNOTATIONS: ").append(labelString(anns)).append('\n');
                    b.append("LABELS: ").append(labelString(labels)).append('\n');
                    b.append("DEPENDENCIES: ").append(String.join(",", depNames)).append('\n');
                    b.append("NAMESPACE: ").append(r.namespace).append('\n');
                    b.append("REVISION: ").append(r.version).append('\n');
                    b.append("STATUS: ").append(r.info.status).append('\n');
                    b.append("DEPLOYED_AT: ").append(deployedAt).append('\n');
                    b.append("APPLY_METHOD: ").append(method).append('\n');
                    ctx().out().print(b);
                }
            }
            return 0;
        }

        private static String labelString(Map<String, String> m) {
            if (m == null) return "";
            StringBuilder b = new StringBuilder();
            new TreeMap<>(m).forEach((k, v) -> {
                if (b.length() > 0) b.append(',');
                b.append(k).append('=').append(v);
            });
            return b.toString();
        }
    }
}

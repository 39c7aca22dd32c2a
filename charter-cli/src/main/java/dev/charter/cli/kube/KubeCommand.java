package dev.charter.cli.kube;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.kube.KubeOptions;
import dev.charter.kube.action.ActionConfig;
import dev.charter.kube.action.ReleaseActions;
import dev.charter.kube.release.Release;
import dev.charter.yaml.GoJsonWriter;
import dev.charter.yaml.GoYaml;
import java.io.PrintStream;
import java.time.ZoneId;
import picocli.CommandLine;

/** Base of the release commands: the action configuration from Helm's flags, HELM_DRIVER and TZ. */
public abstract class KubeCommand extends BaseCommand {

    private ActionConfig config;

    protected boolean namespaceExplicit() {
        for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) {
            CommandLine.ParseResult pr = c.getParseResult();
            if (pr != null && (pr.hasMatchedOption("--namespace") || pr.hasMatchedOption("-n"))) return true;
        }
        return false;
    }

    protected ActionConfig config(boolean allNamespaces) {
        if (config == null) {
            KubeOptions o = KubeOptions.from(ctx().settings(), namespaceExplicit());
            String driver = ctx().env().getOrDefault("HELM_DRIVER", "");
            config = ActionConfig.init(o, driver, allNamespaces);
            String tz = ctx().env().get("TZ");
            if (tz != null && !tz.isEmpty()) {
                try {
                    config.zone(ZoneId.of(tz));
                } catch (RuntimeException ignored) {
                    // keep the system zone
                }
            }
            config.warn(ctx()::warn);
            config.log(ctx().err()::println);
        }
        return config;
    }

    protected ReleaseActions actions() {
        return new ReleaseActions(config(false));
    }

    @Override
    protected final int run() throws Exception {
        try {
            return execute();
        } catch (dev.charter.kube.storage.MemoryDriverData.Fatal e) {
            // Helm's log.Fatal during start-up: one INFO log line, no "Error:"
            ctx().err().println("level=INFO msg=" + dev.charter.chart.GoQuote.quote(e.getMessage()));
            return 1;
        } catch (RuntimeException e) {
            if (e instanceof CliException) throw e;
            throw new CliException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            if (config != null) config.close();
        }
    }

    protected abstract int execute() throws Exception;

    /** Helm's {@code -o} formats. */
    protected static String checkFormat(String f) {
        if (!f.equals("table") && !f.equals("json") && !f.equals("yaml")) {
            throw new CliException("invalid argument \"" + f + "\" for \"-o, --output\" flag: invalid format type");
        }
        return f;
    }

    /** {@code json.Encoder.Encode}: compact JSON and a newline. */
    protected static void json(PrintStream out, Object model) {
        out.print(GoJsonWriter.write(model));
        out.print('\n');
    }

    protected static void yaml(PrintStream out, Object model) {
        out.print(GoYaml.marshal(model));
    }

    /** Helm's statusPrinter table form. */
    protected static void printStatus(PrintStream out, Release rel, boolean debug, boolean showMetadata, boolean hideNotes,
                                      java.util.Map<String, Object> computed) {
        StringBuilder b = new StringBuilder();
        b.append("NAME: ").append(rel.name).append('\n');
        if (rel.info.lastDeployed != null) b.append("LAST DEPLOYED: ").append(rel.info.lastDeployed.ansic()).append('\n');
        b.append("NAMESPACE: ").append(rel.namespace).append('\n');
        b.append("STATUS: ").append(rel.info.status).append('\n');
        b.append("REVISION: ").append(rel.version).append('\n');
        if (showMetadata) {
            b.append("CHART: ").append(rel.chartName()).append('\n');
            b.append("VERSION: ").append(rel.chartVersion()).append('\n');
            b.append("APP_VERSION: ").append(rel.appVersion()).append('\n');
        }
        b.append("DESCRIPTION: ").append(rel.info.description).append('\n');
        if (rel.info.resources != null && !rel.info.resources.isEmpty()) {
            b.append("RESOURCES:\n").append(ResourceTables.render(rel.info.resources)).append('\n');
        }
        boolean anyTest = false;
        StringBuilder tests = new StringBuilder();
        for (var h : rel.hooks) {
            if (!h.events.contains("test")) continue;
            anyTest = true;
            if (h.startedAt == null) continue;
            tests.append("TEST SUITE:     ").append(h.name).append('\n')
                    .append("Last Started:   ").append(h.startedAt.ansic()).append('\n')
                    .append("Last Completed: ").append(h.completedAt == null ? "Mon Jan  1 00:00:00 0001" : h.completedAt.ansic()).append('\n')
                    .append("Phase:          ").append(h.phase).append('\n');
        }
        if (!anyTest) b.append("TEST SUITE: None\n"); else b.append(tests);
        if (debug) {
            b.append("USER-SUPPLIED VALUES:\n");
            b.append(GoYaml.marshal(rel.config == null ? null : rel.config));
            b.append('\n');
            b.append("COMPUTED VALUES:\n");
            b.append(GoYaml.marshal(computed));
            b.append('\n');
        }
        if (rel.info.description.equalsIgnoreCase("Dry run complete") || debug) {
            b.append("HOOKS:\n");
            for (var h : rel.hooks) b.append("---\n# Source: ").append(h.path).append('\n').append(h.manifest).append('\n');
            b.append("MANIFEST:\n").append(rel.manifest).append('\n');
        }
        if (!hideNotes && !rel.info.notes.isEmpty()) {
            b.append("NOTES:\n").append(rel.info.notes.strip()).append('\n');
        }
        out.print(b);
    }

    /** The release as {@code -o json|yaml} of status/install/upgrade write it (chart dropped). */
    protected static java.util.Map<String, Object> releaseModel(Release rel) {
        Release c = rel.copy();
        c.chart = null;
        return c.toJsonModel();
    }
}

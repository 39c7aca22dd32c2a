package dev.charter.cli.kube;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.chart.render.RenderException;
import dev.charter.chart.render.Renderer;
import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.kube.action.ReleaseActions;
import dev.charter.sprig.SprigFunctions;
import dev.charter.template.Template;
import dev.charter.template.TemplateException;
import java.nio.file.Path;
import java.util.List;

/** What install and upgrade share: chart loading and checks, dry-run and wait flags, name resolution. */
final class ChartInstallSupport {

    private ChartInstallSupport() {
    }

    /** Helm's {@code cmdGetDryRunFlagStrategy} (null flag = not given). */
    static ReleaseActions.DryRun dryRun(CliContext ctx, String v) {
        if (v == null || v.equals("none")) return ReleaseActions.DryRun.NONE;
        switch (v) {
            case "unset" -> {
                ctx.warn("--dry-run is deprecated and should be replaced with '--dry-run=client'");
                return ReleaseActions.DryRun.CLIENT;
            }
            case "client" -> {
                return ReleaseActions.DryRun.CLIENT;
            }
            case "server" -> {
                return ReleaseActions.DryRun.SERVER;
            }
            default -> { }
        }
        Boolean b = switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> null;
        };
        if (b == null) {
            throw new CliException("invalid dry-run value (" + dev.charter.template.text.Strconv.quote(v)
                    + "). Must be \"none\", \"server\", or \"client\"");
        }
        ReleaseActions.DryRun r = b ? ReleaseActions.DryRun.CLIENT : ReleaseActions.DryRun.NONE;
        ctx.warn("boolean '--dry-run=" + v + "' flag is deprecated and must be replaced with '--dry-run="
                + (b ? "client" : "none") + "'");
        return r;
    }

    /** Helm's {@code waitValue.Set}. */
    static String waitStrategy(CliContext ctx, String v) {
        if (v == null) return "hookOnly";
        return switch (v) {
            case "watcher", "legacy", "hookOnly" -> v;
            case "true" -> {
                ctx.warn("--wait=true is deprecated (boolean value) and can be replaced with --wait=watcher");
                yield "watcher";
            }
            case "false" -> {
                ctx.warn("--wait=false is deprecated (boolean value) and can be replaced with --wait=hookOnly");
                yield "hookOnly";
            }
            default -> throw new CliException("invalid argument \"" + v + "\" for \"--wait\" flag: invalid wait input \""
                    + v + "\". Valid inputs are watcher, hookOnly, and legacy");
        };
    }

    /** Helm's {@code NameAndChart}. */
    static String[] nameAndChart(List<String> args, boolean generateName, String nameTemplate) {
        if (args.size() > 2) {
            throw new CliException("expected at most two arguments, unexpected arguments: "
                    + String.join(", ", args.subList(2, args.size())));
        }
        if (args.size() == 2) {
            if (generateName) throw new CliException("cannot set --generate-name and also specify a name");
            if (!nameTemplate.isEmpty()) throw new CliException("cannot set --name-template and also specify a name");
            return new String[] {args.get(0), args.get(1)};
        }
        if (!nameTemplate.isEmpty()) {
            try {
                Template t = Template.named("name-template").funcs(SprigFunctions.registry()).parse(nameTemplate);
                return new String[] {t.executeToString(null), args.get(0)};
            } catch (TemplateException e) {
                throw new CliException(e.getMessage(), e);
            }
        }
        if (!generateName) throw new CliException("must either provide a name or specify --generate-name");
        String base = dev.charter.chart.GoPath.base(args.get(0));
        if (base.equals(".") || base.isEmpty()) base = "chart";
        int dot = base.indexOf('.');
        if (dot >= 0) base = base.substring(0, dot);
        return new String[] {base + "-" + (System.currentTimeMillis() / 1000), args.get(0)};
    }

    /** Loads the chart and runs Helm's installability, deprecation and dependency checks. */
    static Chart load(CliContext ctx, Path cp, boolean installCheck, String depsHint) {
        Chart chart;
        try {
            chart = ChartLoader.load(cp, cp.toString());
        } catch (ChartException e) {
            throw new CliException(e.getMessage(), e);
        }
        if (installCheck) {
            String type = chart.metadata().type();
            if (!type.isEmpty() && !type.equals("application")) throw new CliException(type + " charts are not installable");
            if (chart.metadata().deprecated()) ctx.warn("this chart is deprecated");
        }
        if (chart.metadata().dependencies() != null && !chart.metadata().dependencies().isEmpty()) {
            try {
                Renderer.checkDependencies(chart);
            } catch (RenderException e) {
                throw new CliException("an error occurred while checking for chart dependencies. You may need to run "
                        + depsHint + " to fetch missing dependencies: " + e.getMessage());
            }
        }
        if (!installCheck && chart.metadata().deprecated()) ctx.warn("this chart is deprecated");
        return chart;
    }

    /** Prints Helm's ERROR log line for failures Helm logs before returning them. */
    static void logged(CliContext ctx, RuntimeException e) {
        if (e instanceof ReleaseActions.ActionException ae && ae.logged() != null) {
            String msg = ae.logged();
            if (msg.equals("release name check failed") && ae.getCause() != null) {
                ctx.err().println("level=ERROR msg=" + dev.charter.template.text.Strconv.quote(msg) + " error="
                        + dev.charter.template.text.Strconv.quote(ae.getCause().getMessage()));
            } else {
                ctx.err().println("level=ERROR msg=" + dev.charter.template.text.Strconv.quote(msg));
            }
        }
    }
}

package dev.charter.chart.render;

import dev.charter.chart.ChartFile;
import dev.charter.chart.GoPath;
import dev.charter.chart.values.ChartNode;
import dev.charter.chart.values.Values;
import dev.charter.template.Template;
import dev.charter.template.TemplateException;
import dev.charter.template.TemplateExecException;
import dev.charter.template.TemplateParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helm's {@code pkg/engine}: renders every template of a chart tree with scoped values. */
public final class Engine {

    private final HelmFunctions.Options options;

    public Engine(HelmFunctions.Options options) {
        this.options = options;
    }

    private record Renderable(String tpl, Map<String, Object> vals, String basePath) {}

    /**
     * Renders all templates; {@code values} is the top-level map (Chart, Capabilities, Release,
     * Values). Returns the output of every non-partial template by its full name.
     */
    public Map<String, String> render(ChartNode chart, Map<String, Object> values) {
        Map<String, Renderable> tpls = new LinkedHashMap<>();
        recAllTpls(chart, tpls, values);
        return render(tpls);
    }

    private Map<String, Object> recAllTpls(ChartNode c, Map<String, Renderable> templates, Map<String, Object> vals) {
        Map<String, Object> subCharts = new LinkedHashMap<>();
        Map<String, Object> meta = c.metadataMap();
        meta.put("IsRoot", c.isRoot());
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("Chart", meta);
        next.put("Files", Files.of(c.files()));
        next.put("Release", vals.get("Release"));
        next.put("Capabilities", vals.get("Capabilities"));
        next.put("Values", new LinkedHashMap<String, Object>());
        next.put("Subcharts", subCharts);
        if (c.isRoot()) {
            next.put("Values", vals.get("Values"));
        } else {
            Map<String, Object> vs = Values.table(vals, "Values." + c.name());
            if (vs != null) {
                next.put("Values", vs);
            }
        }
        for (ChartNode child : c.children()) {
            subCharts.put(child.name(), recAllTpls(child, templates, next));
        }
        String parentId = c.fullPath();
        for (ChartFile t : c.templates()) {
            if (c.isLibrary() && !GoPath.base(t.name()).startsWith("_")) {
                continue;
            }
            templates.put(GoPath.clean(parentId + "/" + t.name()), new Renderable(t.text(), next,
                    GoPath.clean(parentId + "/" + "templates")));
        }
        return next;
    }

    private Map<String, String> render(Map<String, Renderable> tpls) {
        Template t = Template.named(HelmFunctions.ROOT);
        t.option(options.strict() ? "missingkey=error" : "missingkey=zero");
        t.funcs(HelmFunctions.registry(options));
        List<String> keys = sortTemplates(tpls);
        for (String filename : keys) {
            try {
                t.newTemplate(filename).parse(tpls.get(filename).tpl());
            } catch (TemplateParseException e) {
                throw new RenderException(cleanupParseError(filename, e.getMessage()), e);
            }
        }
        Map<String, String> rendered = new TreeMap<>();
        for (String filename : keys) {
            if (GoPath.base(filename).startsWith("_")) {
                continue;
            }
            Renderable r = tpls.get(filename);
            Map<String, Object> tplInfo = new LinkedHashMap<>();
            tplInfo.put("Name", filename);
            tplInfo.put("BasePath", r.basePath());
            r.vals().put("Template", tplInfo);
            StringBuilder buf = new StringBuilder();
            try {
                t.execute(filename, r.vals(), buf);
            } catch (TemplateExecException e) {
                throw new RenderException(reformatExecErrorMsg(filename, e), e);
            } catch (TemplateException e) {
                throw new RenderException(e.getMessage(), e);
            } catch (StackOverflowError e) {
                throw new RenderException("rendering template failed: runtime error: stack overflow", null);
            }
            rendered.put(filename, buf.toString().replace("<no value>", ""));
        }
        return rendered;
    }

    /** Deepest paths first; among equals, reverse lexical order (Helm's sort.Reverse(byPathLen)). */
    static List<String> sortTemplates(Map<String, ?> tpls) {
        List<String> keys = new ArrayList<>(tpls.keySet());
        keys.sort((a, b) -> {
            long ca = a.chars().filter(ch -> ch == '/').count();
            long cb = b.chars().filter(ch -> ch == '/').count();
            if (ca != cb) {
                return Long.compare(cb, ca);
            }
            return b.compareTo(a);
        });
        return keys;
    }

    static String cleanupParseError(String filename, String err) {
        String[] tokens = err.split(": ", -1);
        if (tokens.length == 1) {
            return "parse error in (" + filename + "): " + err;
        }
        return "parse error at (" + tokens[1] + "): " + tokens[tokens.length - 1];
    }

    private static final Pattern WARN = Pattern.compile(HelmFunctions.WARN_START + "((?s).*)" + HelmFunctions.WARN_END);

    private record Traceable(String location, String message, String executedFunction) {
        String string() {
            StringBuilder b = new StringBuilder();
            if (!location.isEmpty()) {
                b.append(location).append("\n  ");
            }
            if (!executedFunction.isEmpty()) {
                b.append(executedFunction).append("\n    ");
            }
            if (!message.isEmpty()) {
                b.append(message).append('\n');
            }
            return b.toString();
        }
    }

    static String reformatExecErrorMsg(String filename, TemplateExecException err) {
        String msg = err.getMessage();
        String[] tokens = msg.split(": ", 3);
        if (tokens.length != 3) {
            return "execution error in (" + filename + "): " + msg;
        }
        String location = tokens[1];
        Matcher m = WARN.matcher(tokens[2]);
        if (m.find()) {
            return "execution error at (" + location + "): " + m.group(1);
        }
        List<Traceable> locs = new ArrayList<>();
        Throwable current = err;
        while (current != null) {
            Traceable tr = parseExecError(String.valueOf(current.getMessage()));
            if (tr == null) {
                return msg;
            }
            if (tr.message().startsWith("error calling ") && current.getCause() == null) {
                // Go unwraps into the function's own (non-template) error
                return msg;
            }
            if (locs.isEmpty() || !Objects.equals(locs.get(locs.size() - 1), tr)) {
                locs.add(tr);
            }
            current = current.getCause();
        }
        StringBuilder b = new StringBuilder();
        for (Traceable t : locs) {
            b.append(t.string());
        }
        return b.toString().strip();
    }

    private static Traceable parseExecError(String s) {
        String prefix = "template: ";
        if (!s.startsWith(prefix)) {
            return null;
        }
        String remainder = s.substring(prefix.length());
        if (remainder.startsWith("no template ")) {
            return new Traceable("", s, "");
        }
        int idx = remainder.indexOf(": executing ");
        if (idx >= 0) {
            String templateName = remainder.substring(0, idx);
            String after = remainder.substring(idx + ": executing ".length());
            if (!after.isEmpty() && after.charAt(0) == '"') {
                int endQuote = after.indexOf('"', 1);
                if (endQuote >= 0) {
                    String functionName = after.substring(1, endQuote);
                    String afterFunc = after.substring(endQuote + 1);
                    if (afterFunc.startsWith(" at <")) {
                        String afterAt = afterFunc.substring(5);
                        int endLoc = afterAt.indexOf(">: ");
                        if (endLoc >= 0) {
                            String locationName = afterAt.substring(0, endLoc);
                            String errMsg = afterAt.substring(endLoc + 3);
                            int cut = errMsg.indexOf(" template:");
                            if (cut >= 0) {
                                errMsg = errMsg.substring(0, cut);
                            }
                            return new Traceable(templateName, errMsg,
                                    "executing \"" + functionName + "\" at <" + locationName + ">:");
                        }
                    }
                }
            }
        }
        int sep = remainder.lastIndexOf(": ");
        if (sep >= 0) {
            String templateName = remainder.substring(0, sep);
            String errMsg = remainder.substring(sep + 2);
            int cut = errMsg.indexOf(" template:");
            if (cut >= 0) {
                errMsg = errMsg.substring(0, cut);
            }
            return new Traceable(templateName, errMsg, "");
        }
        return null;
    }
}

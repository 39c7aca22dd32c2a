package dev.charter.template;

import dev.charter.template.exec.DeepStack;
import dev.charter.template.exec.Executor;
import dev.charter.template.parse.Tree;
import dev.charter.template.text.Strconv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named template in a set of associated templates, Go's {@code *template.Template}. All
 * templates created from one another ({@link #newTemplate}, {@link #lookup}, defined with
 * {@code {{define}}}) share the set, its functions and options; parsing more text adds to the set.
 *
 * <pre>{@code
 * Template t = Template.named("x").funcs(registry).option("missingkey=zero").parse(text);
 * t.parse(moreText);                    // more definitions in the same set
 * t.execute("other", data, out);        // Go's ExecuteTemplate
 * }</pre>
 *
 * Parsing and execution are thread-safe with respect to each other only in Go's sense: parse
 * first, then execute from any number of threads.
 */
public final class Template {
    /** What a map lookup of a missing key yields, Go's {@code missingkey} option. */
    public enum MissingKey { INVALID, ZERO, ERROR }

    /** State shared by every template of a set, Go's {@code common}. */
    private static final class Common {
        final Map<String, Tree> trees = new LinkedHashMap<>();
        final FunctionRegistry funcs = new FunctionRegistry();
        MissingKey missingKey = MissingKey.INVALID;
        ExecutionLimits limits = ExecutionLimits.NONE;
    }

    private final String name;
    private final Common common;
    private final String leftDelim;
    private final String rightDelim;

    private Template(String name, Common common, String leftDelim, String rightDelim) {
        this.name = Objects.requireNonNull(name, "name");
        this.common = common;
        this.leftDelim = leftDelim;
        this.rightDelim = rightDelim;
    }

    /** Go's {@code template.New(name)}: a new, empty set holding one (not yet parsed) template. */
    public static Template named(String name) {
        return new Template(name, new Common(), "", "");
    }

    public String name() {
        return name;
    }

    /** Go's {@code t.New(name)}: another template in the same set, with the same delimiters. */
    public Template newTemplate(String name) {
        return new Template(name, common, leftDelim, rightDelim);
    }

    /** Go's {@code Funcs}: adds functions to the set. Must happen before parsing text that uses them. */
    public Template funcs(FunctionRegistry registry) {
        common.funcs.registerAll(registry);
        return this;
    }

    /** Go's {@code Delims}; empty strings mean the defaults {@code {{ }}}. Returns a view with them. */
    public Template delims(String left, String right) {
        return new Template(name, common, left == null ? "" : left, right == null ? "" : right);
    }

    /**
     * Go's {@code Option}: {@code missingkey=default|invalid|zero|error}.
     *
     * @throws IllegalArgumentException for an unknown option, as Go panics
     */
    public Template option(String... options) {
        for (String opt : options) {
            if (opt.isEmpty()) {
                throw new IllegalArgumentException("empty option string");
            }
            int eq = opt.indexOf('=');
            if (eq >= 0 && opt.substring(0, eq).equals("missingkey")) {
                switch (opt.substring(eq + 1)) {
                    case "invalid", "default" -> common.missingKey = MissingKey.INVALID;
                    case "zero" -> common.missingKey = MissingKey.ZERO;
                    case "error" -> common.missingKey = MissingKey.ERROR;
                    default -> throw new IllegalArgumentException("unrecognized option: " + opt);
                }
                continue;
            }
            throw new IllegalArgumentException("unrecognized option: " + opt);
        }
        return this;
    }

    /** Resource limits for execution (not a Go feature; Go has none). Shared by the set. */
    public Template limits(ExecutionLimits limits) {
        common.limits = Objects.requireNonNull(limits);
        return this;
    }

    public ExecutionLimits limits() {
        return common.limits;
    }

    public MissingKey missingKey() {
        return common.missingKey;
    }

    public FunctionRegistry functions() {
        return common.funcs;
    }

    /**
     * Go's {@code Parse}: parses {@code text} as the body of this template and adds every template
     * it defines to the set. A later definition replaces an earlier one, except that an empty
     * (whitespace and comments only) definition never replaces a non-empty one.
     *
     * @throws TemplateParseException with Go's message, e.g. {@code template: x:1: unexpected EOF}
     */
    public Template parse(String text) {
        Map<String, Tree> trees = DeepStack.run(() -> Tree.parse(name, text, leftDelim, rightDelim,
                fn -> common.funcs.contains(fn) || Executor.isBuiltin(fn), false));
        synchronized (common) {
            for (Tree tree : trees.values()) {
                addParseTree(tree);
            }
        }
        return this;
    }

    private void addParseTree(Tree tree) {
        Tree old = common.trees.get(tree.name());
        if (old != null && Tree.isEmptyTree(tree.root()) && old.root() != null) {
            return;
        }
        common.trees.put(tree.name(), tree);
    }

    /** Go's {@code Lookup}: the template of that name in this set, or null. */
    public Template lookup(String templateName) {
        synchronized (common) {
            return common.trees.containsKey(templateName) ? newTemplate(templateName) : null;
        }
    }

    /** The parse tree of this template, or null when it has not been parsed. */
    public Tree tree() {
        synchronized (common) {
            return common.trees.get(name);
        }
    }

    /** Names of all templates in the set. */
    public Set<String> templateNames() {
        synchronized (common) {
            return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(common.trees.keySet()));
        }
    }

    /**
     * Go's {@code DefinedTemplates}: {@code "; defined templates are: "a", "b"} or the empty string
     * (Go lists in map order; this lists in definition order).
     */
    public String definedTemplates() {
        StringBuilder b = new StringBuilder();
        synchronized (common) {
            for (Map.Entry<String, Tree> e : common.trees.entrySet()) {
                if (e.getValue().root() == null) {
                    continue;
                }
                b.append(b.isEmpty() ? "; defined templates are: " : ", ").append(Strconv.quote(e.getKey()));
            }
        }
        return b.toString();
    }

    /** Go's {@code Clone}: a copy of the set that can be extended without affecting this one. */
    public Template copy() {
        Common c = new Common();
        synchronized (common) {
            c.trees.putAll(common.trees);
            c.funcs.registerAll(common.funcs);
            c.missingKey = common.missingKey;
            c.limits = common.limits;
        }
        return new Template(name, c, leftDelim, rightDelim);
    }

    /** Go's {@code Execute}: runs this template with {@code data} as dot. */
    public void execute(Object data, Appendable out) {
        Tree tree = tree();
        DeepStack.run(() -> {
            Executor.execute(this, tree, data, out);
            return null;
        });
    }

    /**
     * Go's {@code ExecuteTemplate}: runs the named template of this set.
     *
     * @throws TemplateException {@code template: no template "x" associated with template "y"} or
     *     an execution error
     */
    public void execute(String templateName, Object data, Appendable out) {
        Template t = lookup(templateName);
        if (t == null) {
            throw new TemplateExecException(name, "template: no template " + Strconv.quote(templateName)
                    + " associated with template " + Strconv.quote(name), null);
        }
        t.execute(data, out);
    }

    /** Runs the named template and returns its output. */
    public String executeToString(String templateName, Object data) {
        StringBuilder sb = new StringBuilder();
        execute(templateName, data, sb);
        return sb.toString();
    }

    /** Runs this template and returns its output. */
    public String executeToString(Object data) {
        StringBuilder sb = new StringBuilder();
        execute(data, sb);
        return sb.toString();
    }

    /** Writes to an Appendable, turning I/O failures into unchecked exceptions. */
    static void append(Appendable out, CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>(templateNames());
        return "Template[" + name + ", set=" + names + "]";
    }
}

package dev.charter.chart.loader;

import dev.charter.chart.ChartException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .helmignore} rules with Helm's exact semantics ({@code pkg/ignore}): Go
 * {@code filepath.Match} globs, no {@code **}, a leading {@code /} anchors, patterns without
 * {@code /} match the base name, a trailing {@code /} only matches directories, {@code !} negates.
 * Quirk kept on purpose: a negated rule that does <em>not</em> match ignores the path (and a
 * negated directory-only rule ignores every file), so "!x" alone ignores everything except x.
 */
public final class HelmIgnore {

    public static final String FILE_NAME = ".helmignore";

    private record Rule(String raw, String glob, Kind kind, boolean negate, boolean mustDir) {
    }

    private enum Kind { ANCHORED, PATH, BASENAME }

    private final List<Rule> rules = new ArrayList<>();

    /** Parses the file's lines; a malformed rule fails with Helm's message. */
    public static HelmIgnore parse(byte[] content) {
        HelmIgnore h = new HelmIgnore();
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // bufio.Scanner lines: split on \n, drop a trailing \r
        for (String line : text.split("\n", -1)) {
            h.add(line);
        }
        return h;
    }

    public static HelmIgnore empty() {
        return new HelmIgnore();
    }

    /** Helm's implicit rule: dotfiles under templates/ are never templates. */
    public HelmIgnore withDefaults() {
        add("templates/.?*");
        return this;
    }

    private void add(String line) {
        String rule = line.strip();
        if (rule.isEmpty() || rule.startsWith("#")) {
            return;
        }
        if (rule.contains("**")) {
            throw new ChartException("double-star (**) syntax is not supported");
        }
        try {
            GoGlob.match(rule, "abc");
        } catch (GoGlob.BadPatternException e) {
            throw new ChartException(e.getMessage());
        }
        String raw = rule;
        boolean negate = false;
        boolean mustDir = false;
        if (rule.startsWith("!")) {
            negate = true;
            rule = rule.substring(1);
        }
        if (rule.endsWith("/")) {
            mustDir = true;
            rule = rule.substring(0, rule.length() - 1);
        }
        Kind kind;
        if (rule.startsWith("/")) {
            kind = Kind.ANCHORED;
            rule = rule.substring(1);
        } else if (rule.contains("/")) {
            kind = Kind.PATH;
        } else {
            kind = Kind.BASENAME;
        }
        rules.add(new Rule(raw, rule, kind, negate, mustDir));
    }

    /** Whether the chart-relative path (with {@code /}) is ignored. */
    public boolean ignore(String path, boolean isDir) {
        if (path.isEmpty() || path.equals(".") || path.equals("./")) {
            return false;
        }
        for (Rule r : rules) {
            if (r.negate) {
                if (r.mustDir && !isDir) {
                    return true;
                }
                if (!matches(r, path)) {
                    return true;
                }
                continue;
            }
            if (r.mustDir && !isDir) {
                continue;
            }
            if (matches(r, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Rule r, String path) {
        String subject = r.kind == Kind.BASENAME ? dev.charter.chart.GoPath.base(path) : path;
        try {
            return GoGlob.match(r.glob, subject);
        } catch (GoGlob.BadPatternException e) {
            return false;
        }
    }
}

package dev.charter.repo;

import dev.charter.semver.Constraint;
import dev.charter.semver.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Helm's {@code search repo}: cmd/search_repo.go over cmd/search's index. */
public final class RepoSearch {

    /** One hit: {@code repo/chart} and the version found. */
    public record Result(String name, int score, ChartVersion chart) {
    }

    private static final int THRESHOLD = 25;

    private record Line(String name, String text, ChartVersion chart) {
    }

    private final java.util.Map<String, Line> lines = new java.util.LinkedHashMap<>();

    /** Loads every repository's cached index (corrupt or missing ones produce Helm's warnings). */
    public static RepoSearch load(List<RepoEntry> repos, Path cache, Consumer<String> warnings) {
        RepoSearch s = new RepoSearch();
        for (RepoEntry e : repos) {
            IndexFile index;
            try {
                index = IndexFile.loadFile(ChartRepository.indexFile(cache, e.name()), warnings);
            } catch (RepoException ex) {
                warnings.accept(Slog.warn("repo is corrupt or missing", "repo", e.name(), "error", ex.getMessage()));
                continue;
            }
            s.add(e.name(), index);
        }
        return s;
    }

    /** Adds every version (Helm always indexes all versions since the version default became {@code >0.0.0}). */
    public void add(String repoName, IndexFile index) {
        index.entries().forEach((name, versions) -> {
            String fname = repoName + "/" + name;
            for (ChartVersion v : versions) {
                String text = v.name() + "\u000b" + repoName + "/" + v.name() + "\u000b" + v.description() + "\u000b"
                        + String.join(" ", v.keywords());
                lines.put(fname + "$$" + v.version(), new Line(fname, text, v));
            }
        });
    }

    /** Helm's {@code calcScore}: the index of the field ({@code \v}-separated) the match starts in. */
    private static int score(int index, String line) {
        int field = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\u000b') {
                if (index <= i) {
                    return field;
                }
                field++;
            }
        }
        return field;
    }

    /**
     * @param keyword empty lists all; else a literal (case-insensitive) or, with {@code regexp}, a pattern
     * @param version constraint; empty means {@code >0.0.0} ({@code >0.0.0-0} with devel)
     * @param all     every matching version instead of the newest per chart
     */
    public List<Result> search(String keyword, boolean regexp, String version, boolean devel, boolean all) {
        List<Result> res = new ArrayList<>();
        if (keyword == null || keyword.isEmpty()) {
            lines.values().forEach(l -> res.add(new Result(l.name, 0, l.chart)));
        } else if (regexp) {
            com.google.re2j.Pattern p;
            try {
                p = com.google.re2j.Pattern.compile(keyword);
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw new RepoException(e.getMessage(), e);
            }
            for (Line l : lines.values()) {
                var m = p.matcher(l.text);
                if (m.find()) {
                    int score = score(m.start(), l.text);
                    if (score < THRESHOLD) {
                        res.add(new Result(l.name, score, l.chart));
                    }
                }
            }
        } else {
            String term = keyword.toLowerCase(Locale.ROOT);
            for (Line l : lines.values()) {
                String lower = l.text.toLowerCase(Locale.ROOT);
                int i = lower.indexOf(term);
                if (i >= 0) {
                    int score = score(i, lower);
                    if (score < THRESHOLD) {
                        res.add(new Result(l.name, score, l.chart));
                    }
                }
            }
        }
        res.sort((a, b) -> {
            if (a.score != b.score) {
                return Integer.compare(a.score, b.score);
            }
            if (a.name.equals(b.name)) {
                Optional<Version> va = a.chart.semver();
                Optional<Version> vb = b.chart.semver();
                if (va.isEmpty() || vb.isEmpty()) {
                    return 0;
                }
                return vb.get().compareTo(va.get());
            }
            return a.name.compareTo(b.name);
        });
        String v = version == null || version.isEmpty() ? (devel ? ">0.0.0-0" : ">0.0.0") : version;
        Constraint constraint;
        try {
            constraint = Constraint.parse(v);
        } catch (dev.charter.semver.SemverException e) {
            throw new RepoException("an invalid version/constraint format: " + e.getMessage(), e);
        }
        List<Result> data = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (Result r : res) {
            if (!all && found.contains(r.name)) {
                continue;
            }
            Optional<Version> sv = r.chart.semver();
            if (sv.isPresent() && constraint.check(sv.get())) {
                data.add(r);
                found.add(r.name);
            }
        }
        return data;
    }
}

package dev.charter.dependency;

import dev.charter.chart.Chart;
import dev.charter.chart.Dependency;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.semver.Constraint;
import dev.charter.semver.Version;
import dev.charter.repo.UiTable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Helm's {@code action.Dependency.List}: the dependency table with statuses and stray-chart warnings. */
public final class DependencyList {

    private DependencyList() {
    }

    /**
     * @param chartPath the chart (directory or archive)
     * @param shown     the path as Helm prints it ({@code filepath.Clean} of the argument)
     */
    public static String render(Path chartPath, String shown, int maxColWidth) {
        Chart c = ChartLoader.load(chartPath, shown);
        StringBuilder out = new StringBuilder();
        if (c.metadata().dependencies() == null) {
            out.append("WARNING: no dependencies at ").append(join(shown, "charts")).append('\n');
            return out.toString();
        }
        UiTable table = new UiTable(maxColWidth);
        table.addRow("NAME", "VERSION", "REPOSITORY", "STATUS");
        for (Dependency d : c.metadata().dependencies()) {
            table.addRow(d.name(), d.version(), d.repository(), status(chartPath, d, c));
        }
        out.append(table).append('\n').append('\n');
        Path charts = chartPath.resolve("charts");
        for (Path f : list(charts)) {
            if (!Files.isDirectory(f) && !f.getFileName().toString().endsWith(".tgz")) {
                continue;
            }
            String fs = join(shown, "charts/" + f.getFileName());
            Chart sub;
            try {
                sub = ChartLoader.load(f);
            } catch (RuntimeException e) {
                out.append("WARNING: \"").append(fs).append("\" is not a chart.\n");
                continue;
            }
            boolean found = c.metadata().dependencies().stream().anyMatch(d -> d.name().equals(sub.name()));
            if (!found) {
                out.append("WARNING: \"").append(fs).append("\" is not in Chart.yaml.\n");
            }
        }
        return out.toString();
    }

    private static String join(String a, String b) {
        String j = Path.of(a).resolve(b).normalize().toString();
        return j.isEmpty() ? "." : j;
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    static String status(Path chartPath, Dependency dep, Chart parent) {
        List<Path> archives = new ArrayList<>();
        Path charts = chartPath.resolve("charts");
        if (Files.isDirectory(charts)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(charts, globEscape(dep.name()) + "-*.tgz")) {
                s.forEach(archives::add);
            } catch (IOException | RuntimeException e) {
                return "bad pattern";
            }
        }
        archives.sort(Comparator.comparing(Path::toString));
        if (archives.size() > 1) {
            List<Path> found = new ArrayList<>();
            for (Path arc : archives) {
                String name = arc.getFileName().toString();
                String maybe = name.substring(0, name.length() - 4).substring(dep.name().length() + 1);
                if (Version.tryParseStrict(maybe).isPresent()) {
                    found.add(arc);
                }
            }
            if (found.size() == 1) {
                String r = statArchive(found.get(0), dep);
                if (r != null) {
                    return r;
                }
            } else if (found.size() > 1) {
                return "too many matches";
            }
        } else if (archives.size() == 1) {
            String r = statArchive(archives.get(0), dep);
            if (r != null) {
                return r;
            }
        }
        Chart depChart = null;
        for (Chart item : parent.dependencies()) {
            if (item.name().equals(dep.name())) {
                depChart = item;
            }
        }
        if (depChart == null) {
            return "missing";
        }
        String v = versionStatus(depChart.metadata().version(), dep.version());
        return v != null ? v : "unpacked";
    }

    private static String globEscape(String s) {
        return s.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    private static String statArchive(Path archive, Dependency dep) {
        if (!Files.exists(archive)) {
            return null;
        }
        Chart c;
        try {
            c = ChartLoader.load(archive);
        } catch (RuntimeException e) {
            return "corrupt";
        }
        if (!c.name().equals(dep.name())) {
            return "misnamed";
        }
        String v = versionStatus(c.metadata().version(), dep.version());
        return v != null ? v : "ok";
    }

    private static String versionStatus(String actual, String wanted) {
        if (actual.equals(wanted)) {
            return null;
        }
        Constraint constraint;
        try {
            constraint = Constraint.parse(wanted == null ? "" : wanted);
        } catch (dev.charter.semver.SemverException e) {
            return "invalid version";
        }
        Optional<Version> v = Version.tryParse(actual);
        if (v.isEmpty()) {
            return "invalid version";
        }
        return constraint.check(v.get()) ? null : "wrong version";
    }
}

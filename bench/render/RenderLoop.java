import dev.charter.chart.Chart;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.chart.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The library side of bench/render: loads and renders every corpus chart (no user values, release
 * "x", namespace "default") N times after a warm-up, in one JVM, and prints the mean time per render.
 * Charts that fail to render (the must-fail corpus entries) are reported and skipped. Loading is
 * inside the loop because `helm template` pays for it on every run too.
 *
 * Usage: java -cp 'charter-cli/target/charter-cli.jar:charter-cli/target/lib/*' RenderLoop.java CORPUS N
 */
public final class RenderLoop {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Path> charts;
        try (Stream<Path> s = Files.list(corpus)) {
            charts = s.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml"))).sorted().toList();
        }
        System.out.printf("%-12s %12s%n", "chart", "ms/render");
        double total = 0;
        int ok = 0;
        for (Path dir : charts) {
            try {
                render(dir);
            } catch (Exception e) {
                System.out.printf("%-12s %12s%n", dir.getFileName(), "fails (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            for (int i = 0; i < Math.max(n / 2, 20); i++) { // warm-up
                render(dir);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                render(dir);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / n;
            total += ms;
            ok++;
            System.out.printf("%-12s %12.3f%n", dir.getFileName(), ms);
        }
        System.out.printf("%-12s %12.3f  (mean over %d charts)%n", "MEAN", total / ok, ok);
    }

    static void render(Path dir) throws Exception {
        Chart chart = ChartLoader.load(dir, dir.toString());
        Renderer.checkDependencies(chart);
        Renderer.render(chart, Map.of(), Renderer.Options.defaults("x", "default"));
    }
}

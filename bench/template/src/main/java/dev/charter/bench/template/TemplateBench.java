package dev.charter.bench.template;

import dev.charter.chart.Chart;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.chart.render.HelmFunctions;
import dev.charter.chart.render.RenderResult;
import dev.charter.chart.render.Renderer;
import dev.charter.template.FunctionRegistry;
import dev.charter.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse, execute and full render of a generated {@code helm create}-style chart (gen-chart.py):
 * {@code chart} names its directory. The templates are parsed into one template set as Helm's engine
 * does (every file under its chart path, helpers included), then every non-helper template is executed
 * against the values Helm's renderer builds. {@code render} is the whole of {@code helm template}
 * inside the JVM: dependencies, values, parse, execute, manifest sorting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TemplateBench {
    @Param("target/chart-50")
    public String chart;

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> pages = new ArrayList<>();
    private FunctionRegistry funcs;
    private Template parsed;
    private Map<String, Object> data;
    private Chart loaded;

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of(chart);
        Path templates = dir.resolve("templates");
        try (Stream<Path> files = Files.list(templates)) {
            for (Path f : files.sorted().toList()) {
                String name = "big/templates/" + f.getFileName();
                sources.put(name, Files.readString(f));
                if (!f.getFileName().toString().startsWith("_")) {
                    pages.add(name);
                }
            }
        }
        funcs = HelmFunctions.registry(HelmFunctions.Options.DEFAULT);
        parsed = parse();
        loaded = ChartLoader.load(dir);
        RenderResult r = Renderer.render(loaded, new LinkedHashMap<>(), options());
        data = new LinkedHashMap<>(r.values());
        data.put("Template", Map.of("Name", "big/templates/x.yaml", "BasePath", "big/templates"));
        if (r.manifests().size() < pages.size() * 4 / 5) {
            throw new IllegalStateException("chart renders only " + r.manifests().size() + " manifests");
        }
    }

    private static Renderer.Options options() {
        return Renderer.Options.defaults("r", "default");
    }

    private Template parse() {
        Template t = Template.named("gotpl").option("missingkey=zero").funcs(funcs);
        for (Map.Entry<String, String> e : sources.entrySet()) {
            t.newTemplate(e.getKey()).parse(e.getValue());
        }
        return t;
    }

    /** Lexing and parsing all templates (~50 files plus _helpers.tpl) into one set. */
    @Benchmark
    public Template parseAll() {
        return parse();
    }

    /** Executing every page of an already parsed set, includes and Sprig calls included. */
    @Benchmark
    public void executeAll(Blackhole bh) {
        for (String page : pages) {
            bh.consume(parsed.executeToString(page, data));
        }
    }

    /** Everything {@code helm template} does after loading the chart, in process. */
    @Benchmark
    public RenderResult renderChart() {
        return Renderer.render(loaded, new LinkedHashMap<>(), options());
    }
}

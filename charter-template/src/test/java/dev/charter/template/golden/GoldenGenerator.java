package dev.charter.template.golden;

import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Regenerates the golden files from real Go (Helm v4.1.4, Go 1.25) — run from the module directory:
 *
 * <pre>
 * cd charter-template
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *      dev.charter.template.golden.GoldenGenerator     (see src/test/golden/generate.sh)
 * </pre>
 *
 * Each case becomes a one-off chart: the case template is the partial {@code templates/_t}, and
 * {@code templates/out.yaml} renders it with {@code include} and base64-encodes the result, so that
 * Helm's post-processing (its {@code <no value>} removal, YAML checks) never touches Go's output.
 * The data is echoed back as JSON, as Go saw it. Helm renders with {@code missingkey=zero}, so every
 * golden case runs under that option. Errors are recovered as Go's own text: Helm prints parse
 * errors as {@code parse error at (LOC): MSG} and execution errors either raw or in its multi-line
 * "traceable" layout; both are inverted here to {@code template: ...}.
 */
public final class GoldenGenerator {
    private static final Pattern OUT = Pattern.compile("# OUT ([A-Za-z0-9+/=]*)");
    private static final Pattern DATA = Pattern.compile("# DATA ([A-Za-z0-9+/=]*)");
    private static final String DRIVER = "# OUT {{ include \"c/templates/_t\" .Values.d | b64enc }}\n"
            + "# DATA {{ .Values.d | toJson | b64enc }}\n";

    private GoldenGenerator() {}

    public static void main(String[] args) throws Exception {
        Path module = Paths.get(args.length > 0 ? args[0] : ".");
        Path casesDir = module.resolve("src/test/golden/cases");
        Path outDir = module.resolve("src/test/resources/golden");
        Files.createDirectories(outDir);
        HelmOracle helm = HelmOracle.v4();
        List<Path> files;
        try (Stream<Path> s = Files.list(casesDir)) {
            // Optional further arguments select case files by name, e.g. "exec" for cases/exec.txt.
            List<String> only = List.of(args).subList(Math.min(1, args.length), args.length);
            files = s.filter(p -> p.toString().endsWith(".txt"))
                    .filter(p -> only.isEmpty() || only.contains(p.getFileName().toString().replaceFirst("\\.txt$", "")))
                    .sorted(Comparator.naturalOrder()).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int total = 0;
        for (Path f : files) {
            List<CaseSpec> specs = CaseSpec.read(f);
            List<Future<GoldenCase>> futures = new ArrayList<>();
            for (CaseSpec spec : specs) {
                futures.add(pool.submit(() -> run(helm, spec)));
            }
            StringBuilder sb = new StringBuilder();
            for (Future<GoldenCase> fu : futures) {
                sb.append(fu.get().toJsonLine()).append('\n');
            }
            Path out = outDir.resolve(f.getFileName().toString().replaceFirst("\\.txt$", ".jsonl"));
            Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
            total += specs.size();
            System.out.println(out + ": " + specs.size() + " cases");
        }
        pool.shutdown();
        System.out.println("total " + total + " cases");
    }

    static GoldenCase run(HelmOracle helm, CaseSpec spec) throws IOException {
        Path dir = Files.createTempDirectory("golden-");
        try {
            Path chart = dir.resolve("c");
            Files.createDirectories(chart.resolve("templates"));
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
            Files.writeString(chart.resolve("values.yaml"), spec.data() == null ? "" : "d: " + spec.data() + "\n");
            Files.writeString(chart.resolve("templates/_t"), spec.template(), StandardCharsets.UTF_8);
            Files.writeString(chart.resolve("templates/out.yaml"), DRIVER);
            ProcessResult r = helm.run(dir, "template", "c");
            String stdout = r.out();
            if (r.exitCode() == 0) {
                Matcher m = OUT.matcher(stdout);
                Matcher d = DATA.matcher(stdout);
                if (!m.find() || !d.find()) {
                    throw new IllegalStateException("no output markers for " + spec.name() + ":\n" + stdout);
                }
                String output = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
                String data = new String(Base64.getDecoder().decode(d.group(1)), StandardCharsets.UTF_8);
                return new GoldenCase(spec.suite(), spec.name(), spec.template(), dataOrNull(data), output, null,
                        false);
            }
            String err = goError(r.err());
            String data = spec.data() == null ? null : jsonOf(helm, spec.data());
            boolean parse = r.err().startsWith("Error: parse error at (");
            return new GoldenCase(spec.suite(), spec.name(), spec.template(), data, null, err, parse);
        } finally {
            deleteTree(dir);
        }
    }

    private static String dataOrNull(String json) {
        return json.equals("null") ? null : json;
    }

    /** For failing cases, asks Helm separately how the data looks as JSON. */
    private static String jsonOf(HelmOracle helm, String yaml) throws IOException {
        Path dir = Files.createTempDirectory("golden-data-");
        try {
            Path chart = dir.resolve("c");
            Files.createDirectories(chart.resolve("templates"));
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
            Files.writeString(chart.resolve("values.yaml"), "d: " + yaml + "\n");
            Files.writeString(chart.resolve("templates/out.yaml"), "# DATA {{ .Values.d | toJson | b64enc }}\n");
            ProcessResult r = helm.run(dir, "template", "c");
            Matcher d = DATA.matcher(r.out());
            if (!d.find()) {
                throw new IllegalStateException("cannot read data " + yaml + ": " + r.err());
            }
            return dataOrNull(new String(Base64.getDecoder().decode(d.group(1)), StandardCharsets.UTF_8));
        } finally {
            deleteTree(dir);
        }
    }

    /** Turns Helm's rendering of a text/template error back into Go's error text. */
    static String goError(String stderr) {
        String s = stderr;
        int hint = s.indexOf("\n\nUse --debug flag");
        if (hint >= 0) {
            s = s.substring(0, hint);
        }
        s = s.strip();
        if (s.startsWith("Error: ")) {
            s = s.substring("Error: ".length());
        }
        if (s.startsWith("parse error at (")) {
            int close = s.indexOf("): ");
            return "template: " + s.substring("parse error at (".length(), close) + ": " + s.substring(close + 3);
        }
        if (s.startsWith("template: ")) {
            String marker = "error calling include: ";
            int k = s.indexOf(marker);
            return k >= 0 ? s.substring(k + marker.length()) : s;
        }
        // Helm's traceable layout: blocks of "LOC\n  executing \"N\" at <X>:\n    MSG"; the last is ours.
        String[] lines = s.split("\n", -1);
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith(" ") && i > 0 && lines[i - 1].endsWith("error calling include:")) {
                start = i;
            }
        }
        String loc = lines[start];
        StringBuilder msg = new StringBuilder();
        String executing = null;
        for (int i = start + 1; i < lines.length; i++) {
            String l = lines[i];
            if (executing == null && l.startsWith("  executing ")) {
                executing = l.substring(2, l.length() - 1);
            } else if (l.startsWith("    ")) {
                if (!msg.isEmpty()) {
                    msg.append('\n');
                }
                msg.append(l.substring(4));
            } else {
                msg.append('\n').append(l);
            }
        }
        return "template: " + loc + ": " + (executing != null ? executing + ": " : "") + msg;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

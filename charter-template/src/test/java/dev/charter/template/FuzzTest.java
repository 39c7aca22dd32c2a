package dev.charter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.charter.template.golden.GoldenCase;
import dev.charter.template.golden.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A bounded mutational fuzzer over lexer, parser and executor, deterministic by seed. The corpus is
 * every golden template plus the regression inputs in {@code src/test/resources/fuzz/}; mutations
 * flip, insert, delete and splice bytes and template tokens. Every input (up to 4 KiB) must end in
 * output or a {@link TemplateException} within a second of CPU time — never another exception or a hang.
 * Execution runs with step/output limits, since Go templates themselves can loop for as long as
 * {@code range} asks. Set {@code -Dcharter.fuzz.iterations=N} to fuzz longer.
 */
class FuzzTest {
    private static final String[] TOKENS = {"{{", "}}", "{{-", "-}}", "{{/*", "*/}}", "(", ")", "|", ":=", "=", "$",
        "$x", ".", ".a", ".a.b", "range", "if", "else", "end", "with", "define", "template", "block", "break",
        "continue", "nil", "true", "\"s\"", "`r`", "'c'", "1", "-1", "1e9", "0x1p4", "2i", "index", "slice", "len",
        "printf \"%v\"", "and", "or", "not", "eq", "lt", "call", "html", "js", "print", " ", "\n", ",", "é", "\u0000"};

    private static final Object DATA = Json.parse("{\"a\": {\"b\": [1, \"x\", null]}, \"l\": [1, 2, 3], "
            + "\"m\": {\"k\": \"v\"}, \"s\": \"str\", \"n\": 2.5}");

    static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Paths.get("src/test/resources/golden"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (GoldenCase c : GoldenCase.read(f)) {
                    out.add(c.template());
                }
            }
        }
        Path regress = Paths.get("src/test/resources/fuzz");
        if (Files.isDirectory(regress)) {
            try (Stream<Path> files = Files.list(regress)) {
                for (Path f : files.sorted().toList()) {
                    out.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    static String mutate(Random r, String s, List<String> corpus) {
        StringBuilder sb = new StringBuilder(s);
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int pos = sb.isEmpty() ? 0 : r.nextInt(sb.length() + 1);
            switch (r.nextInt(5)) {
                case 0 -> sb.insert(pos, TOKENS[r.nextInt(TOKENS.length)]);
                case 1 -> {
                    if (!sb.isEmpty()) {
                        int end = Math.min(sb.length(), pos + 1 + r.nextInt(8));
                        sb.delete(Math.min(pos, sb.length() - 1), end);
                    }
                }
                case 2 -> {
                    if (!sb.isEmpty() && pos < sb.length()) {
                        sb.setCharAt(pos, (char) (32 + r.nextInt(95)));
                    }
                }
                case 3 -> {
                    String other = corpus.get(r.nextInt(corpus.size()));
                    int a = other.isEmpty() ? 0 : r.nextInt(other.length());
                    sb.insert(pos, other, a, Math.min(other.length(), a + 1 + r.nextInt(40)));
                }
                default -> sb.insert(pos, (char) r.nextInt(0x3000));
            }
        }
        String out = sb.toString();
        return out.length() > 4096 ? out.substring(0, 4096) : out;
    }

    static void runOne(String input) {
        long start = cpuNanos();
        try {
            Template t = Template.named("fuzz").limits(new ExecutionLimits(200_000, 1_000_000)).parse(input);
            t.executeToString(DATA);
        } catch (TemplateException expected) {
            // parse or execution error: fine
        } catch (Throwable e) {
            fail("input " + Json.quote(input) + " threw " + e, e);
        }
        long ms = (cpuNanos() - start) / 1_000_000;
        if (ms > 1000) {
            fail("input " + Json.quote(input) + " took " + ms + " ms of CPU");
        }
    }

    /**
     * CPU time of this thread: a hang is work, and wall time on a loaded CI machine (or beside other
     * builds) can exceed a second for inputs that need a few milliseconds.
     */
    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void mutatedCorpusNeverCrashes() throws IOException {
        List<String> corpus = corpus();
        assertThat(corpus).isNotEmpty();
        for (String seed : corpus) {
            runOne(seed);
        }
        int iterations = Integer.getInteger("charter.fuzz.iterations", 20_000);
        Random r = new Random(20250101L);
        for (int i = 0; i < iterations; i++) {
            String base = corpus.get(r.nextInt(corpus.size()));
            runOne(mutate(r, base, corpus));
        }
    }

    @Test
    void longInputsStayLinear() {
        String text = "{{ .s }} plain text ".repeat(50_000);
        long start = System.nanoTime();
        String out = Template.named("long").parse(text).executeToString(DATA);
        assertThat(out).hasSize("str plain text ".length() * 50_000);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        String comment = "{{/*" + "x".repeat(1_000_000);
        long s2 = System.nanoTime();
        try {
            Template.named("c").parse(comment);
        } catch (TemplateParseException e) {
            assertThat(e.getMessage()).isEqualTo("template: c:1: unclosed comment");
        }
        assertThat((System.nanoTime() - s2) / 1_000_000).isLessThan(5000);
    }
}

package dev.charter.template;

import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.charter.template.golden.Json;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of lexer, parser and executor with Jazzer. The fuzzer's bytes are split
 * into a data selector (which of a few data shapes the template runs against) and the template text
 * (at most 4 KiB). Every input must end in output or a {@link TemplateException} within a second of CPU time;
 * any other throwable, or a slower run, is a finding.
 *
 * <p>In a plain {@code mvn test} Jazzer runs in regression mode: once per file under
 * {@code src/test/resources/dev/charter/template/JazzerFuzzTestInputs/templates/} (and once with empty
 * input). Fuzzing is opt-in and bounded by {@code maxDuration} below, a budget CI can afford:
 *
 * <pre>JAZZER_FUZZ=1 mvn -B -o -pl charter-template test -Dtest=JazzerFuzzTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Crashing inputs are written into that inputs directory, so that they become regression cases.
 * {@link FuzzTest} remains the deterministic, dependency-free mutational fuzzer over the goldens.
 */
class JazzerFuzzTest {
    /** The data shapes templates meet in Helm: nothing, values maps, lists, scalars, nested nulls. */
    private static final List<Object> DATA = java.util.Arrays.asList(
            null,
            Json.parse("{\"a\": {\"b\": [1, \"x\", null]}, \"l\": [1, 2, 3], \"m\": {\"k\": \"v\"}, "
                    + "\"s\": \"str\", \"n\": 2.5, \"t\": true, \"z\": null}"),
            Json.parse("[1, \"two\", [3], {\"four\": 4}]"),
            "str",
            2.5,
            Map.of("Values", Map.of("replicas", 3.0, "image", Map.of("tag", "1.0")),
                    "Release", Map.of("Name", "r")));

    private static final int MAX_INPUT = 4096;

    @com.code_intelligence.jazzer.junit.FuzzTest(maxDuration = "60s")
    void templates(FuzzedDataProvider in) {
        Object data = DATA.get(in.consumeInt(0, DATA.size() - 1));
        String text = in.consumeRemainingAsString();
        if (text.length() > MAX_INPUT) {
            text = text.substring(0, MAX_INPUT);
        }
        long start = FuzzTest.cpuNanos();
        try {
            // The same step and output limits as FuzzTest: Go templates may legitimately loop for as
            // long as nested ranges ask, and those limits end such runs with a TemplateException.
            Template.named("fuzz").limits(new ExecutionLimits(200_000, 1_000_000)).parse(text).executeToString(data);
        } catch (TemplateException expected) {
            // a parse or execution error is a correct outcome
        }
        long ms = (FuzzTest.cpuNanos() - start) / 1_000_000;
        if (ms > 1000) {
            fail("input " + Json.quote(text) + " took " + ms + " ms of CPU");
        }
    }
}

package dev.charter.template.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.template.Template;
import dev.charter.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every golden case recorded from real Go (see {@link GoldenGenerator}) in-process and
 * compares the full output or the full error text. The set is built as Helm builds it: the case is
 * its own file named {@code c/templates/_t}, executed with {@code missingkey=zero}.
 */
class GoldenTest {
    static Stream<GoldenCase> cases() throws IOException {
        Path dir = Paths.get("src/test/resources/golden");
        List<GoldenCase> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                all.addAll(GoldenCase.read(f));
            }
        }
        return all.stream();
    }

    static String render(GoldenCase c) {
        try {
            Template t = Template.named(GoldenCase.TEMPLATE_NAME).option("missingkey=zero").parse(c.template());
            Object data = c.data() == null ? null : Json.parse(c.data());
            return "OUTPUT:" + t.executeToString(GoldenCase.TEMPLATE_NAME, data);
        } catch (TemplateException e) {
            return "ERROR:" + e.getMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGo(GoldenCase c) {
        String[] ea = expectedAndActual(c);
        assertThat(ea[1]).as(c.template()).isEqualTo(ea[0]);
    }

    /** The expected and actual result texts, as compared by the test. */
    static String[] expectedAndActual(GoldenCase c) {
        String expected = c.error() != null ? "ERROR:" + c.error() : "OUTPUT:" + c.output();
        String actual = render(c);
        if (c.parseError() && actual.startsWith("ERROR:")) {
            // Helm kept only part of Go's parse error; compare what survives its formatting.
            actual = "ERROR:" + GoldenCase.helmParseError(actual.substring(6));
            expected = "ERROR:" + GoldenCase.helmParseError(c.error());
        }
        return new String[] {expected, actual};
    }
}

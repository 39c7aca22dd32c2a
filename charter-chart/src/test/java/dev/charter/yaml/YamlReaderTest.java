package dev.charter.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** go-yaml v2 behaviour of {@link YamlReader}; the messages were taken from Helm v4.1.4 (see YamlDifferentialTest). */
class YamlReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a: [1, 2\\n|yaml: line 1: did not find expected ',' or ']'",
        "a: b: c\\n|yaml: mapping values are not allowed in this context",
        "a: 1\\nb: c: d\\n|yaml: line 2: mapping values are not allowed in this context",
        "a:\\n\\tb: 1\\n|yaml: line 2: found character that cannot start any token",
        "a: @b\\n|yaml: found character that cannot start any token",
        "- a\\nb: 1\\n|yaml: line 1: did not find expected '-' indicator",
        "a: *nope\\n|yaml: unknown anchor 'nope' referenced",
        "{: 1, a}\\n|yaml: did not find expected node content",
        "a: \"abc\\n|yaml: line 2: found unexpected end of stream",
        "a: >\\n  text\\n b: 1\\n|yaml: line 2: did not find expected key",
    })
    void errors(String in, String message) {
        assertThatThrownBy(() -> YamlReader.parse(in.replace("\\n", "\n").replace("\\t", "\t")))
                .isInstanceOf(YamlException.class).hasMessage(message);
    }

    @Test
    void indentedBlockThenTopLevelKey() {
        assertThat(YamlReader.parse("a:\n    b: 1\n    c:\n      - x\nd: 2\n"))
                .isEqualTo(Map.of("a", Map.of("b", 1L, "c", List.of("x")), "d", 2L));
    }

    @Test
    void yaml11ScalarsAndKeys() {
        Object v = YamlReader.parse("a: yes\nb: 0755\nc: 1:20\nd: 2001-12-14\n1: one\nno: n\n2.5: x\n");
        assertThat(v).isEqualTo(Map.of("a", true, "b", 493L, "c", "1:20", "d", "2001-12-14", "1", "one",
                "false", false, "2.5", "x"));
    }

    @Test
    void mergeOverridesEarlierKeysAsInV2() {
        Object v = YamlReader.parse("b: &b {p: 1, q: 2}\nd:\n  q: 3\n  <<: *b\n");
        assertThat(((Map<?, ?>) v).get("d")).isEqualTo(Map.of("p", 1L, "q", 2L));
    }

    @Test
    void jsonConversionErrors() {
        assertThatThrownBy(() -> YamlReader.parse("a: .inf\n")).hasMessage("json: unsupported value: +Inf");
        assertThatThrownBy(() -> YamlReader.parse("~: x\n"))
                .hasMessage("unsupported map key of type: %!s(<nil>), key: <nil>, value: \"x\"");
    }

    @Test
    void documentSplittingAsK8sYamlReader() {
        assertThat(YamlReader.splitDocuments("a: 1\n--- # c\nb: 2\n")).containsExactly("a: 1\n", "b: 2\n");
        assertThatThrownBy(() -> YamlReader.splitDocuments("a: 1\n--- b: 2\n"))
                .hasMessage("invalid Yaml document separator: b: 2");
    }
}

package dev.charter.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's {@code slice} builtin. Helm replaces it with Sprig's {@code slice}, so the Helm-recorded
 * goldens cannot cover it; these expectations come from Go's exec_test.go and funcs.go.
 */
class SliceBuiltinTest {
    private static final Map<String, Object> DATA = Map.of("SI", List.of(3L, 4L, 5L), "S", "xyz");

    private static String run(String text) {
        try {
            return Template.named("t").parse(text).executeToString(DATA);
        } catch (TemplateException e) {
            return e.getMessage().replaceFirst("^.*error calling slice: ", "ERR ");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{slice .SI}}|[3 4 5]",
        "{{slice .SI 1}}|[4 5]",
        "{{slice .SI 1 2}}|[4]",
        "{{slice .SI 1 2 3}}|[4]",
        "{{slice .SI -1}}|ERR index out of range: -1",
        "{{slice .SI 1 -2}}|ERR index out of range: -2",
        "{{slice .SI 1 2 -1}}|ERR index out of range: -1",
        "{{slice .SI 2 1}}|ERR invalid slice index: 2 > 1",
        "{{slice .SI 2 2 1}}|ERR invalid slice index: 2 > 1",
        "{{slice .SI 1 4}}|ERR index out of range: 4",
        "{{slice .SI 0 1 2 3}}|ERR too many slice indexes: 4",
        "{{slice .S}}|xyz",
        "{{slice .S 1}}|yz",
        "{{slice .S 1 2}}|y",
        "{{slice .S 1 2 3}}|ERR cannot 3-index slice a string",
        "{{slice .S 2 1}}|ERR invalid slice index: 2 > 1",
        "{{slice nil}}|ERR slice of untyped nil",
        "{{slice 3 1}}|ERR can't slice item of type int",
        "{{slice .S 1.5}}|ERR cannot index slice/array with type float64",
        "{{slice .S nil}}|ERR cannot index slice/array with nil",
        "{{printf \"%T %T\" (slice .S 1) (slice .SI 1)}}|string []interface {}",
        "{{len (slice .SI 1)}}|2",
    })
    void slicesLikeGo(String template, String expected) {
        assertThat(run(template)).isEqualTo(expected);
    }
}

package dev.charter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins every known difference from Go listed in docs/compatibility.md, so that a change in either
 * direction is noticed: these assertions describe Charter's behaviour, and each comment says what
 * Go does instead.
 */
class KnownDifferencesTest {

    private static String run(String text, Object data) {
        return Template.named("t").parse(text).executeToString(data);
    }

    @Test
    void invalidUtf8EscapesBecomeCharacters() {
        // Go writes the single byte 0xFF; a Java string cannot hold it, so U+00FF (UTF-8 C3 BF) comes out
        String out = run("{{ \"\\xff\" }}", null);
        assertThat(out).isEqualTo("\u00ff");
        assertThat(out.getBytes(StandardCharsets.UTF_8)).containsExactly(0xC3, 0xBF);
        assertThat(run("{{ \"\\377\" }}", null)).isEqualTo("\u00ff");
    }

    @Test
    void pointerFormattingPrintsSyntheticAddresses() {
        // Go prints the map's real address; Charter prints a stable made-up one of the same shape
        String out = run("{{ printf \"%p\" . }}", Map.of("a", 1L));
        assertThat(out).matches("0x[0-9a-f]+");
    }

    /** A host object whose slice and map fields are nil. */
    public record Holder(java.util.List<String> items, Map<String, String> labels) {
    }

    @Test
    void nilTypedFieldsOfHostObjectsActAsNilInterfaces() {
        // Go prints a nil []string as [] and a nil map[string]string as map[], and len of either is 0;
        // Charter sees a Java null, so it prints <no value> and len fails as on a nil interface
        assertThat(run("{{ .Items }}|{{ .Labels }}", new Holder(null, null))).isEqualTo("<no value>|<no value>");
        assertThatThrownBy(() -> run("{{ len .Items }}", new Holder(null, null)))
                .hasMessage("template: t:1:3: executing \"t\" at <len .Items>: error calling len: len of nil pointer");
    }

    @Test
    void definedTemplatesListInDefinitionOrder() {
        // Go lists them in random map order
        Template t = Template.named("root").parse("{{ define \"b\" }}B{{ end }}{{ define \"a\" }}A{{ end }}");
        assertThat(t.definedTemplates()).isEqualTo("; defined templates are: \"b\", \"a\", \"root\"");
    }
}

package dev.charter.oci.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChartReferenceTest {

    @Test
    void parsesTagsDigestsAndPorts() {
        ChartReference r = ChartReference.parse("oci://127.0.0.1:5000/charts/mychart:1.0.0+build.5");
        assertThat(r).isEqualTo(new ChartReference("127.0.0.1:5000", "charts/mychart", "1.0.0_build.5", ""));
        String digest = "sha256:" + "a".repeat(64);
        ChartReference d = ChartReference.parse("oci://h/r/c:0.2.0@" + digest);
        assertThat(d.tag()).isEqualTo("0.2.0");
        assertThat(d.digest()).isEqualTo(digest);
        assertThat(d.toString()).isEqualTo("h/r/c:0.2.0");
        assertThat(ChartReference.parse("oci://h/r/c@" + digest).toString()).isEqualTo("h/r/c@" + digest);
    }

    @Test
    void plusReplacementIsAGlobalReplaceLikeHelm() {
        // the tag text "1" also occurs in the path and is rewritten there too (no + in it, so unchanged)
        assertThat(ChartReference.parse("oci://h/a+b/c:a+b").repository()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "h|invalid reference: missing registry or repository",
        "h/Upper|invalid reference: invalid repository \"Upper\"",
        "h/x y/c|invalid reference: invalid repository \"x y/c\"",
        "h/c:1.0/mychart:0.1.0|invalid reference: invalid tag \"1.0/mychart:0.1.0\"",
        "h/c@sha256:abc|invalid reference: invalid digest \"sha256:abc\": invalid checksum digest length",
        "h/c@md5:abc|invalid reference: invalid digest \"md5:abc\": unsupported digest algorithm",
        "h/c@nocolon|invalid reference: invalid digest \"nocolon\": invalid checksum digest format",
        "h:x/c|invalid reference: invalid registry \"h:x\"",
        "u@h/c|invalid reference: missing registry or repository",
    })
    void rejectsLikeOras(String text, String message) {
        assertThatThrownBy(() -> ChartReference.parse("oci://" + text)).hasMessage(message);
    }

    @Test
    void orasReferenceGrammar() {
        assertThat(Reference.parse("localhost:5000/a/b:tag")).isEqualTo(new Reference("localhost:5000", "a/b", "tag"));
        assertThat(Reference.parse("docker.io/library/x").endpointHost()).isEqualTo("registry-1.docker.io");
        assertThatThrownBy(() -> Reference.parse("h/r:1.0.0+b")).hasMessage("invalid reference: invalid tag \"1.0.0+b\"");
        assertThatThrownBy(() -> Reference.validateRegistry("oci://h")).hasMessage("invalid reference: invalid registry \"oci://h\"");
    }
}

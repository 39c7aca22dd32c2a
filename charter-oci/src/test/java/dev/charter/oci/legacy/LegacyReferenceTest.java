package dev.charter.oci.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charter.oci.OciException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "localhost:5000/myrepo/mychart:2.7.0, localhost:5000/myrepo/mychart, 2.7.0",
        "localhost:5000/myrepo/mychart, localhost:5000/myrepo/mychart, ''",
        "example.com/charts/app:latest, example.com/charts/app, latest",
        "mychart:1.0, mychart, 1.0",
        "127.0.0.1:65535/x:v1, 127.0.0.1:65535/x, v1",
    })
    void parsesAsHelm36(String text, String repo, String tag) {
        LegacyReference ref = LegacyReference.parse(text);
        assertThat(ref.repo()).isEqualTo(repo);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.fullName()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b:c", "localhost:5000/x:1:2", "localhost:99999/x:1", "host:abc/x:1", "localhost:5000/x:1:2:3"})
    void tooManyColons(String text) {
        assertThatThrownBy(() -> LegacyReference.parse(text)).isInstanceOf(OciException.class)
                .hasMessage("ref may only contain a single colon character (:) unless specifying a port number");
    }

    @Test
    void emptyRepo() {
        assertThatThrownBy(() -> LegacyReference.parse("")).hasMessage("parsed repo was empty");
        assertThatThrownBy(() -> LegacyReference.parse(":1.0")).hasMessage("parsed repo was empty");
    }

    @Test
    void remoteSplitsRegistryAndRepository() {
        LegacyReference ref = LegacyReference.parse("localhost:5000/myrepo/mychart:latest");
        assertThat(ref.remote().registry()).isEqualTo("localhost:5000");
        assertThat(ref.remote().repository()).isEqualTo("myrepo/mychart");
        assertThat(ref.remote().reference()).isEqualTo("latest");
    }
}

package dev.charter.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "*;1.0.0;true", "*;1.0.0-rc.1;false", ">0.0.0-0;1.0.0-rc.1;true",
        "^0.1;0.1.9;true", "^0.1;0.2.0;false", "^1.2;1.9.0;true", "^1.2;2.0.0;false", "^0;0.9.0;true",
        "~1.2;1.2.9;true", "~1.2;1.3.0;false", "~1;1.9.0;true",
        "<1.0.0;0.10.0;true", "<1.0.0;1.0.0-rc.1;false", ">=1.0.0-0;1.0.0-rc.1;true",
        "1.2.x;1.2.7;true", "1.2.x;1.3.0;false", "1.0.0 - 2.0.0;1.5.0;true", "1.0.0 - 2.0.0;2.0.1;false",
        ">1.0.0 <2.0.0;1.5.0;true", ">1.0.0,<2.0.0;2.5.0;false", "<1.0.0 || >=3.0.0;3.1.0;true",
        "!=1.0.0;1.0.0;false", "=1.0.0;1.0.0+build;true", ">11;11.5.0;false", ">11.1;11.2.0;true",
    })
    void mastermindsSemantics(String constraint, String version, boolean expected) {
        assertThat(Constraint.parse(constraint).check(Version.tryParse(version).orElseThrow())).isEqualTo(expected);
    }

    @Test
    void impropeConstraintsAndVersions() {
        assertThatThrownBy(() -> Constraint.parse("1.0.0_build.5")).hasMessage("improper constraint: 1.0.0_build.5");
        assertThatThrownBy(() -> Constraint.parse("latest")).hasMessage("improper constraint: latest");
        assertThat(Version.tryParse("v1.2")).isPresent();
        assertThat(Version.tryParse("0.10")).isPresent();
        assertThat(Version.tryParseStrict("v1.2.3")).isEmpty();
        assertThat(Version.tryParseStrict("1.2")).isEmpty();
        assertThat(Version.tryParse("1.0.0-01")).isEmpty();
    }

    @Test
    void buildMetadataDoesNotOrder() {
        assertThat(Version.tryParseStrict("1.0.0+build.5").orElseThrow().compareTo(Version.tryParseStrict("1.0.0-rc.1").orElseThrow())).isPositive();
    }
}

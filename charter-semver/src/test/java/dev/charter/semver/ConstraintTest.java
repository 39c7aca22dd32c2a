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
        // v3.4.0: a prerelease in any comparison admits prereleases to its whole || alternative
        ">= 1.0.0  <= 2.0.0-beta;1.0.1-beta;true", ">= 1.0.0  <= 2.0.0-beta;1.0.1;true",
        ">= 1.0.0  <= 2.0.0-beta;3.0.0;false", ">= 1.0.0  <= 2.0.0-beta || > 3;1.0.1-beta;true",
        ">= 1.0.0  <= 2.0.0-beta || > 3;3.0.1-beta;false", ">= 1.0.0  <= 2.0.0-beta != 1.0.1 || > 3;1.0.1-beta;true",
        ">= 1.0.0  <= 2.0.0-beta != 1.0.1-beta || > 3;1.0.1-beta;false", ">= 1.0.0-0  <= 2.0.0;1.0.1-beta;true",
        "^1.1.2-alpha;1.2.1-beta1;true", "^1.2.x-alpha;1.1.1-beta1;false", "!=4.1-alpha;4.1.0-alpha;false",
        "!=4.1-alpha;4.1.1-alpha;false", "!=4.1-alpha;4.1.0;true", "<=1.1-a;0.1.0-alpha;true", ">=1.1;4.1.0-beta;false",
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
    void partsAreGoUint64s() {
        Version max = Version.parse("18446744073709551615.1.2");
        assertThat(max.normalized()).isEqualTo("18446744073709551615.1.2");
        assertThat(max.compareTo(Version.parse("9223372036854775808.0.0"))).isEqualTo(1);
        assertThatThrownBy(() -> Version.parse("18446744073709551616.0.0")).hasMessage(
                "error parsing version segment: strconv.ParseUint: parsing \"18446744073709551616\": value out of range");
        assertThat(Version.parse("v1.2.3-beta.1").incPatch().original()).isEqualTo("v1.2.3");
        assertThat(Version.parse("1.2.3").incMinor().original()).isEqualTo("1.3.0");
    }

    @Test
    void prereleasePartsCompareAsMasterminds() {
        assertThat(Version.parse("1.0.0-alpha").compareTo(Version.parse("1.0.0-alpha.1"))).isEqualTo(-1);
        assertThat(Version.parse("1.0.0-2").compareTo(Version.parse("1.0.0-10"))).isEqualTo(-1);
        assertThat(Version.parse("1.0.0-beta").compareTo(Version.parse("1.0.0-10"))).isEqualTo(1);
        assertThatThrownBy(() -> Constraint.parse(">= 1.x.y")).hasMessage("improper constraint: >= 1.x.y");
    }

    @Test
    void buildMetadataDoesNotOrder() {
        assertThat(Version.tryParseStrict("1.0.0+build.5").orElseThrow().compareTo(Version.tryParseStrict("1.0.0-rc.1").orElseThrow())).isPositive();
    }
}

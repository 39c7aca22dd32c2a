package dev.charter.oci.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Helm's GetTagMatchingVersionOrConstraint over a descending tag list. */
class ChartResolverTest {

    @Test
    void helmTagMatching() {
        List<String> tags = List.of("1.0.0+build.5", "1.0.0-rc.1", "0.10.0", "0.2.0", "0.1.0");
        assertThat(ChartResolver.matching(tags, "")).isEqualTo("1.0.0+build.5");
        assertThat(ChartResolver.matching(tags, "^0.1")).isEqualTo("0.1.0");
        assertThat(ChartResolver.matching(tags, "<1.0.0")).isEqualTo("0.10.0");
        assertThat(ChartResolver.matching(tags, ChartResolver.DEVEL)).isEqualTo("1.0.0+build.5");
        assertThatThrownBy(() -> ChartResolver.matching(tags, ">5.0.0"))
                .hasMessage("could not locate a version matching provided version string >5.0.0");
    }
}

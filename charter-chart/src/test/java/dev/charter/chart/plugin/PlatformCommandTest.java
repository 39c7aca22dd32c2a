package dev.charter.chart.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Helm's {@code getPlatformCommand}/{@code PrepareCommands} rules and Go's {@code os.Expand}. */
class PlatformCommandTest {

    private static PlatformCommand cmd(String os, String arch, String command) {
        return new PlatformCommand(os, arch, command, List.of());
    }

    @Test
    void exactMatchWinsThenOsOnlyThenUnconstrained() {
        List<PlatformCommand> cmds = List.of(cmd("", "", "any"), cmd("linux", "", "os"), cmd("LINUX", "AMD64", "exact"));
        assertThat(PlatformCommand.select(cmds, "linux", "amd64").command()).isEqualTo("exact");
        assertThat(PlatformCommand.select(cmds, "linux", "arm64").command()).isEqualTo("os");
        assertThat(PlatformCommand.select(cmds, "darwin", "arm64").command()).isEqualTo("any");
        // an arch without an OS never matches on its own
        assertThat(PlatformCommand.select(List.of(cmd("", "amd64", "x")), "linux", "amd64")).isNull();
    }

    @Test
    void commandSplitOnSpacesAndExpanded() {
        PlatformCommand c = new PlatformCommand("", "", "$HELM_PLUGIN_DIR/run.sh --name=${HELM_PLUGIN_NAME}",
                List.of("$A", "lit"));
        PlatformCommand.Prepared p = PlatformCommand.prepare(List.of(c), "linux", "amd64", true, List.of("$extra"),
                Map.of("HELM_PLUGIN_DIR", "/p", "HELM_PLUGIN_NAME", "n", "A", "a"));
        assertThat(p.main()).isEqualTo("/p/run.sh");
        assertThat(p.args()).containsExactly("--name=n", "a", "lit", "$extra");
        assertThatThrownBy(() -> PlatformCommand.prepare(List.of(), "linux", "amd64", true, List.of(), Map.of()))
                .hasMessage("no plugin command is applicable");
    }

    @Test
    void goExpand() {
        Map<String, String> env = Map.of("A", "1", "AB_c", "2", "1", "one");
        assertThat(GoExpand.expand("x$A-${AB_c}$1$", env)).isEqualTo("x1-2one$");
        assertThat(GoExpand.expand("${}a${b", env)).isEqualTo("ab");
        assertThat(GoExpand.expand("$-$ $UNSET.", env)).isEqualTo("$ .");
    }
}

package dev.charter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The root command, global flags, version, env and completion, checked against real Helm v4. */
class RootCommandTest {

    static HelmOracle helm;
    static CharterRunner charter;

    @TempDir
    static Path dir;

    @BeforeAll
    static void peers() {
        helm = HelmOracle.v4();
        charter = new CharterRunner(helm.environment());
    }

    /** Helm's output with the program name swapped, which is the only intended difference. */
    private static String asCharter(String helmText) {
        return helmText.replace("\"helm", "\"charter").replace("'helm", "'charter").replace("Usage:  helm", "Usage:  charter");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--bogus", "version --bogus", "version -x", "bogus", "version x", "env --bogus",
        "version --bogus=1", "--namespace", "version -n",
    })
    void parseErrorsMatchHelm(String line) {
        String[] args = line.split(" ");
        ProcessResult expected = helm.run(dir, args);
        ProcessResult actual = charter.run(dir, args);
        assertThat(actual.exitCode()).as(line).isEqualTo(expected.exitCode()).isEqualTo(1);
        assertThat(actual.out()).as(line).isEqualTo(expected.out());
        assertThat(actual.err()).as(line).isEqualTo(asCharter(expected.err()));
    }

    @Test
    void envMatchesHelmExceptTheBinary() {
        assertEnvMatches(Map.of());
    }

    @Test
    void envHonoursXdgAndHelmVariables() {
        assertEnvMatches(Map.of("XDG_CACHE_HOME", "/x/cache", "XDG_CONFIG_HOME", "/x/config",
                "HELM_NAMESPACE", "team-a", "HELM_KUBECONTEXT", "ctx", "HELM_DEBUG", "true",
                "HELM_REPOSITORY_CACHE", "/r/cache", "HELM_MAX_HISTORY", "3", "KUBECONFIG", "/k/config"));
    }

    @Test
    void envHonoursGlobalFlags() {
        assertEnvMatches(Map.of(), "--namespace", "flagged", "--kube-context", "c1", "--registry-config", "/reg/config.json",
                "--repository-config", "/repo.yaml", "--content-cache", "/cc", "--burst-limit", "7", "--qps", "2.5",
                "--kube-insecure-skip-tls-verify", "--debug",
                "--kubeconfig", "/kc");
    }

    private void assertEnvMatches(Map<String, String> extraEnv, String... flags) {
        Map<String, String> env = new java.util.HashMap<>(helm.environment());
        env.remove("HELM_CONFIG_HOME");
        env.remove("HELM_CACHE_HOME");
        env.remove("HELM_DATA_HOME");
        env.putAll(extraEnv);
        String[] args = concat(new String[] {"env"}, flags);
        ProcessResult expected = Processes.run(dir, env, null, List.of(concat(new String[] {helm.binary().toString()}, args)));
        ProcessResult actual = new CharterRunner(env).run(dir, args);
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode()).isZero();
        assertThat(withoutBin(actual.out())).isEqualTo(withoutBin(expected.out()));
        assertThat(actual.out()).contains("HELM_BIN=\"charter\"");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String withoutBin(String env) {
        return env.lines().filter(l -> !l.startsWith("HELM_BIN=")).collect(Collectors.joining("\n"));
    }

    @Test
    void repeatedGroupFlagsAreNotDuplicated() {
        // Helm v4 parses its global flags twice and prints every group twice ("g1,g2,g1,g2");
        // Charter keeps each group once (docs/compatibility.md).
        ProcessResult ours = charter.run(dir, "env", "--kube-as-group", "g1", "--kube-as-group", "g2");
        assertThat(ours.out()).contains("HELM_KUBEASGROUPS=\"g1,g2\"\n");
        assertThat(helm.run(dir, "env", "--kube-as-group", "g1", "--kube-as-group", "g2").out())
                .contains("HELM_KUBEASGROUPS=\"g1,g2,g1,g2\"\n");
    }

    @Test
    void envPrintsOneVariable() {
        ProcessResult expected = helm.run(dir, "env", "HELM_REGISTRY_CONFIG");
        ProcessResult actual = charter.run(dir, "env", "HELM_REGISTRY_CONFIG");
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(charter.run(dir, "env", "NOPE").out()).isEqualTo(helm.run(dir, "env", "NOPE").out());
    }

    @Test
    void versionFormatsLikeHelm() {
        ProcessResult ours = charter.run(dir, "version");
        assertThat(ours.exitCode()).isZero();
        assertThat(ours.out()).matches("version\\.BuildInfo\\{Version:\"v[0-9][^\"]*\", GitCommit:\"[0-9a-f]*\", "
                + "GitTreeState:\"(clean|dirty|)\", GoVersion:\"java[0-9]+\", KubeClientVersion:\"v1\\.35\"}\n");
        // the shape is Helm's own
        assertThat(helm.run(dir, "version").out()).matches("version\\.BuildInfo\\{Version:\"v4\\.1\\.4\", GitCommit:\"[0-9a-f]+\", "
                + "GitTreeState:\"clean\", GoVersion:\"go[0-9.]+\", KubeClientVersion:\"v1\\.35\"}\n");
        assertThat(charter.run(dir, "version", "--short").out()).matches("v[0-9][^\\s]*\n");
    }

    @Test
    void noSubcommandPrintsHelp() {
        ProcessResult result = charter.run(dir);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: charter").contains("version").contains("--registry-config");
    }

    @Test
    void bashCompletionIsValidBashListingEveryCommand() throws Exception {
        ProcessResult result = charter.run(dir, "completion", "bash");
        assertThat(result.exitCode()).isZero();
        Path script = dir.resolve("charter.bash");
        Files.write(script, result.stdout());
        ProcessResult syntax = Processes.run(dir, Map.of(), null, List.of("bash", "-n", script.toString()));
        assertThat(syntax.exitCode()).as(syntax.err()).isZero();
        // the script really completes: source it and ask for the completions of "charter ve"
        String probe = "source " + script + "; COMP_WORDS=(charter ve); COMP_CWORD=1; COMP_LINE='charter ve'; COMP_POINT=10;"
                + " _picocli_charter; printf '%s\\n' \"${COMPREPLY[@]}\"";
        ProcessResult completed = Processes.run(dir, Map.of(), null, List.of("bash", "-c", probe));
        assertThat(completed.out().lines()).contains("version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zsh", "fish", "powershell"})
    void otherShellsListTheSameCommands(String shell) {
        ProcessResult result = charter.run(dir, "completion", shell);
        assertThat(result.exitCode()).isZero();
        for (String command : List.of("version", "env", "completion", "registry")) {
            assertThat(result.out()).contains(command);
        }
    }

    @Test
    void unknownShellIsAnError() {
        ProcessResult result = charter.run(dir, "completion", "tcsh");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error: unknown command \"tcsh\" for \"charter completion\"\n");
    }
}

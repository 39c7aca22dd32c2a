package dev.charter.cli.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Helm v4 decodes the registry config while building its root command, so a broken file fails
 * every invocation before cobra sees the arguments (spec §4.1). Compared byte for byte with Helm.
 */
class RegistryConfigStartupTest {

    static HelmOracle helm;
    static CharterRunner charter;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        helm = HelmOracle.v4();
        charter = new CharterRunner();
    }

    private void assertSameAsHelm(Map<String, String> env, String... args) {
        ProcessResult h = helm.run(dir, env, null, args);
        ProcessResult c = charter.run(dir, env, null, args);
        assertThat(c.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(h.err());
        assertThat(c.out()).as("stdout of %s", String.join(" ", args)).isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit code of %s", String.join(" ", args)).isEqualTo(h.exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "--help", "bogus", "version --bogus", "show chart nothing-here",
            "registry logout 127.0.0.1:1", "pull oci://127.0.0.1:1/x/y --version 1.0.0", "env"})
    void emptyFileFailsEveryCommand(String args) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        ProcessResult c = charter.run(dir, Map.of("HELM_REGISTRY_CONFIG", empty.toString()), null, args.split(" "));
        assertThat(c.err()).isEqualTo("level=WARN msg=\"command failed\" error=\"failed to decode config file at "
                + empty + ": invalid config format: EOF\"\n");
        assertThat(c.exitCode()).isEqualTo(1);
        assertSameAsHelm(Map.of("HELM_REGISTRY_CONFIG", empty.toString()), args.split(" "));
    }

    @Test
    void invalidJsonAndDirectory() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "xyz\n", StandardCharsets.UTF_8);
        assertSameAsHelm(Map.of("HELM_REGISTRY_CONFIG", bad.toString()), "version");
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"auths\": {", StandardCharsets.UTF_8);
        assertSameAsHelm(Map.of("HELM_REGISTRY_CONFIG", truncated.toString()), "version");
        Path array = Files.writeString(dir.resolve("array.json"), "[]", StandardCharsets.UTF_8);
        assertSameAsHelm(Map.of("HELM_REGISTRY_CONFIG", array.toString()), "version");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        assertSameAsHelm(Map.of("HELM_REGISTRY_CONFIG", sub.toString()), "version");
    }

    /** Go's json.Decoder texts for every kind of broken file (it reads one value: trailing data is fine). */
    @ParameterizedTest
    @ValueSource(strings = {"nul", "tru", "{\"auths\": tru}", "{\"a\" 1}", "[1,]", "{} trailing", "{\"auths\":{}}x",
            "{\"auths\": {\"h\": {\"auth\": \"x\"},}}", "{\"a\": 01}", "{\"a\": -}", "{\"a\": 1.}", "{\"a\": 1e}",
            "{\"a\": \"\\q\"}", "{\"a\": \"\u0001\"}", "\u00e9", "{\"a\": [1 2]}", "{'a': 1}", "  ", "{\"a\":",
            "{\"a\": \"x", "{\"credsStore\": 1}", "null", "\"str\"", "{\"a\": nul}"})
    void goDecoderErrors(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("shape.json"), content, StandardCharsets.UTF_8);
        assertSameAsHelm(Map.of("HELM_REGISTRY_CONFIG", file.toString()), "show", "chart", "/nonexistent/chart");
    }

    @Test
    void registryConfigFlagIsReadBeforeParsing() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        Path good = Files.writeString(dir.resolve("good.json"), "{\"auths\":{}}", StandardCharsets.UTF_8);
        // the flag overrides a broken HELM_REGISTRY_CONFIG, and a broken flag value fails
        assertSameAsHelm(Map.of("HELM_REGISTRY_CONFIG", empty.toString()), "--registry-config", good.toString(), "show", "chart", "./missing");
        assertSameAsHelm(Map.of(), "show", "chart", "./missing", "--registry-config=" + empty);
        // pflag stops at "--": the value after it is an argument, not the config
        String[] afterDashes = {"show", "chart", "./missing", "--", "--registry-config", empty.toString()};
        ProcessResult h = helm.run(dir, afterDashes);
        ProcessResult c = charter.run(dir, afterDashes);
        assertThat(h.err()).startsWith("Error: \"helm show chart\" requires 1 argument");
        assertThat(c.err()).isEqualTo(h.err().replace("helm ", "charter "));
        assertThat(c.exitCode()).isEqualTo(h.exitCode()).isEqualTo(1);
    }

    @Test
    void defaultPathIsChecked() throws IOException {
        ProcessResult probe = helm.run(dir, "env", "HELM_REGISTRY_CONFIG");
        Path helmPath = Path.of(probe.out().strip());
        Files.createDirectories(helmPath.getParent());
        Files.write(helmPath, new byte[0]);
        Path charterPath = charter.registryConfig();
        Files.createDirectories(charterPath.getParent());
        Files.write(charterPath, new byte[0]);
        try {
            ProcessResult h = helm.run(dir, "version");
            ProcessResult c = charter.run(dir, "version");
            assertThat(h.exitCode()).isEqualTo(1);
            assertThat(c.exitCode()).isEqualTo(1);
            assertThat(c.err()).isEqualTo(h.err().replace(helmPath.toString(), charterPath.toString()));
        } finally {
            Files.delete(helmPath);
            Files.delete(charterPath);
        }
    }
}

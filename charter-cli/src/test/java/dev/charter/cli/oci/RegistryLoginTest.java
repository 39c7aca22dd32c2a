package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login/logout and credential files against an htpasswd-protected Distribution, compared with Helm v4. */
class RegistryLoginTest {

    static DistributionRegistry registry;
    static Path chart;

    @BeforeAll
    static void start() throws IOException {
        registry = DistributionRegistry.builder().htpasswd("admin", "secret").start();
        Path dir = Files.createTempDirectory("oci-login-charts-");
        chart = OciTestSupport.packageChart(HelmOracle.v4(), dir, "mychart", "0.1.0");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static byte[] stdin(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void loginFilesAreByteIdenticalAndInteroperable(@TempDir Path dir) throws IOException {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        String host = registry.host();
        ProcessResult h = ok(helm.run(dir, Map.of(), stdin("secret\n"), "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        ProcessResult c = ok(charter.run(dir, Map.of(), stdin("secret\n"), "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        assertThat(c.err()).isEqualTo(h.err()).isEqualTo("Login Succeeded\n");
        assertThat(c.out()).isEqualTo(h.out());
        Path helmFile = helm.home().resolve("config/registry/config.json");
        assertThat(Files.readString(charter.registryConfig())).isEqualTo(Files.readString(helmFile))
                .isEqualTo("{\n\t\"auths\": {\n\t\t\"" + host + "\": {\n\t\t\t\"auth\": \""
                        + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8)) + "\"\n\t\t}\n\t}\n}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(charter.registryConfig()))).isEqualTo("rw-------");

        // Helm's login file lets Charter push; Charter's login file lets Helm pull
        ok(charter.run(dir, Map.of("HELM_REGISTRY_CONFIG", helmFile.toString()), null,
                "push", chart.toString(), "oci://" + host + "/auth", "--plain-http"));
        Path pulled = Files.createDirectories(dir.resolve("pulled"));
        ok(helm.run(pulled, Map.of("HELM_REGISTRY_CONFIG", charter.registryConfig().toString()), null,
                "pull", "oci://" + host + "/auth/mychart", "--version", "0.1.0", "--plain-http"));
        assertThat(Files.readAllBytes(pulled.resolve("mychart-0.1.0.tgz"))).isEqualTo(Files.readAllBytes(chart));

        ProcessResult hl = ok(helm.run(dir, "registry", "logout", host));
        ProcessResult cl = ok(charter.run(dir, "registry", "logout", host));
        assertThat(cl.err()).isEqualTo(hl.err());
        assertThat(Files.readString(charter.registryConfig())).isEqualTo(Files.readString(helmFile)).isEqualTo("{\n\t\"auths\": {}\n}");
        // a second logout still succeeds and does not touch the file
        assertThat(ok(charter.run(dir, "registry", "logout", host)).err()).isEqualTo("Removing login credentials for " + host + "\n");
    }

    @Test
    void failuresMatchHelm(@TempDir Path dir) throws IOException {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        String host = registry.host();
        String[][] cases = {
            {"registry", "login", host, "-u", "admin", "-p", "wrong", "--plain-http"},
            {"registry", "login", "oci://" + host, "-u", "a", "-p", "b"},
            {"registry", "login", host + "/some/repo", "-u", "a", "-p", "b"},
            {"push", chart.toString(), "oci://" + host + "/noauth", "--plain-http"},
            {"pull", "oci://" + host + "/noauth/mychart", "--version", "0.1.0", "--plain-http"},
            {"push", chart.toString(), "oci://" + host + "/flags", "--plain-http", "--username", "admin", "--password", "wrong"},
        };
        for (String[] args : cases) {
            ProcessResult h = helm.run(dir, args);
            ProcessResult c = charter.run(dir, args);
            assertThat(c.err()).as(String.join(" ", args)).isEqualTo(h.err());
            assertThat(c.exitCode()).as(String.join(" ", args)).isEqualTo(h.exitCode());
        }
        ProcessResult h = helm.run(dir, Map.of(), new byte[0], "registry", "login", host, "--plain-http");
        ProcessResult c = charter.run(dir, Map.of(), new byte[0], "registry", "login", host, "--plain-http");
        assertThat(c.out()).isEqualTo(h.out());
        assertThat(c.err()).isEqualTo(h.err());
        ok(charter.run(dir, "push", chart.toString(), "oci://" + host + "/flags", "--plain-http", "--username", "admin", "--password", "secret"));
    }

    @Test
    void brokenHelmConfigFailsAtStartLikeHelm(@TempDir Path dir) throws IOException {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path junk = Files.writeString(dir.resolve("junk.json"), "x");
        for (Path file : new Path[] {empty, junk}) {
            Map<String, String> env = Map.of("HELM_REGISTRY_CONFIG", file.toString());
            ProcessResult h = helm.run(dir, env, null, "registry", "logout", registry.host());
            ProcessResult c = charter.run(dir, env, null, "registry", "logout", registry.host());
            assertThat(c.err()).isEqualTo(h.err());
            assertThat(c.exitCode()).isEqualTo(h.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void unknownKeysSurviveAndDockerConfigIsAFallback(@TempDir Path dir) throws IOException {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        String original = "{\"zeta\":{\"b\":1,\"a\":[true,null]},\"auths\":{\"other.example\":{\"auth\":\"dTpw\",\"x\":\"<&>\"}},\"alpha\":\"v\"}";
        Path helmFile = Files.writeString(dir.resolve("helm.json"), original);
        Path charterFile = Files.writeString(dir.resolve("charter.json"), original);
        ok(helm.run(dir, Map.of("HELM_REGISTRY_CONFIG", helmFile.toString()), stdin("secret"),
                "registry", "login", registry.host(), "-u", "admin", "--password-stdin", "--plain-http"));
        ok(charter.run(dir, Map.of("HELM_REGISTRY_CONFIG", charterFile.toString()), stdin("secret"),
                "registry", "login", registry.host(), "-u", "admin", "--password-stdin", "--plain-http"));
        assertThat(Files.readString(charterFile)).isEqualTo(Files.readString(helmFile));

        Path docker = Files.createDirectories(dir.resolve("docker"));
        Files.copy(charterFile, docker.resolve("config.json"));
        ok(charter.run(dir, Map.of("DOCKER_CONFIG", docker.toString()), null,
                "push", chart.toString(), "oci://" + registry.host() + "/docker", "--plain-http"));
        assertThat(charter.registryConfig()).doesNotExist();
    }
}

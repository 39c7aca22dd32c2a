package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.Peers;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials kept by a real Docker credential helper — Debian's {@code docker-credential-pass} over
 * a {@code pass} store encrypted to a GnuPG key made for the test — used by Charter and Helm v4
 * alike: default-helper detection, {@code credsStore}, per-host {@code credHelpers}, login, push,
 * pull, logout, each tool reading what the other stored.
 */
class CredentialHelperTest {

    static DistributionRegistry registry;
    static Path chart;
    static Map<String, String> helperEnv;
    static Path work;
    static Path helpers;

    @BeforeAll
    static void start() throws Exception {
        helpers = Peers.cacheDir().resolve("docker-credential-helpers/usr/bin");
        if (!Files.isExecutable(helpers.resolve("docker-credential-pass"))) {
            Peers.unavailable("docker-credential-pass (bin/install-test-peers unpacks Debian's golang-docker-credential-helpers)");
        }
        if (Processes.run(Path.of("/"), Map.of(), null, List.of("sh", "-c", "command -v pass && command -v gpg")).exitCode() != 0) {
            Peers.unavailable("pass and gpg (bin/install-test-peers installs them)");
        }
        work = Files.createTempDirectory("cred-helper-");
        // short paths: gpg-agent's socket lives in GNUPGHOME and Unix socket paths are limited
        Path gnupg = Files.createTempDirectory(Path.of("/tmp"), "g");
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        helperEnv = new HashMap<>();
        helperEnv.put("PATH", helpers + ":" + System.getenv("PATH"));
        helperEnv.put("GNUPGHOME", gnupg.toString());
        helperEnv.put("PASSWORD_STORE_DIR", work.resolve("password-store").toString());
        run("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
                "Charter Test <charter@test.invalid>", "default", "default", "never");
        run("pass", "init", "charter@test.invalid");
        registry = DistributionRegistry.builder().htpasswd("admin", "s3cret").start();
        chart = OciTestSupport.packageChart(HelmOracle.v4(), work, "mychart", "0.1.0");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (helperEnv != null) {
            Processes.run(work, helperEnv, null, List.of("gpgconf", "--kill", "gpg-agent"));
        }
    }

    private static ProcessResult run(String... command) {
        ProcessResult r = Processes.run(work, helperEnv, null, List.of(command));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /** What the helper holds for the registry, or its error text. */
    private static String helperGet() {
        ProcessResult r = Processes.run(work, helperEnv, registry.host().getBytes(StandardCharsets.UTF_8),
                List.of(helpers.resolve("docker-credential-pass").toString(), "get"));
        return r.out().strip();
    }

    /** docker-credential-pass 0.6 answers an erased entry with empty fields, a never-stored one with "not found". */
    private static void erased(String got) {
        assertThat(got.contains("credentials not found") || got.contains("\"Username\":\"\",\"Secret\":\"\"")).as(got).isTrue();
    }

    private static final byte[] PASSWORD = "s3cret".getBytes(StandardCharsets.UTF_8);

    @Test
    void defaultHelperDetectionStoresInPassLikeHelm(@TempDir Path dir) throws Exception {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        String host = registry.host();
        ProcessResult h = ok(helm.run(dir, helperEnv, PASSWORD, "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        String helmFile = Files.readString(helm.home().resolve("config/registry/config.json"));
        ok(helm.run(dir, helperEnv, null, "registry", "logout", host));
        assertThat(helperGet()).satisfies(CredentialHelperTest::erased);

        ProcessResult c = ok(charter.run(dir, helperEnv, PASSWORD, "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        assertThat(c.out()).isEqualTo(h.out());
        assertThat(c.err()).isEqualTo(h.err());
        String charterFile = Files.readString(charter.registryConfig());
        assertThat(charterFile).isEqualTo(helmFile).contains("\"credsStore\": \"pass\"").doesNotContain("s3cret")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(helperGet()).contains("\"Username\":\"admin\"").contains("\"Secret\":\"s3cret\"");

        // Charter pushes with the helper's credentials; Helm pulls with Charter's registry config
        ok(charter.run(dir, helperEnv, null, "push", chart.toString(), "oci://" + host + "/helper", "--plain-http"));
        Path pulled = Files.createDirectories(dir.resolve("helm-pull"));
        Map<String, String> charterConfig = new HashMap<>(helperEnv);
        charterConfig.put("HELM_REGISTRY_CONFIG", charter.registryConfig().toString());
        ok(helm.run(pulled, charterConfig, null, "pull", "oci://" + host + "/helper/mychart", "--version", "0.1.0", "--plain-http"));
        assertThat(Files.readAllBytes(pulled.resolve("mychart-0.1.0.tgz"))).isEqualTo(Files.readAllBytes(chart));

        // logout erases from the helper; the same output as Helm's
        ProcessResult co = ok(charter.run(dir, helperEnv, null, "registry", "logout", host));
        assertThat(co.err()).isEqualTo("Removing login credentials for " + host + "\n");
        assertThat(helperGet()).satisfies(CredentialHelperTest::erased);
        ProcessResult denied = charter.run(Files.createDirectories(dir.resolve("denied")), helperEnv, null,
                "pull", "oci://" + host + "/helper/mychart", "--version", "0.1.0", "--plain-http");
        assertThat(denied.exitCode()).isEqualTo(1);
    }

    @Test
    void perHostCredHelpersAndHelmsLoginReadByCharter(@TempDir Path dir) throws Exception {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        String host = registry.host();
        String start = "{\n\t\"auths\": {\n\t\t\"other.example.com\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t}\n\t},\n"
                + "\t\"credHelpers\": {\n\t\t\"" + host + "\": \"pass\"\n\t},\n\t\"custom\": \"kept\"\n}";
        Path helmConfig = helm.home().resolve("config/registry/config.json");
        Files.createDirectories(helmConfig.getParent());
        Files.writeString(helmConfig, start);
        Files.createDirectories(charter.registryConfig().getParent());
        Files.writeString(charter.registryConfig(), start);

        ok(helm.run(dir, helperEnv, PASSWORD, "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        String helmAfter = Files.readString(helmConfig);
        // Charter reads the credentials Helm's login put into pass
        Path c1 = Files.createDirectories(dir.resolve("c1"));
        Map<String, String> helmsConfig = new HashMap<>(helperEnv);
        helmsConfig.put("HELM_REGISTRY_CONFIG", helmConfig.toString());
        ok(charter.run(c1, helmsConfig, null, "push", chart.toString(), "oci://" + host + "/perhost", "--plain-http"));
        ok(charter.run(c1, helmsConfig, null, "pull", "oci://" + host + "/perhost/mychart", "--version", "0.1.0", "--plain-http"));
        ok(helm.run(dir, helperEnv, null, "registry", "logout", host));

        ok(charter.run(dir, helperEnv, PASSWORD, "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        assertThat(Files.readString(charter.registryConfig())).isEqualTo(helmAfter).contains("\"custom\": \"kept\"")
                .contains("\"" + host + "\": \"pass\"").doesNotContain("s3cret");
        assertThat(helperGet()).contains("\"Secret\":\"s3cret\"");
        ok(charter.run(dir, helperEnv, null, "registry", "logout", host));
        assertThat(helperGet()).satisfies(CredentialHelperTest::erased);
    }
}

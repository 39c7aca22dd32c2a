package dev.charter.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys made by GnuPG itself (legacy exports), RSA and Ed25519, signed and verified both ways with Helm 4. */
class GnupgKeysTest {

    @TempDir
    Path dir;

    private ProcessResult gpg(Path home, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", ""));
        cmd.addAll(List.of(args));
        return Processes.run(dir, Map.of("GNUPGHOME", home.toString(), "HOME", dir.toString()), null, cmd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa3072", "ed25519"})
    void gnupgKeys(String algo) throws Exception {
        assumeTrue(Processes.which("gpg") != null, "gpg not installed");
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(gpg(home, "--quick-gen-key", "Gpg User <gpg@example.com>", algo, "sign", "never").exitCode()).isZero();
        Files.write(dir.resolve("secring.gpg"), gpg(home, "--export-secret-keys").stdout());
        Files.write(dir.resolve("pubring.gpg"), gpg(home, "--export").stdout());

        HelmOracle helm = HelmOracle.v4();
        assertThat(helm.run(dir, "create", "mychart").exitCode()).isZero();
        assertThat(helm.run(dir, "package", "mychart").exitCode()).isZero();
        Provenance.signChart(dir.resolve("mychart-0.1.0.tgz"), dir, "secring.gpg", "Gpg", PassphraseFetcher.of(new byte[0]));
        ProcessResult verified = helm.run(dir, "verify", "--keyring", "pubring.gpg", "mychart-0.1.0.tgz");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).isEqualTo(Provenance.verifyChart(dir, "mychart-0.1.0.tgz", "pubring.gpg").report());

        assertThat(helm.run(dir, "package", "--sign", "--key", "Gpg", "--keyring", "secring.gpg", "mychart").exitCode()).isZero();
        assertThat(Provenance.verifyChart(dir, "mychart-0.1.0.tgz", "pubring.gpg").signedBy())
                .containsExactly("Gpg User <gpg@example.com>");
    }
}

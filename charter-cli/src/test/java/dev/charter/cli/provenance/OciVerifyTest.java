package dev.charter.cli.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.provenance.KeyGenerator;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provenance through a registry: a chart signed and pushed with its {@code .prov}, then
 * {@code pull --verify} / {@code --prov} and {@code template --verify}-style local checks, compared
 * with Helm v4 on Debian's Distribution.
 */
class OciVerifyTest {

    static DistributionRegistry registry;
    static HelmOracle helm;
    static KeyGenerator.GeneratedKey key;

    @TempDir
    static Path work;

    @BeforeAll
    static void publish() {
        registry = DistributionRegistry.startOpen();
        helm = HelmOracle.v4();
        key = KeyGenerator.forUser("Registry Signer <signer@example.com>").generate();
        key.writeSecretKeyring(work.resolve("secring.gpg"));
        key.writePublicKeyring(work.resolve("pubring.gpg"));
        ok(helm.run(work, "create", "signed"));
        ok(helm.run(work, "create", "unsigned"));
        ok(new CharterRunner(helm.environment()).run(work, "package", "--sign", "--key", "Registry Signer",
                "--keyring", "secring.gpg", "signed"));
        ok(helm.run(work, "package", "unsigned"));
        ok(new CharterRunner(helm.environment()).run(work, "push", "signed-0.1.0.tgz", "oci://" + registry.host() + "/charts", "--plain-http"));
        ok(helm.run(work, "push", "unsigned-0.1.0.tgz", "oci://" + registry.host() + "/charts", "--plain-http"));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private ProcessResult[] both(String... args) throws Exception {
        Path helmDir = Files.createTempDirectory(work, "helm-");
        Path charterDir = Files.createTempDirectory(work, "charter-");
        Files.copy(work.resolve("pubring.gpg"), helmDir.resolve("pubring.gpg"));
        Files.copy(work.resolve("pubring.gpg"), charterDir.resolve("pubring.gpg"));
        return new ProcessResult[] {helm.run(helmDir, args), new CharterRunner(helm.environment()).run(charterDir, args),
            new ProcessResult(0, helmDir.toString().getBytes(), charterDir.toString().getBytes())};
    }

    @Test
    void pullVerifyOfASignedChartMatchesHelm() throws Exception {
        ProcessResult[] r = both("pull", "oci://" + registry.host() + "/charts/signed", "--version", "0.1.0",
                "--plain-http", "--verify", "--keyring", "pubring.gpg");
        assertThat(r[1].exitCode()).as(r[1].toString()).isEqualTo(r[0].exitCode()).isZero();
        assertThat(r[1].out()).isEqualTo(r[0].out()).startsWith("Signed by: Registry Signer <signer@example.com>\n");
        assertThat(r[1].err()).isEqualTo(r[0].err());
        Path charterDir = Path.of(r[2].err());
        assertThat(charterDir.resolve("signed-0.1.0.tgz.prov")).hasSameBinaryContentAs(work.resolve("signed-0.1.0.tgz.prov"));
    }

    @Test
    void pullVerifyWithoutProvenanceFailsLikeHelmAndKeepsTheArchive() throws Exception {
        ProcessResult[] r = both("pull", "oci://" + registry.host() + "/charts/unsigned", "--version", "0.1.0",
                "--plain-http", "--verify", "--keyring", "pubring.gpg");
        assertThat(r[0].exitCode()).isEqualTo(1);
        assertThat(r[1].exitCode()).isEqualTo(1);
        assertThat(r[1].err()).isEqualTo(r[0].err()).contains("Error: failed to fetch provenance \"oci://");
        assertThat(Path.of(r[2].err()).resolve("unsigned-0.1.0.tgz")).exists();
    }

    @Test
    void pullVerifyWithTheWrongKeyFailsLikeHelm() throws Exception {
        Path other = work.resolve("other.gpg");
        KeyGenerator.forUser("Someone Else <else@example.com>").generate().writePublicKeyring(other);
        ProcessResult[] r = both("pull", "oci://" + registry.host() + "/charts/signed", "--version", "0.1.0",
                "--plain-http", "--verify", "--keyring", other.toString());
        assertThat(r[1].exitCode()).isEqualTo(r[0].exitCode()).isEqualTo(1);
        assertThat(r[1].err()).isEqualTo(r[0].err());
    }

    @Test
    void localVerifyBeforeRenderingUsesTheProvNextToTheArchive() throws Exception {
        ProcessResult good = new CharterRunner(helm.environment()).run(work, "show", "chart", "signed-0.1.0.tgz",
                "--verify", "--keyring", "pubring.gpg");
        ProcessResult helmGood = helm.run(work, "show", "chart", "signed-0.1.0.tgz", "--verify", "--keyring", "pubring.gpg");
        assertThat(good.exitCode()).isEqualTo(helmGood.exitCode());
        assertThat(good.out()).isEqualTo(helmGood.out());
        ProcessResult bad = new CharterRunner(helm.environment()).run(work, "show", "chart", "unsigned-0.1.0.tgz",
                "--verify", "--keyring", "pubring.gpg");
        ProcessResult helmBad = helm.run(work, "show", "chart", "unsigned-0.1.0.tgz", "--verify", "--keyring", "pubring.gpg");
        assertThat(bad.exitCode()).isEqualTo(helmBad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo(helmBad.err());
    }
}

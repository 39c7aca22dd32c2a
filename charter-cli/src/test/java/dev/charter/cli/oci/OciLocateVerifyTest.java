package dev.charter.cli.oci;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code show}/{@code template}/{@code install} with {@code --verify} on {@code oci://} refs
 * (ChartPathOptions.locate's OCI branch), side by side with Helm v4 on Debian's Distribution: a
 * chart signed by {@code charter package --sign}, an unsigned one, and a keyring without the key.
 */
class OciLocateVerifyTest {

    static DistributionRegistry registry;
    static HelmOracle helm;

    @TempDir
    static Path work;

    @BeforeAll
    static void publish() {
        registry = DistributionRegistry.startOpen();
        helm = HelmOracle.v4();
        KeyGenerator.GeneratedKey key = KeyGenerator.forUser("x").generate();
        key.writeSecretKeyring(work.resolve("secring.gpg"));
        key.writePublicKeyring(work.resolve("pubring.gpg"));
        KeyGenerator.forUser("Someone Else <else@example.com>").generate().writePublicKeyring(work.resolve("other.gpg"));
        CharterRunner charter = new CharterRunner(helm.environment());
        ok(helm.run(work, "create", "signed"));
        ok(helm.run(work, "create", "unsigned"));
        ok(charter.run(work, "package", "--sign", "--key", "x", "--keyring", "secring.gpg", "signed"));
        ok(helm.run(work, "package", "unsigned"));
        ok(charter.run(work, "push", "signed-0.1.0.tgz", "oci://" + registry.host() + "/charts", "--plain-http"));
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

    /** The same command through Helm and Charter, each in a fresh directory with both keyrings. */
    private static ProcessResult[] both(String command, String chart, String keyring) throws Exception {
        String ref = "oci://" + registry.host() + "/charts/" + chart;
        String[] args = switch (command) {
            case "show" -> new String[] {"show", "chart", ref};
            case "template" -> new String[] {"template", "r", ref};
            default -> new String[] {"install", "r", ref, "--dry-run=client"};
        };
        String[] full = concat(args, "--version", "0.1.0", "--plain-http", "--verify", "--keyring", keyring);
        Path helmDir = Files.createTempDirectory(work, "helm-");
        Path charterDir = Files.createTempDirectory(work, "charter-");
        for (Path d : new Path[] {helmDir, charterDir}) {
            Files.copy(work.resolve("pubring.gpg"), d.resolve("pubring.gpg"));
            Files.copy(work.resolve("other.gpg"), d.resolve("other.gpg"));
        }
        return new ProcessResult[] {helm.run(helmDir, full), new CharterRunner(helm.environment()).run(charterDir, full)};
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static void assertSame(ProcessResult[] r) {
        assertThat(r[1].err()).as("stderr").isEqualTo(r[0].err());
        assertThat(r[1].out()).as("stdout").isEqualTo(r[0].out());
        assertThat(r[1].exitCode()).as("exit code").isEqualTo(r[0].exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "template", "install"})
    void signedChartVerifies(String command) throws Exception {
        ProcessResult[] r = both(command, "signed", "pubring.gpg");
        assertThat(r[1].exitCode()).as(r[1].toString()).isZero();
        if (!command.equals("install")) {
            assertSame(r);
        } else {
            // the release's timestamps differ run to run; stderr and exit code must still match
            assertThat(r[1].err()).isEqualTo(r[0].err());
            assertThat(r[1].exitCode()).isEqualTo(r[0].exitCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "template", "install"})
    void unsignedChartFailsToFetchProvenance(String command) throws Exception {
        ProcessResult[] r = both(command, "unsigned", "pubring.gpg");
        assertThat(r[1].exitCode()).isEqualTo(1);
        assertThat(r[1].err()).contains("failed to fetch provenance");
        assertSame(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "template"})
    void wrongKeyFails(String command) throws Exception {
        ProcessResult[] r = both(command, "signed", "other.gpg");
        assertThat(r[1].exitCode()).isEqualTo(1);
        assertSame(r);
    }
}

package dev.charter.cli.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.provenance.KeyGenerator;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code charter verify} and {@code charter package --sign} against {@code helm} v4 and v3. */
class ProvenanceCliTest {

    static final String USER = "Test User (charter) <test@example.com>";
    static KeyGenerator.GeneratedKey key;
    static KeyGenerator.GeneratedKey locked;
    static KeyGenerator.GeneratedKey other;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        key = KeyGenerator.forUser(USER).generate();
        locked = KeyGenerator.forUser("Locked Key <locked@example.com>").passphrase("s3cret").generate();
        other = KeyGenerator.forUser("Other Key <other@example.com>").generate();
    }

    static Stream<HelmOracle> helms() {
        return Stream.of(HelmOracle.v4(), HelmOracle.v3());
    }

    private void rings() {
        key.writeSecretKeyring(dir.resolve("secring.gpg"));
        key.writePublicKeyring(dir.resolve("pubring.gpg"));
        other.writePublicKeyring(dir.resolve("other.gpg"));
        locked.writeSecretKeyring(dir.resolve("lock-sec.gpg"));
        locked.writePublicKeyring(dir.resolve("lock-pub.gpg"));
    }

    private static CharterRunner charter(HelmOracle helm) {
        return new CharterRunner(helm.environment());
    }

    private static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private static void assertSame(ProcessResult helm, ProcessResult charter) {
        assertThat(charter.exitCode()).as("exit code; helm: " + helm + " charter: " + charter).isEqualTo(helm.exitCode());
        assertThat(charter.out()).as("stdout").isEqualTo(helm.out());
        // the program name is the only intended difference
        assertThat(charter.err()).as("stderr").isEqualTo(helm.err().replace("helm verify", "charter verify"));
    }

    private static String body(Path prov) throws Exception {
        String s = Files.readString(prov);
        return s.substring(0, s.indexOf("-----BEGIN PGP SIGNATURE-----"));
    }

    @ParameterizedTest
    @MethodSource("helms")
    void charterPackageSignHelmVerify(HelmOracle helm) throws Exception {
        rings();
        ok(helm.run(dir, "create", "mychart"));
        ProcessResult packaged = ok(charter(helm).run(dir, "package", "--sign", "--key", "Test", "--keyring", "secring.gpg", "mychart"));
        assertThat(packaged.out()).startsWith("Successfully packaged chart and saved it to: ");
        ProcessResult helmVerify = ok(helm.run(dir, "verify", "--keyring", "pubring.gpg", "mychart-0.1.0.tgz"));
        assertThat(helmVerify.out()).startsWith("Signed by: " + USER + "\nUsing Key With Fingerprint: " + key.fingerprint() + "\n");
        assertSame(helmVerify, charter(helm).run(dir, "verify", "--keyring", "pubring.gpg", "mychart-0.1.0.tgz"));

        // Helm signing the same chart with the same key writes the same signed text (Helm 4 layout)
        Files.createDirectories(dir.resolve("h"));
        ok(helm.run(dir, "package", "--sign", "--key", "Test", "--keyring", "secring.gpg", "-d", "h", "mychart"));
        String ours = body(dir.resolve("mychart-0.1.0.tgz.prov"));
        String theirs = body(dir.resolve("h/mychart-0.1.0.tgz.prov"));
        String hashLine = "(?m)^  mychart-0\\.1\\.0\\.tgz: sha256:[0-9a-f]{64}$";
        if (helm.release() == HelmOracle.Release.V3) {
            theirs = theirs.replaceFirst("\n$", "\n\n");
        }
        assertThat(ours.replaceAll(hashLine, "HASH")).isEqualTo(theirs.replaceAll(hashLine, "HASH"));
        if (Files.mismatch(dir.resolve("mychart-0.1.0.tgz"), dir.resolve("h/mychart-0.1.0.tgz")) == -1) {
            assertThat(ours).isEqualTo(theirs);
        }
    }

    @ParameterizedTest
    @MethodSource("helms")
    void helmPackageSignCharterVerify(HelmOracle helm) throws Exception {
        rings();
        ok(helm.run(dir, "create", "mychart"));
        ok(helm.run(dir, "package", "--sign", "--key", "Test", "--keyring", "secring.gpg", "mychart"));
        assertSame(helm.run(dir, "verify", "--keyring", "pubring.gpg", "mychart-0.1.0.tgz"),
                charter(helm).run(dir, "verify", "--keyring", "pubring.gpg", "mychart-0.1.0.tgz"));
        // default keyring: ~/.gnupg/pubring.gpg under the isolated HOME
        Path gnupg = helm.home().resolve(".gnupg");
        Files.createDirectories(gnupg);
        Files.copy(dir.resolve("pubring.gpg"), gnupg.resolve("pubring.gpg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertSame(helm.run(dir, "verify", "mychart-0.1.0.tgz"), charter(helm).run(dir, "verify", "mychart-0.1.0.tgz"));
        // $GNUPGHOME wins
        Map<String, String> gnupgHome = Map.of("GNUPGHOME", dir.resolve("nowhere").toString());
        assertSame(helm.run(dir, gnupgHome, null, "verify", "mychart-0.1.0.tgz"),
                charter(helm).run(dir, gnupgHome, null, "verify", "mychart-0.1.0.tgz"));
    }

    @ParameterizedTest
    @MethodSource("helms")
    void verifyFailures(HelmOracle helm) throws Exception {
        rings();
        ok(helm.run(dir, "create", "mychart"));
        ok(charter(helm).run(dir, "package", "--sign", "--key", "Test", "--keyring", "secring.gpg", "mychart"));
        Files.createDirectories(dir.resolve("t"));
        Files.copy(dir.resolve("mychart-0.1.0.tgz"), dir.resolve("t/mychart-0.1.0.tgz"));
        List<List<String>> cases = List.of(
                List.of("verify"),
                List.of("verify", "a.tgz", "b.tgz"),
                List.of("verify", "--keyring", "pubring.gpg", "nothere.tgz"),
                List.of("verify", "--keyring", "pubring.gpg", "mychart"),
                List.of("verify", "--keyring", "pubring.gpg", "mychart/Chart.yaml"),
                List.of("verify", "--keyring", "pubring.gpg", "t/mychart-0.1.0.tgz"),
                List.of("verify", "--keyring", "other.gpg", "mychart-0.1.0.tgz"),
                List.of("verify", "--keyring", "missing.gpg", "mychart-0.1.0.tgz"));
        for (List<String> args : cases) {
            assertSame(helm.run(dir, args.toArray(String[]::new)), charter(helm).run(dir, args.toArray(String[]::new)));
        }
        // archive replaced after signing
        Files.copy(dir.resolve("mychart-0.1.0.tgz.prov"), dir.resolve("t/mychart-0.1.0.tgz.prov"));
        Files.write(dir.resolve("t/mychart-0.1.0.tgz"), new byte[] {31, (byte) 139, 8, 0, 0});
        assertSame(helm.run(dir, "verify", "--keyring", "pubring.gpg", "t/mychart-0.1.0.tgz"),
                charter(helm).run(dir, "verify", "--keyring", "pubring.gpg", "t/mychart-0.1.0.tgz"));
        // signature bytes damaged
        String prov = Files.readString(dir.resolve("mychart-0.1.0.tgz.prov"));
        Files.copy(dir.resolve("mychart-0.1.0.tgz"), dir.resolve("t/mychart-0.1.0.tgz"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String[] lines = prov.split("\n");
        int sigLine = List.of(lines).indexOf("-----BEGIN PGP SIGNATURE-----") + 4;
        lines[sigLine] = lines[sigLine].substring(0, 20) + (lines[sigLine].charAt(20) == 'Q' ? 'R' : 'Q') + lines[sigLine].substring(21);
        Files.writeString(dir.resolve("t/mychart-0.1.0.tgz.prov"), String.join("\n", lines));
        assertSame(helm.run(dir, "verify", "--keyring", "pubring.gpg", "t/mychart-0.1.0.tgz"),
                charter(helm).run(dir, "verify", "--keyring", "pubring.gpg", "t/mychart-0.1.0.tgz"));
    }

    @Test
    void packageSignFailuresAndPassphrases() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        rings();
        ok(helm.run(dir, "create", "mychart"));
        Files.writeString(dir.resolve("pass"), "s3cret\n");
        Files.writeString(dir.resolve("wrong"), "nope\n");
        List<List<String>> cases = List.of(
                List.of("package", "--sign", "mychart"),
                List.of("package", "--sign", "--key", "Nobody", "--keyring", "secring.gpg", "mychart"),
                List.of("package", "--sign", "--key", "Test", "--keyring", "pubring.gpg", "mychart"),
                List.of("package", "--sign", "--key", "Test", "--keyring", "missing.gpg", "mychart"),
                List.of("package", "--sign", "--key", "Locked", "--keyring", "lock-sec.gpg", "--passphrase-file", "wrong", "mychart"),
                List.of("package", "--sign", "--key", "Locked", "--keyring", "lock-sec.gpg", "--passphrase-file", "nofile", "mychart"));
        for (List<String> args : cases) {
            ProcessResult h = helm.run(dir, args.toArray(String[]::new));
            ProcessResult c = charter(helm).run(dir, args.toArray(String[]::new));
            assertThat(c.exitCode()).as(args + " " + h + c).isEqualTo(h.exitCode()).isEqualTo(1);
            assertThat(c.err()).as(args.toString()).isEqualTo(h.err());
        }
        ok(charter(helm).run(dir, "package", "--sign", "--key", "Locked", "--keyring", "lock-sec.gpg", "--passphrase-file", "pass", "mychart"));
        ok(helm.run(dir, "verify", "--keyring", "lock-pub.gpg", "mychart-0.1.0.tgz"));
        Files.delete(dir.resolve("mychart-0.1.0.tgz.prov"));
        ok(charter(helm).run(dir, Map.of(), "s3cret\n".getBytes(StandardCharsets.UTF_8),
                "package", "--sign", "--key", "Locked", "--keyring", "lock-sec.gpg", "--passphrase-file", "-", "mychart"));
        ok(helm.run(dir, "verify", "--keyring", "lock-pub.gpg", "mychart-0.1.0.tgz"));
        ProcessResult noStdin = charter(helm).run(dir, "package", "--sign", "--key", "Locked", "--keyring", "lock-sec.gpg",
                "--passphrase-file", "-", "mychart");
        assertThat(noStdin.err()).isEqualTo("Error: specified reading passphrase from stdin, without input on stdin\n");
        // prompt: Helm's text on stdout, the answer from stdin
        ProcessResult prompted = ok(charter(helm).run(dir, Map.of(), "s3cret\n".getBytes(StandardCharsets.UTF_8),
                "package", "--sign", "--key", "Locked", "--keyring", "lock-sec.gpg", "mychart"));
        assertThat(prompted.out()).startsWith("Password for key \"Locked Key <locked@example.com>\" >  \n");
        ok(helm.run(dir, "verify", "--keyring", "lock-pub.gpg", "mychart-0.1.0.tgz"));
    }
}

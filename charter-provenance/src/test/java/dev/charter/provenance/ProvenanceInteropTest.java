package dev.charter.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Charter's provenance against the real Helm v4.1.4 and v3.17.3, both directions. */
class ProvenanceInteropTest {

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

    private Path chart(HelmOracle helm, String name) throws Exception {
        ok(helm.run(dir, "create", name));
        ok(helm.run(dir, "package", name));
        return dir.resolve(name + "-0.1.0.tgz");
    }

    private static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private static String helmError(ProcessResult r) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        String err = r.err().strip();
        assertThat(err).startsWith("Error: ");
        return err.substring("Error: ".length());
    }

    private static String bodyOf(String prov) {
        return prov.substring(0, prov.indexOf(ClearSign.BEGIN_SIGNATURE));
    }

    @ParameterizedTest
    @MethodSource("helms")
    void charterSignsHelmVerifies(HelmOracle helm) throws Exception {
        Path tgz = chart(helm, "mychart");
        Path secring = key.writeSecretKeyring(dir.resolve("secring.gpg"));
        key.writePublicKeyring(dir.resolve("pubring.gpg"));
        Path prov = Provenance.signChart(tgz, dir, secring.toString(), "Test", PassphraseFetcher.of(new byte[0]));
        assertThat(prov).hasFileName("mychart-0.1.0.tgz.prov");

        ProcessResult verified = ok(helm.run(dir, "verify", "--keyring", "pubring.gpg", "mychart-0.1.0.tgz"));
        Verification ours = Provenance.verifyChart(dir, "mychart-0.1.0.tgz", "pubring.gpg");
        assertThat(verified.out()).isEqualTo(ours.report());
        assertThat(ours.report()).isEqualTo("Signed by: " + USER + "\nUsing Key With Fingerprint: " + key.fingerprint()
                + "\nChart Hash Verified: sha256:" + Signatory.digest(Files.readAllBytes(tgz)) + "\n");
    }

    @ParameterizedTest
    @MethodSource("helms")
    void helmSignsCharterVerifiesSameLayout(HelmOracle helm) throws Exception {
        key.writeSecretKeyring(dir.resolve("secring.gpg"));
        key.writePublicKeyring(dir.resolve("pubring.gpg"));
        ok(helm.run(dir, "create", "mychart"));
        ok(helm.run(dir, "package", "--sign", "--key", "Test", "--keyring", "secring.gpg", "mychart"));
        Path tgz = dir.resolve("mychart-0.1.0.tgz");
        String helmProv = Files.readString(dir.resolve("mychart-0.1.0.tgz.prov"));

        Verification v = Provenance.verifyChart(dir, "mychart-0.1.0.tgz", "pubring.gpg");
        assertThat(v.report()).isEqualTo(ok(helm.run(dir, "verify", "--keyring", "pubring.gpg", "mychart-0.1.0.tgz")).out());

        // Charter signs the same archive with the same key: same document up to the signature
        String ours = Signatory.fromKeyring(dir.resolve("secring.gpg"), "Test", new byte[0]).sign(tgz);
        if (helm.release() == HelmOracle.Release.V4) {
            assertThat(bodyOf(ours)).isEqualTo(bodyOf(helmProv));
            assertThat(ours).doesNotEndWith("\n").endsWith("-----END PGP SIGNATURE-----");
            assertThat(helmProv).doesNotEndWith("\n");
        } else {
            // Helm 3's go-crypto put no empty line between the text and the signature armor
            assertThat(bodyOf(ours)).isEqualTo(bodyOf(helmProv).replaceFirst("\n$", "\n\n"));
        }
    }

    @Test
    void passphraseProtectedKeyInterop() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        Path tgz = chart(helm, "mychart");
        locked.writeSecretKeyring(dir.resolve("lock-sec.gpg"));
        locked.writePublicKeyring(dir.resolve("lock-pub.gpg"));
        Files.writeString(dir.resolve("pass.txt"), "s3cret\n");
        Provenance.signChart(tgz, dir, "lock-sec.gpg", "Locked",
                Provenance.passphraseFile(dir, "pass.txt", new ByteArrayInputStream(new byte[0])));
        ok(helm.run(dir, "verify", "--keyring", "lock-pub.gpg", "mychart-0.1.0.tgz"));

        Files.writeString(dir.resolve("wrong.txt"), "nope\n");
        String helmErr = helmError(helm.run(dir, "package", "--sign", "--key", "Locked", "--keyring", "lock-sec.gpg",
                "--passphrase-file", "wrong.txt", "mychart"));
        assertThatThrownBy(() -> Provenance.signChart(tgz, dir, "lock-sec.gpg", "Locked",
                Provenance.passphraseFile(dir, "wrong.txt", new ByteArrayInputStream(new byte[0]))))
                .hasMessage(helmErr);

        // Helm signs with the protected key (passphrase on stdin), Charter verifies
        ok(helm.run(dir, Map.of(), "s3cret\n".getBytes(StandardCharsets.UTF_8), "package", "--sign", "--key", "Locked",
                "--keyring", "lock-sec.gpg", "--passphrase-file", "-", "mychart"));
        assertThat(Provenance.verifyChart(dir, "mychart-0.1.0.tgz", "lock-pub.gpg").signedBy())
                .containsExactly("Locked Key <locked@example.com>");
    }

    @Test
    void signingFailuresMatchHelm() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        Path tgz = chart(helm, "mychart");
        key.writeSecretKeyring(dir.resolve("secring.gpg"));
        key.writePublicKeyring(dir.resolve("pubring.gpg"));
        Files.write(dir.resolve("both.gpg"), KeyGenerator.GeneratedKey.concat(List.of(key.secretKeyring(), other.secretKeyring())));
        PassphraseFetcher none = PassphraseFetcher.of(new byte[0]);
        record Case(String keyring, String key) {
        }
        for (Case c : List.of(new Case("secring.gpg", "Nobody"), new Case("pubring.gpg", "Test"),
                new Case("both.gpg", "example.com"), new Case("missing.gpg", "Test"))) {
            String expected = helmError(helm.run(dir, "package", "--sign", "--key", c.key(), "--keyring", c.keyring(), "mychart"));
            assertThatThrownBy(() -> Provenance.signChart(tgz, dir, c.keyring(), c.key(), none))
                    .as(c.toString()).hasMessage(expected);
        }
        String expected = helmError(helm.run(dir, "package", "--sign", "--key", "Test", "--keyring", "secring.gpg",
                "--passphrase-file", "nofile", "mychart"));
        assertThatThrownBy(() -> Provenance.passphraseFile(dir, "nofile", new ByteArrayInputStream(new byte[0])))
                .hasMessage(expected);
    }

    @ParameterizedTest
    @MethodSource("helms")
    void verifyFailuresMatchHelm(HelmOracle helm) throws Exception {
        Path tgz = chart(helm, "mychart");
        Path secring = key.writeSecretKeyring(dir.resolve("secring.gpg"));
        key.writePublicKeyring(dir.resolve("pubring.gpg"));
        other.writePublicKeyring(dir.resolve("other.gpg"));
        Files.write(dir.resolve("empty.gpg"), new byte[0]);
        Files.writeString(dir.resolve("armored.asc"), key.armoredPublicKey());
        Provenance.signChart(tgz, dir, secring.toString(), "Test", PassphraseFetcher.of(new byte[0]));
        String goodProv = Files.readString(dir.resolve("mychart-0.1.0.tgz.prov"));
        Files.createDirectories(dir.resolve("t"));
        Files.copy(tgz, dir.resolve("t/mychart-0.1.0.tgz"));
        Files.copy(tgz, dir.resolve("t/other.tar.gz"));
        Path tprov = dir.resolve("t/mychart-0.1.0.tgz.prov");
        boolean v4 = helm.release() == HelmOracle.Release.V4;

        // not found, directory, not a tgz, missing keyring, missing provenance
        expectSame(helm, "nothere.tgz", "pubring.gpg");
        expectSame(helm, "mychart", "pubring.gpg");
        expectSame(helm, "t/other.tar.gz", "pubring.gpg");
        expectSame(helm, "mychart-0.1.0.tgz", "missing.gpg");
        expectSame(helm, "t/mychart-0.1.0.tgz", "pubring.gpg");
        // unknown signer, empty keyring
        expectSame(helm, "mychart-0.1.0.tgz", "other.gpg");
        expectSame(helm, "mychart-0.1.0.tgz", "empty.gpg");
        // not a clear-signed document
        Files.writeString(tprov, "garbage\n");
        if (v4) {
            expectSame(helm, "t/mychart-0.1.0.tgz", "pubring.gpg");
        }
        // the signature itself is damaged
        String[] lines = goodProv.split("\n");
        int sigLine = List.of(lines).indexOf(ClearSign.BEGIN_SIGNATURE) + 4;
        char[] chars = lines[sigLine].toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        lines[sigLine] = new String(chars);
        Files.writeString(tprov, String.join("\n", lines));
        expectSame(helm, "t/mychart-0.1.0.tgz", "pubring.gpg");
        // the signed text is tampered with (Helm 3's older go-crypto says "hash tag doesn't match")
        Files.writeString(tprov, goodProv.replace("version: 0.1.0", "version: 0.1.1"));
        if (v4) {
            expectSame(helm, "t/mychart-0.1.0.tgz", "pubring.gpg");
        }
        // the archive is not the one signed
        Files.writeString(tprov, goodProv);
        Files.write(dir.resolve("t/mychart-0.1.0.tgz"), new byte[] {31, (byte) 139, 8, 0});
        expectSame(helm, "t/mychart-0.1.0.tgz", "pubring.gpg");
        // the provenance names another file
        Files.copy(tgz, dir.resolve("t/renamed-0.1.0.tgz"));
        Files.writeString(dir.resolve("t/renamed-0.1.0.tgz.prov"), goodProv);
        expectSame(helm, "t/renamed-0.1.0.tgz", "pubring.gpg");
        // armored keyrings: Helm 4.1.4/3.17.3 reject them, Charter (like newer Helm) accepts them
        assertThat(helmError(helm.run(dir, "verify", "--keyring", "armored.asc", "mychart-0.1.0.tgz")))
                .isEqualTo("failed to load keyring: openpgp: invalid data: tag byte does not have MSB set");
        assertThat(Provenance.verifyChart(dir, "mychart-0.1.0.tgz", "armored.asc").fingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void expiredAndRevokedKeysMatchHelm4() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        Path tgz = chart(helm, "mychart");
        KeyGenerator.GeneratedKey expired = KeyGenerator.forUser("Expired Key <exp@example.com>")
                .createdAt(Instant.now().minus(Duration.ofDays(30))).expiresAfter(Duration.ofDays(1)).generate();
        expired.writeSecretKeyring(dir.resolve("exp-sec.gpg"));
        expired.writePublicKeyring(dir.resolve("exp-pub.gpg"));
        Provenance.signChart(tgz, dir, "exp-sec.gpg", "Expired", PassphraseFetcher.of(new byte[0]));
        expectSame(helm, "mychart-0.1.0.tgz", "exp-pub.gpg");
        assertThat(helmError(helm.run(dir, "verify", "--keyring", "exp-pub.gpg", "mychart-0.1.0.tgz")))
                .isEqualTo("openpgp: key expired");
        // Helm signs with the expired key too; Charter rejects it the same way
        ok(helm.run(dir, "package", "--sign", "--key", "Expired", "--keyring", "exp-sec.gpg", "mychart"));
        expectSame(helm, "mychart-0.1.0.tgz", "exp-pub.gpg");

        KeyGenerator.GeneratedKey revoked = KeyGenerator.forUser("Revoked Key <rev@example.com>").generate();
        revoked.writeSecretKeyring(dir.resolve("rev-sec.gpg"));
        Provenance.signChart(tgz, dir, "rev-sec.gpg", "Revoked", PassphraseFetcher.of(new byte[0]));
        revoked.revoke().writePublicKeyring(dir.resolve("rev-pub.gpg"));
        assertThat(helmError(helm.run(dir, "verify", "--keyring", "rev-pub.gpg", "mychart-0.1.0.tgz")))
                .isEqualTo("openpgp: signature made by revoked key");
        expectSame(helm, "mychart-0.1.0.tgz", "rev-pub.gpg");
    }

    private void expectSame(HelmOracle helm, String chart, String keyring) {
        String expected = helmError(helm.run(dir, "verify", "--keyring", keyring, chart));
        assertThatThrownBy(() -> Provenance.verifyChart(dir, chart, keyring))
                .as(chart + " with " + keyring).isInstanceOf(ProvenanceException.class).hasMessage(expected);
    }
}

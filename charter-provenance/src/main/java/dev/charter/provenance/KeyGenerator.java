package dev.charter.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Creates OpenPGP signing keys the way {@code gpg --quick-gen-key NAME rsa2048 sign} does (an RSA
 * primary key flagged certify+sign, one user ID) and writes them in the legacy GnuPG keyring
 * formats Helm reads ({@code gpg --export-secret-keys > secring.gpg}, {@code gpg --export > pubring.gpg}).
 */
public final class KeyGenerator {

    private final String userId;
    private int bits = 2048;
    private char[] passphrase;
    private Instant created = Instant.now();
    private Duration lifetime;

    private KeyGenerator(String userId) {
        this.userId = userId;
    }

    /** A generator for a key with the user ID {@code userId} (e.g. {@code Jane (CI) <jane@example.com>}). */
    public static KeyGenerator forUser(String userId) {
        return new KeyGenerator(userId);
    }

    public KeyGenerator bits(int bits) {
        this.bits = bits;
        return this;
    }

    /** Protects the secret key with a passphrase (AES-256, iterated-salted S2K, SHA-1 checksum like GnuPG). */
    public KeyGenerator passphrase(String passphrase) {
        this.passphrase = passphrase == null ? null : passphrase.toCharArray();
        return this;
    }

    /** The key creation time (GnuPG's {@code --faked-system-time}). */
    public KeyGenerator createdAt(Instant created) {
        this.created = created;
        return this;
    }

    /** The key expires this long after its creation. */
    public KeyGenerator expiresAfter(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    public GeneratedKey generate() {
        try {
            RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
            gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), bits, 80));
            PGPKeyPair pair = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.RSA_GENERAL,
                    gen.generateKeyPair(), Date.from(created));
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(created));
            hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            hashed.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});
            hashed.setIssuerFingerprint(false, pair.getPublicKey());
            if (lifetime != null) {
                hashed.setKeyExpirationTime(false, lifetime.toSeconds());
            }
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1,
                    hashed.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
                    passphrase == null ? null
                            : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1, 0x60).build(passphrase));
            return new GeneratedKey(rings.generateSecretKeyRing(), rings.generatePublicKeyRing(), passphrase);
        } catch (PGPException e) {
            throw new ProvenanceException("cannot generate key: " + e.getMessage(), e);
        }
    }

    /** A generated key pair. */
    public static final class GeneratedKey {
        private final PGPSecretKeyRing secret;
        private PGPPublicKeyRing pub;
        private final char[] passphrase;

        GeneratedKey(PGPSecretKeyRing secret, PGPPublicKeyRing pub, char[] passphrase) {
            this.secret = secret;
            this.pub = pub;
            this.passphrase = passphrase;
        }

        public PGPSecretKeyRing secretRing() {
            return secret;
        }

        public PGPPublicKeyRing publicRing() {
            return pub;
        }

        public String fingerprint() {
            return java.util.HexFormat.of().formatHex(pub.getPublicKey().getFingerprint()).toUpperCase(java.util.Locale.ROOT);
        }

        /** Adds a key revocation signature to the public key (as importing GnuPG's revocation certificate). */
        public GeneratedKey revoke() {
            try {
                PGPPrivateKey priv = secret.getSecretKey().extractPrivateKey(passphrase == null ? null
                        : new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
                PGPPublicKey primary = pub.getPublicKey();
                PGPSignatureGenerator gen = new PGPSignatureGenerator(
                        new BcPGPContentSignerBuilder(primary.getAlgorithm(), HashAlgorithmTags.SHA512), primary);
                gen.init(PGPSignature.KEY_REVOCATION, priv);
                PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
                hashed.setSignatureCreationTime(false, new Date());
                hashed.setRevocationReason(false, (byte) 0, "");
                hashed.setIssuerFingerprint(false, primary);
                gen.setHashedSubpackets(hashed.generate());
                PGPSignature revocation = gen.generateCertification(primary);
                pub = PGPPublicKeyRing.insertPublicKey(pub, PGPPublicKey.addCertification(primary, revocation));
                return this;
            } catch (PGPException e) {
                throw new ProvenanceException("cannot revoke key: " + e.getMessage(), e);
            }
        }

        /** {@code gpg --export-secret-keys} (binary). */
        public byte[] secretKeyring() {
            return encode(secret);
        }

        /** {@code gpg --export} (binary). */
        public byte[] publicKeyring() {
            return encode(pub);
        }

        /** Binary keyrings concatenated, as several exports appended to one file. */
        public static byte[] concat(List<byte[]> parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            return out.toByteArray();
        }

        public Path writeSecretKeyring(Path file) {
            return write(file, secretKeyring());
        }

        public Path writePublicKeyring(Path file) {
            return write(file, publicKeyring());
        }

        /** {@code gpg --export --armor}. */
        public String armoredPublicKey() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (org.bouncycastle.bcpg.ArmoredOutputStream armor = new org.bouncycastle.bcpg.ArmoredOutputStream(bytes)) {
                armor.write(publicKeyring());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        private static byte[] encode(Object ring) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (BCPGOutputStream out = new BCPGOutputStream(bytes, PacketFormat.LEGACY)) {
                if (ring instanceof PGPSecretKeyRing s) {
                    s.encode(out);
                } else {
                    ((PGPPublicKeyRing) ring).encode(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        private static Path write(Path file, byte[] data) {
            try {
                Files.write(file, data);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

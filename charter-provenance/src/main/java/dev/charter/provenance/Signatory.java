package dev.charter.provenance;

import dev.charter.chart.Chart;
import dev.charter.chart.ChartException;
import dev.charter.chart.GoQuote;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.yaml.GoYaml;
import dev.charter.yaml.YamlException;
import dev.charter.yaml.YamlReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Helm's {@code provenance.Signatory}: signs chart archives into provenance files and verifies
 * provenance files against a keyring. Errors are {@link ProvenanceException}s carrying Helm's texts.
 *
 * <pre>{@code
 * Signatory s = Signatory.fromKeyring(secring, "Jane");   // NewFromKeyring
 * s.decryptKey(PassphraseFetcher.of(passphrase));        // DecryptKey
 * String prov = s.sign(Path.of("mychart-0.1.0.tgz"));     // Package.Clearsign
 * Verification v = Signatory.fromKeyring(pubring, "").verify(tgzBytes, provBytes, "mychart-0.1.0.tgz");
 * }</pre>
 */
public final class Signatory {

    private final Keyring keyring;
    private final KeyEntity entity;
    private PGPPrivateKey privateKey;
    private Clock clock = Clock.systemUTC();

    private Signatory(Keyring keyring, KeyEntity entity) {
        this.keyring = keyring;
        this.entity = entity;
    }

    /** A signatory over an already loaded keyring, without signing entity (for verification). */
    public static Signatory forKeyring(Keyring keyring) {
        return new Signatory(keyring, null);
    }

    /** Helm's {@code NewFromKeyring(keyringfile, id)}. */
    public static Signatory fromKeyring(Path keyringFile, String id) {
        return fromKeyring(keyringFile, keyringFile.toString(), id);
    }

    /** As {@link #fromKeyring(Path, String)}, naming the keyring {@code displayName} in errors. */
    public static Signatory fromKeyring(Path keyringFile, String displayName, String id) {
        return select(Keyring.load(keyringFile, displayName), id);
    }

    /** Keyring, key selection and key decryption in one: ready to {@link #sign}. */
    public static Signatory fromKeyring(Path keyringFile, String id, byte[] passphrase) {
        Signatory s = fromKeyring(keyringFile, id);
        s.decryptKey(PassphraseFetcher.of(passphrase == null ? new byte[0] : passphrase));
        return s;
    }

    /**
     * Helm's key selection: a user ID equal to {@code id} wins, otherwise the single key with a user
     * ID containing it; several such keys are an error; none leaves no signing entity.
     */
    public static Signatory select(Keyring keyring, String id) {
        if (id == null || id.isEmpty()) {
            return new Signatory(keyring, null);
        }
        KeyEntity candidate = null;
        boolean vague = false;
        for (KeyEntity e : keyring.entities()) {
            for (String name : e.identities()) {
                if (name.equals(id)) {
                    return new Signatory(keyring, e);
                }
                if (name.contains(id)) {
                    if (candidate != null) {
                        vague = true;
                    }
                    candidate = e;
                }
            }
        }
        if (vague) {
            throw new ProvenanceException("more than one key contain the id " + GoQuote.quote(id));
        }
        return new Signatory(keyring, candidate);
    }

    /** The clock used for signature creation times and expiry checks (tests pin it). */
    public Signatory withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public Keyring keyring() {
        return keyring;
    }

    /** The signing entity, or null when no key was selected. */
    public KeyEntity entity() {
        return entity;
    }

    /** Helm's {@code DecryptKey}: unlocks the signing key, asking {@code fetcher} only when it is encrypted. */
    public void decryptKey(PassphraseFetcher fetcher) {
        if (entity == null) {
            throw new ProvenanceException("private key not found");
        }
        if (entity.secretKey() == null) {
            throw new ProvenanceException("provided key is not a private key. Try providing a keyring with secret keys");
        }
        try {
            if (!entity.isEncrypted()) {
                privateKey = entity.secretKey().extractPrivateKey(null);
                return;
            }
        } catch (PGPException e) {
            throw ProvenanceException.structural(e.getMessage());
        }
        String name = "Unknown";
        for (String id : entity.identities()) {
            if (!id.isEmpty()) {
                name = id;
                break;
            }
        }
        byte[] passphrase = fetcher.fetch(name);
        char[] chars = new String(passphrase, StandardCharsets.UTF_8).toCharArray();
        try {
            privateKey = entity.secretKey().extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(chars));
        } catch (PGPException | RuntimeException e) {
            throw ProvenanceException.structural("private key checksum failure");
        }
    }

    private void requirePrivateKey() {
        if (entity == null) {
            throw new ProvenanceException("private key not found");
        }
        if (entity.secretKey() == null) {
            throw new ProvenanceException("provided key is not a private key. Try providing a keyring with secret keys");
        }
        if (privateKey == null) {
            if (entity.isEncrypted()) {
                throw new ProvenanceException("openpgp: invalid argument: signing key "
                        + String.format("%X", entity.primaryKey().getKeyID()) + " is encrypted");
            }
            decryptKey(name -> new byte[0]);
        }
    }

    /**
     * Helm 4's {@code Package.Clearsign} minus the file write: loads the chart archive's metadata
     * and returns the provenance document for it.
     */
    public String sign(Path chartTgz) {
        requirePrivateKey();
        Chart chart;
        try {
            chart = ChartLoader.load(chartTgz);
        } catch (ChartException e) {
            throw new ProvenanceException("failed to load chart for signing: " + e.getMessage(), e);
        }
        byte[] metadata = chart.metadata().toYaml().getBytes(StandardCharsets.UTF_8);
        byte[] archive;
        try {
            archive = Files.readAllBytes(chartTgz);
        } catch (IOException e) {
            throw new ProvenanceException("failed to read chart archive: " + e.getMessage(), e);
        }
        return clearSign(archive, chartTgz.getFileName().toString(), metadata);
    }

    /** Helm's {@code ClearSign(archiveData, filename, metadataBytes)}. */
    public String clearSign(byte[] archive, String filename, byte[] metadataYaml) {
        requirePrivateKey();
        String body = messageBlock(archive, filename, metadataYaml);
        String cleartext = ClearSign.cleartext("SHA512", body);
        byte[] signed = ClearSign.signedBytes(cleartext);
        PGPPublicKey pub = entity.primaryKey();
        try {
            PGPSignatureGenerator gen = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(pub.getAlgorithm(), HashAlgorithmTags.SHA512), pub);
            gen.init(PGPSignature.CANONICAL_TEXT_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(clock.instant()));
            hashed.setIssuerKeyID(false, pub.getKeyID());
            hashed.setIssuerFingerprint(false, pub);
            gen.setHashedSubpackets(hashed.generate());
            gen.update(signed);
            PGPSignature sig = gen.generate();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (BCPGOutputStream out = new BCPGOutputStream(bytes, PacketFormat.CURRENT)) {
                sig.encode(out);
            }
            return cleartext + ClearSign.armor(bytes.toByteArray());
        } catch (PGPException | IOException e) {
            throw new ProvenanceException("failed to either sign or armor message block: " + e.getMessage(), e);
        }
    }

    /** Helm's message block: metadata YAML, {@code ...} separator, the {@code files:} digest map. */
    public static String messageBlock(byte[] archive, String filename, byte[] metadataYaml) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put(filename, "sha256:" + digest(archive));
        Map<String, Object> sums = new LinkedHashMap<>();
        sums.put("files", files);
        return new String(metadataYaml, StandardCharsets.UTF_8) + "\n...\n" + GoYaml.marshal(sums);
    }

    /** Helm's {@code Verify(archiveData, provData, filename)}. */
    public Verification verify(byte[] archive, byte[] prov, String filename) {
        ClearSign.Block block = ClearSign.decode(prov);
        if (block == null) {
            throw new ProvenanceException("signature block not found");
        }
        KeyEntity by = verifySignature(block);
        String sum = "sha256:" + digest(archive);
        Map<String, String> files = parseFiles(block.plaintext());
        String sha = files.get(filename);
        if (sha == null) {
            throw new ProvenanceException("provenance does not contain a SHA for a file named " + GoQuote.quote(filename));
        }
        if (!sha.equals(sum)) {
            throw new ProvenanceException("sha256 sum does not match for " + filename + ": "
                    + GoQuote.quote(sha) + " != " + GoQuote.quote(sum));
        }
        return new Verification(by.identities(), by.fingerprint(), sum, filename);
    }

    /** go-crypto's {@code CheckDetachedSignature} over the clear-signed text. */
    private KeyEntity verifySignature(ClearSign.Block block) {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(new ByteArrayInputStream(block.signature()));
        PGPSignature sig = null;
        List<Map.Entry<KeyEntity, PGPPublicKey>> keys = new ArrayList<>();
        search:
        while (true) {
            Object next;
            try {
                next = factory.nextObject();
            } catch (IOException | RuntimeException e) {
                throw ProvenanceException.structural(e.getMessage() == null ? "unexpected EOF" : e.getMessage());
            }
            if (next == null) {
                throw ProvenanceException.unknownIssuer();
            }
            if (!(next instanceof PGPSignatureList list)) {
                throw ProvenanceException.structural("non signature packet found");
            }
            for (PGPSignature candidate : list) {
                Long issuer = issuerKeyId(candidate);
                if (issuer == null) {
                    throw ProvenanceException.structural("signature doesn't have an issuer");
                }
                sig = candidate;
                for (KeyEntity e : keyring.entities()) {
                    for (PGPPublicKey k : e.signingKeysById(issuer)) {
                        keys.add(Map.entry(e, k));
                    }
                }
                if (!keys.isEmpty()) {
                    break search;
                }
            }
        }
        ProvenanceException failure = null;
        for (Map.Entry<KeyEntity, PGPPublicKey> key : keys) {
            PGPPublicKey pk = key.getValue();
            if (sig.getKeyAlgorithm() != pk.getAlgorithm()) {
                failure = new ProvenanceException("openpgp: invalid argument: public key and signature use different algorithms");
                continue;
            }
            boolean valid;
            try {
                sig.init(new BcPGPContentVerifierBuilderProvider(), pk);
                sig.update(block.signedBytes());
                valid = sig.verify();
            } catch (PGPException | RuntimeException e) {
                valid = false;
            }
            if (valid) {
                checkDetails(key.getKey(), pk, sig);
                return key.getKey();
            }
            failure = ProvenanceException.signature(algorithmName(pk.getAlgorithm()) + " verification failure");
        }
        throw failure;
    }

    /** go-crypto's {@code checkMessageSignatureDetails}: revocation, key expiry, signature expiry. */
    private void checkDetails(KeyEntity entity, PGPPublicKey key, PGPSignature sig) {
        Date now = Date.from(clock.instant());
        PGPSignature primarySelf = entity.primarySelfSignature();
        boolean bySubkey = key != entity.primaryKey();
        if (entity.revoked(key, now)) {
            throw new ProvenanceException("openpgp: signature made by revoked key");
        }
        if (KeyEntity.keyExpired(entity.primaryKey(), primarySelf, now)) {
            throw new ProvenanceException("openpgp: key expired");
        }
        PGPSignature binding = bySubkey ? entity.binding(key) : null;
        if (bySubkey && KeyEntity.keyExpired(key, binding, now)) {
            throw new ProvenanceException("openpgp: key expired");
        }
        if (KeyEntity.signatureExpired(sig, now) || KeyEntity.signatureExpired(primarySelf, now)
                || KeyEntity.signatureExpired(binding, now)) {
            throw new ProvenanceException("openpgp: signature expired");
        }
    }

    /** The issuer key ID as go-crypto reads it: the last issuer or issuer-fingerprint subpacket wins. */
    private static Long issuerKeyId(PGPSignature sig) {
        if (sig.getVersion() < 4) {
            return sig.getKeyID();
        }
        Long id = null;
        for (PGPSignatureSubpacketVector v : new PGPSignatureSubpacketVector[] {sig.getHashedSubPackets(), sig.getUnhashedSubPackets()}) {
            if (v == null) {
                continue;
            }
            for (SignatureSubpacket p : v.toArray()) {
                byte[] d = p.getData();
                if (p.getType() == SignatureSubpacketTags.ISSUER_KEY_ID && d.length == 8) {
                    id = toLong(d, 0);
                } else if (p.getType() == SignatureSubpacketTags.ISSUER_FINGERPRINT && d.length > 1) {
                    int version = d[0] & 0xff;
                    if (version >= 5 && d.length == 33) {
                        id = toLong(d, 1);
                    } else if (version < 5 && d.length == 21) {
                        id = toLong(d, 13);
                    }
                }
            }
        }
        return id;
    }

    private static long toLong(byte[] d, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[off + i] & 0xff);
        }
        return v;
    }

    private static String algorithmName(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> "RSA";
            case PublicKeyAlgorithmTags.DSA -> "DSA";
            case PublicKeyAlgorithmTags.ECDSA -> "ECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> "EdDSA";
            case PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
            case PublicKeyAlgorithmTags.Ed448 -> "ed448";
            default -> "signature";
        };
    }

    /** Helm's {@code parseMessageBlock}: the {@code files:} map of the part after {@code ...}. */
    static Map<String, String> parseFiles(byte[] plaintext) {
        String text = new String(plaintext, StandardCharsets.UTF_8);
        String[] parts = text.split("\n\\.\\.\\.\n", -1);
        if (parts.length < 2) {
            throw new ProvenanceException("message block must have at least two parts");
        }
        Object doc;
        try {
            doc = YamlReader.parse(parts[1]);
        } catch (YamlException e) {
            throw new ProvenanceException("error converting YAML to JSON: " + e.getMessage(), e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (doc == null) {
            return files;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new ProvenanceException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                    + jsonKind(doc) + " into Go value of type provenance.SumCollection");
        }
        Object f = map.get("files");
        if (f == null) {
            return files;
        }
        if (!(f instanceof Map<?, ?> fm)) {
            throw new ProvenanceException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                    + jsonKind(f) + " into Go struct field SumCollection.files of type map[string]string");
        }
        for (Map.Entry<?, ?> e : fm.entrySet()) {
            if (e.getValue() instanceof String s) {
                files.put(String.valueOf(e.getKey()), s);
            } else if (e.getValue() != null) {
                throw new ProvenanceException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                        + jsonKind(e.getValue()) + " into Go struct field SumCollection.files of type string");
            }
        }
        return files;
    }

    private static String jsonKind(Object v) {
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Number) {
            return "number";
        }
        return "string";
    }

    /** Helm's {@code Digest}: lower-case hex SHA-256. */
    public static String digest(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

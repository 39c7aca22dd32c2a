package dev.charter.provenance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * One OpenPGP key (go-crypto's {@code openpgp.Entity}): the primary key, its subkeys, its user IDs
 * and, when it was read from a secret keyring, the primary secret key.
 */
public final class KeyEntity {

    private final PGPPublicKey primary;
    private final List<PGPPublicKey> subkeys;
    private final PGPSecretKey secret;
    private final List<String> identities;

    KeyEntity(PGPPublicKey primary, List<PGPPublicKey> subkeys, PGPSecretKey secret) {
        this.primary = primary;
        this.subkeys = List.copyOf(subkeys);
        this.secret = secret;
        List<String> ids = new ArrayList<>();
        for (Iterator<byte[]> it = primary.getRawUserIDs(); it.hasNext(); ) {
            byte[] raw = it.next();
            if (selfCertification(raw) != null) {
                ids.add(new String(raw, StandardCharsets.UTF_8));
            }
        }
        this.identities = List.copyOf(ids);
    }

    public PGPPublicKey primaryKey() {
        return primary;
    }

    public List<PGPPublicKey> subkeys() {
        return subkeys;
    }

    /** The primary secret key, or null when this entity came from a public keyring. */
    public PGPSecretKey secretKey() {
        return secret;
    }

    /** The user IDs carrying a self-certification, in keyring order. */
    public List<String> identities() {
        return identities;
    }

    /** The primary key fingerprint as Go's {@code %X}: upper-case hex. */
    public String fingerprint() {
        return HexFormat.of().formatHex(primary.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** True when the primary secret key is passphrase protected. */
    public boolean isEncrypted() {
        return secret != null && secret.getS2KUsage() != 0;
    }

    /** The newest self-certification of a user ID, or null. */
    private PGPSignature selfCertification(byte[] rawId) {
        PGPSignature best = null;
        for (Iterator<PGPSignature> it = primary.getSignaturesForID(rawId); it != null && it.hasNext(); ) {
            PGPSignature sig = it.next();
            int type = sig.getSignatureType();
            if (sig.getKeyID() == primary.getKeyID() && type >= PGPSignature.DEFAULT_CERTIFICATION
                    && type <= PGPSignature.POSITIVE_CERTIFICATION) {
                if (best == null || sig.getCreationTime().after(best.getCreationTime())) {
                    best = sig;
                }
            }
        }
        return best;
    }

    /** go-crypto's {@code PrimarySelfSignature}: the primary user ID's (else the newest) self-certification. */
    PGPSignature primarySelfSignature() {
        PGPSignature flagged = null;
        PGPSignature any = null;
        for (Iterator<byte[]> it = primary.getRawUserIDs(); it.hasNext(); ) {
            PGPSignature sig = selfCertification(it.next());
            if (sig == null) {
                continue;
            }
            PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
            if (hashed != null && hashed.isPrimaryUserID()) {
                if (flagged == null || sig.getCreationTime().after(flagged.getCreationTime())) {
                    flagged = sig;
                }
            }
            if (any == null || sig.getCreationTime().after(any.getCreationTime())) {
                any = sig;
            }
        }
        return flagged != null ? flagged : any;
    }

    /** go-crypto's {@code KeysByIdUsage(id, KeyFlagSign)}: the keys with this ID that may sign. */
    List<PGPPublicKey> signingKeysById(long keyId) {
        List<PGPPublicKey> keys = new ArrayList<>();
        if (primary.getKeyID() == keyId && maySign(primarySelfSignature())) {
            keys.add(primary);
        }
        for (PGPPublicKey sub : subkeys) {
            if (sub.getKeyID() == keyId && maySign(binding(sub))) {
                keys.add(sub);
            }
        }
        return keys;
    }

    /** The newest binding signature of a subkey, or null. */
    PGPSignature binding(PGPPublicKey sub) {
        PGPSignature best = null;
        for (Iterator<PGPSignature> it = sub.getSignaturesOfType(PGPSignature.SUBKEY_BINDING); it.hasNext(); ) {
            PGPSignature sig = it.next();
            if (best == null || sig.getCreationTime().after(best.getCreationTime())) {
                best = sig;
            }
        }
        return best;
    }

    private static boolean maySign(PGPSignature selfSig) {
        if (selfSig == null) {
            return false;
        }
        PGPSignatureSubpacketVector hashed = selfSig.getHashedSubPackets();
        if (hashed == null || !hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
            return true;
        }
        return (hashed.getKeyFlags() & 0x02) != 0;
    }

    /** go-crypto's {@code Entity.Revoked(now)} (and a signing subkey's revocation). */
    boolean revoked(PGPPublicKey signingKey, Date now) {
        if (hasValidRevocation(primary, primary, PGPSignature.KEY_REVOCATION, now)) {
            return true;
        }
        return signingKey != primary && hasValidRevocation(signingKey, primary, PGPSignature.SUBKEY_REVOCATION, now);
    }

    private static boolean hasValidRevocation(PGPPublicKey key, PGPPublicKey issuer, int type, Date now) {
        for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
            PGPSignature sig = it.next();
            if (sig.getCreationTime().after(now)) {
                continue;
            }
            try {
                sig.init(new BcPGPContentVerifierBuilderProvider(), issuer);
                boolean valid = type == PGPSignature.KEY_REVOCATION ? sig.verifyCertification(key)
                        : sig.verifyCertification(issuer, key);
                if (valid) {
                    return true;
                }
            } catch (PGPException | RuntimeException e) {
                // an unverifiable revocation does not count, as in go-crypto
            }
        }
        return false;
    }

    /** go-crypto's {@code KeyExpired(selfSig, now)}. */
    static boolean keyExpired(PGPPublicKey key, PGPSignature selfSig, Date now) {
        if (selfSig == null) {
            return false;
        }
        PGPSignatureSubpacketVector hashed = selfSig.getHashedSubPackets();
        long lifetime = hashed == null ? 0 : hashed.getKeyExpirationTime();
        if (lifetime == 0) {
            return false;
        }
        long expiry = key.getCreationTime().getTime() / 1000 + lifetime;
        return now.getTime() / 1000 > expiry;
    }

    /** go-crypto's {@code Signature.SigExpired(now)}. */
    static boolean signatureExpired(PGPSignature sig, Date now) {
        if (sig == null) {
            return false;
        }
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        long lifetime = hashed == null ? 0 : hashed.getSignatureExpirationTime();
        if (lifetime == 0) {
            return false;
        }
        long expiry = sig.getCreationTime().getTime() / 1000 + lifetime;
        return now.getTime() / 1000 > expiry;
    }
}

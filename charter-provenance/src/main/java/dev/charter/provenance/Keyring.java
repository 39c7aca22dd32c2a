package dev.charter.provenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * A keyring file as Helm reads it (go-crypto's {@code openpgp.EntityList}): the legacy GnuPG
 * formats {@code pubring.gpg}/{@code secring.gpg}, i.e. binary exports of public and/or secret keys
 * ({@code gpg --export}, {@code gpg --export-secret-keys}). ASCII-armored exports are accepted too
 * (as newer Helm does; Helm 4.1.4 rejects them).
 */
public final class Keyring {

    private final List<KeyEntity> entities;

    private Keyring(List<KeyEntity> entities) {
        this.entities = List.copyOf(entities);
    }

    /** Reads a keyring file; errors carry Go's texts ({@code open <path>: no such file or directory}). */
    public static Keyring load(Path file) {
        return load(file, file.toString());
    }

    /** As {@link #load(Path)}, naming the file as {@code displayName} (the path the user typed) in errors. */
    public static Keyring load(Path file, String displayName) {
        byte[] data;
        try {
            if (Files.isDirectory(file)) {
                throw new ProvenanceException("read " + displayName + ": is a directory");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProvenanceException("open " + displayName + ": no such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new ProvenanceException("open " + displayName + ": permission denied", e);
        } catch (IOException e) {
            throw new ProvenanceException("open " + displayName + ": " + e.getMessage(), e);
        }
        return parse(data);
    }

    /** Parses keyring bytes (binary packet stream, or one or more ASCII-armored key blocks). */
    public static Keyring parse(byte[] data) {
        List<KeyEntity> entities = new ArrayList<>();
        if (isArmored(data)) {
            readArmored(data, entities);
        } else {
            readBinary(new ByteArrayInputStream(data), data, entities);
        }
        return new Keyring(entities);
    }

    public List<KeyEntity> entities() {
        return entities;
    }

    private static boolean isArmored(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
        return head.startsWith("-----BEGIN PGP ");
    }

    private static void readArmored(byte[] data, List<KeyEntity> entities) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int from = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN PGP ", from);
            if (begin < 0) {
                break;
            }
            int typeEnd = text.indexOf("-----", begin + 15);
            String type = typeEnd < 0 ? "" : text.substring(begin + 15, typeEnd);
            int endMarker = text.indexOf("-----END PGP " + type + "-----", begin);
            if (endMarker < 0) {
                throw new ProvenanceException("openpgp: invalid argument: no armored data found");
            }
            int end = endMarker + ("-----END PGP " + type + "-----").length();
            if (!type.equals("PUBLIC KEY BLOCK") && !type.equals("PRIVATE KEY BLOCK")) {
                throw new ProvenanceException("expected a public or private key block, got \"PGP " + type + "\"");
            }
            byte[] block = text.substring(begin, end).getBytes(StandardCharsets.ISO_8859_1);
            try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(block))) {
                byte[] body = in.readAllBytes();
                readBinary(new ByteArrayInputStream(body), body, entities);
            } catch (IOException e) {
                throw ProvenanceException.structural(e.getMessage());
            }
            from = end;
        }
        if (entities.isEmpty()) {
            throw new ProvenanceException("no keys found");
        }
    }

    private static void readBinary(InputStream in, byte[] data, List<KeyEntity> entities) {
        if (data.length > 0 && (data[0] & 0x80) == 0) {
            throw ProvenanceException.structural("tag byte does not have MSB set");
        }
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        while (true) {
            Object next;
            try {
                next = factory.nextObject();
            } catch (IOException | RuntimeException e) {
                throw ProvenanceException.structural(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            if (next == null) {
                return;
            }
            if (next instanceof PGPPublicKeyRing ring) {
                entities.add(fromPublic(ring));
            } else if (next instanceof PGPSecretKeyRing ring) {
                entities.add(fromSecret(ring));
            }
            // anything else (markers, trust packets, stray signatures) is skipped
        }
    }

    private static KeyEntity fromPublic(PGPPublicKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        List<PGPPublicKey> subs = new ArrayList<>();
        for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey k = it.next();
            if (!k.isMasterKey()) {
                subs.add(k);
            }
        }
        return new KeyEntity(primary, subs, null);
    }

    private static KeyEntity fromSecret(PGPSecretKeyRing ring) {
        PGPSecretKey primarySecret = ring.getSecretKey();
        PGPPublicKey primary = primarySecret.getPublicKey();
        List<PGPPublicKey> subs = new ArrayList<>();
        for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
            PGPPublicKey k = it.next();
            if (!k.isMasterKey()) {
                subs.add(k);
            }
        }
        return new KeyEntity(primary, subs, primarySecret);
    }
}

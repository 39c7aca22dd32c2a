package dev.charter.oci.registry;

import dev.charter.oci.reference.Digest;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes and counts a blob's bytes as they arrive — across resumed requests — and fails unless
 * exactly {@code expectedSize} bytes with {@code expectedDigest} came (ORAS' verify reader), so a
 * corrupt or truncated download can never be mistaken for the real content.
 */
final class BlobVerifier {

    private final Digest expected;
    private final long expectedSize;
    private final MessageDigest hash;
    private long count;

    BlobVerifier(Digest expected, long expectedSize) {
        this.expected = expected;
        this.expectedSize = expectedSize;
        try {
            this.hash = MessageDigest.getInstance(expected.jdkAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long count() {
        return count;
    }

    void update(byte[] b, int n) throws Mismatch {
        count += n;
        if (expectedSize >= 0 && count > expectedSize) {
            throw new Mismatch("trailing data");
        }
        hash.update(b, 0, n);
    }

    /** At the end of the content: the size and digest must be the descriptor's. */
    void verifyComplete() throws Mismatch {
        if (expectedSize >= 0 && count != expectedSize) {
            throw new Mismatch("unexpected EOF");
        }
        String actual = HexFormat.of().formatHex(hash.digest());
        if (!actual.equals(expected.encoded())) {
            throw new Mismatch("mismatched digest");
        }
    }

    /** ORAS' bare verification error; {@link Blobs} turns it into a {@link ContentMismatchException}. */
    static final class Mismatch extends IOException {
        Mismatch(String message) {
            super(message);
        }
    }
}

package dev.charter.oci.registry;

import dev.charter.oci.reference.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes and counts what passes through and, at end of stream, fails unless exactly
 * {@code expectedSize} bytes with {@code expectedDigest} were read (ORAS' verify reader), so a
 * corrupt or truncated download can never be mistaken for the real content.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final Digest expected;
    private final long expectedSize;
    private final MessageDigest hash;
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, Digest expected, long expectedSize) {
        super(in);
        this.expected = expected;
        this.expectedSize = expectedSize;
        try {
            this.hash = MessageDigest.getInstance(expected.jdkAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            verify();
            return -1;
        }
        count += n;
        if (expectedSize >= 0 && count > expectedSize) {
            throw new Mismatch("trailing data");
        }
        hash.update(b, off, n);
        return n;
    }

    private void verify() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedSize >= 0 && count != expectedSize) {
            throw new Mismatch("unexpected EOF");
        }
        String actual = HexFormat.of().formatHex(hash.digest());
        if (!actual.equals(expected.encoded())) {
            throw new Mismatch("mismatched digest");
        }
    }

    /** Raised from inside the stream; {@link Blobs} turns it into a {@link ContentMismatchException}. */
    static final class Mismatch extends IOException {
        Mismatch(String message) {
            super(message);
        }
    }
}

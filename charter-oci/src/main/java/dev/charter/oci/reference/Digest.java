package dev.charter.oci.reference;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An OCI content digest ({@code algorithm:hex}), validated as go-digest's {@code Digest.Validate}
 * does so that error texts match Helm's.
 */
public record Digest(String algorithm, String encoded) {

    private static final Pattern ANCHORED = Pattern.compile("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$");
    private static final Pattern HEX = Pattern.compile("^[a-f0-9]+$");
    /** Hex length of each algorithm go-digest knows (sha384/sha512 are registered by ORAS' imports). */
    private static final Map<String, Integer> LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    /** Parses and validates; the exception message is go-digest's error text. */
    public static Digest parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int colon = text.indexOf(':');
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** go-digest's validation error for {@code text}, or {@code null} when it is a valid digest. */
    public static String problem(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon + 1 == text.length()) {
            return "invalid checksum digest format";
        }
        String algorithm = text.substring(0, colon);
        String encoded = text.substring(colon + 1);
        Integer length = LENGTHS.get(algorithm);
        if (length == null) {
            return ANCHORED.matcher(text).matches() ? "unsupported digest algorithm" : "invalid checksum digest format";
        }
        if (encoded.length() != length) {
            return "invalid checksum digest length";
        }
        return HEX.matcher(encoded).matches() ? null : "invalid checksum digest format";
    }

    /** The sha256 digest of some bytes. */
    public static Digest sha256(byte[] content) {
        try {
            return new Digest("sha256", java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK name of this digest's hash function. */
    public String jdkAlgorithm() {
        return switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalStateException("unsupported digest algorithm " + algorithm);
        };
    }

    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }
}

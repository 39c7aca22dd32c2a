package dev.charter.registry.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content digest {@code algorithm:hex}. Only the algorithms Distribution registers are accepted
 * and the hex part is checked for exact length, so a digest can be used as a path component
 * without any risk of traversal.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {

    private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

    public Digest {
        int expected = hexLength(algorithm);
        if (expected < 0) {
            throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        }
        if (hex.length() != expected || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid " + algorithm + " digest: " + hex);
        }
    }

    /** Parses {@code sha256:<64 hex>} (or sha384/sha512), throwing on anything else. */
    public static Digest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("invalid digest: " + text);
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Optional<Digest> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} looks like a digest rather than a tag (tags cannot contain ':'). */
    public static boolean looksLikeDigest(String text) {
        return text.indexOf(':') > 0;
    }

    public static Digest sha256(byte[] content) {
        return of(newMessageDigest("sha256"), content);
    }

    public static Digest of(MessageDigest md, byte[] content) {
        md.update(content);
        return fromMessageDigest(algorithmName(md), md);
    }

    public static Digest fromMessageDigest(String algorithm, MessageDigest md) {
        return new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
    }

    /** A fresh hasher for this digest's algorithm. */
    public MessageDigest newMessageDigest() {
        return newMessageDigest(algorithm);
    }

    public static MessageDigest newMessageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(switch (algorithm) {
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String algorithmName(MessageDigest md) {
        return switch (md.getAlgorithm()) {
            case "SHA-256" -> "sha256";
            case "SHA-384" -> "sha384";
            case "SHA-512" -> "sha512";
            default -> throw new IllegalArgumentException(md.getAlgorithm());
        };
    }

    private static int hexLength(String algorithm) {
        return switch (algorithm) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> -1;
        };
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}

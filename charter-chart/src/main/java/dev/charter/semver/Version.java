package dev.charter.semver;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version with the parsing rules of Masterminds semver v3, which Helm uses everywhere:
 * {@link #parse} is its lenient {@code NewVersion} (optional {@code v}, missing minor/patch,
 * leading zeros tolerated in the numeric parts) and {@link #parseStrict} its {@code StrictNewVersion}.
 * The original text is kept because Helm keeps it verbatim (file names, tags).
 * Ordering follows SemVer 2.0 precedence; build metadata is ignored by {@link #compareTo}.
 */
public record Version(BigInteger major, BigInteger minor, BigInteger patch, String prerelease, String metadata,
                      String original) implements Comparable<Version> {

    private static final String PART = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final Pattern LENIENT = Pattern.compile(
            "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(?:-(" + PART + "))?(?:\\+(" + PART + "))?");
    private static final Pattern STRICT = Pattern.compile(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-(" + PART + "))?(?:\\+(" + PART + "))?");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public static final String ERR_INVALID = "invalid semantic version";

    /** Masterminds {@code NewVersion}: the lenient form Helm accepts for chart versions. */
    public static Version parse(String text) {
        Matcher m = LENIENT.matcher(text);
        if (!m.matches()) {
            throw new SemverException(ERR_INVALID);
        }
        Version v = new Version(segment(m.group(1)), optionalSegment(m.group(2)), optionalSegment(m.group(3)),
                nullToEmpty(m.group(4)), nullToEmpty(m.group(5)), text);
        validatePrerelease(v.prerelease);
        return v;
    }

    /** Masterminds {@code StrictNewVersion}: exactly MAJOR.MINOR.PATCH, no {@code v}, no leading zeros. */
    public static Version parseStrict(String text) {
        if (text.isEmpty()) {
            throw new SemverException("version string empty");
        }
        Matcher m = STRICT.matcher(text);
        if (!m.matches()) {
            throw new SemverException(ERR_INVALID);
        }
        Version v = new Version(segment(m.group(1)), segment(m.group(2)), segment(m.group(3)),
                nullToEmpty(m.group(4)), nullToEmpty(m.group(5)), text);
        validatePrerelease(v.prerelease);
        return v;
    }

    /** {@link #parse} without the exception: empty when {@code text} is no version. */
    public static java.util.Optional<Version> tryParse(String text) {
        try {
            return java.util.Optional.of(parse(text));
        } catch (SemverException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@link #parseStrict} without the exception: empty when {@code text} is no strict version. */
    public static java.util.Optional<Version> tryParseStrict(String text) {
        try {
            return java.util.Optional.of(parseStrict(text));
        } catch (SemverException e) {
            return java.util.Optional.empty();
        }
    }

    /** True when {@link #parse} accepts {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (SemverException e) {
            return false;
        }
    }

    private static BigInteger optionalSegment(String dotted) {
        return dotted == null ? BigInteger.ZERO : segment(dotted.substring(1));
    }

    private static BigInteger segment(String digits) {
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(UINT64_MAX) > 0) {
            // strconv.ParseUint's range error, as Masterminds wraps it
            throw new SemverException("Error parsing version segment: strconv.ParseUint: parsing \"" + digits
                    + "\": value out of range");
        }
        return value;
    }

    private static void validatePrerelease(String pre) {
        if (pre.isEmpty()) {
            return;
        }
        for (String part : pre.split("\\.", -1)) {
            if (part.chars().allMatch(Character::isDigit) && part.length() > 1 && part.charAt(0) == '0') {
                throw new SemverException("version segment starts with 0");
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The normalised form Masterminds prints with {@code String()}: no {@code v}, all three parts. */
    public String normalized() {
        StringBuilder b = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prerelease.isEmpty()) {
            b.append('-').append(prerelease);
        }
        if (!metadata.isEmpty()) {
            b.append('+').append(metadata);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return original;
    }

    @Override
    public int compareTo(Version o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        return c != 0 ? Integer.signum(c) : comparePrerelease(prerelease, o.prerelease);
    }

    static int comparePrerelease(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isEmpty()) {
            return 1; // a release outranks any prerelease
        }
        if (b.isEmpty()) {
            return -1;
        }
        String[] as = a.split("\\.");
        String[] bs = b.split("\\.");
        for (int i = 0; i < Math.max(as.length, bs.length); i++) {
            if (i >= as.length) {
                return -1;
            }
            if (i >= bs.length) {
                return 1;
            }
            int c = compareIdentifier(as[i], bs[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit);
        boolean bn = b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return Integer.signum(new BigInteger(a).compareTo(new BigInteger(b)));
        }
        if (an) {
            return -1; // numeric identifiers have lower precedence
        }
        if (bn) {
            return 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}

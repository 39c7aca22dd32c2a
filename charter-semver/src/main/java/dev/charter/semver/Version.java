package dev.charter.semver;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version exactly as Masterminds/semver v3.4.0 models it — the one library Helm's chart
 * code and Sprig's template functions share, so Charter has one implementation for both.
 * {@link #parse} is its {@code NewVersion} (coercing: optional {@code v}, missing minor/patch, leading
 * zeros in the numeric parts tolerated) and {@link #parseStrict} its {@code StrictNewVersion}.
 * The numeric parts are Go {@code uint64}s held in {@code long}s: compare them unsigned.
 * The original text is kept because Helm keeps it verbatim (file names, tags).
 * Ordering follows Masterminds' {@code Compare}; build metadata is ignored by {@link #compareTo}.
 */
public record Version(long major, long minor, long patch, String prerelease, String metadata, String original)
        implements Comparable<Version> {

    private static final String PART = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final Pattern LENIENT = Pattern.compile(
            "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(?:-(" + PART + "))?(?:\\+(" + PART + "))?");
    private static final Pattern STRICT = Pattern.compile(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-(" + PART + "))?(?:\\+(" + PART + "))?");

    public static final String ERR_INVALID = "invalid semantic version";

    /** Masterminds {@code NewVersion}: the lenient form Helm accepts for chart versions. */
    public static Version parse(String text) {
        Matcher m = LENIENT.matcher(text);
        if (!m.matches()) {
            throw new SemverException(ERR_INVALID);
        }
        return build(m, optionalSegment(m.group(2)), optionalSegment(m.group(3)), text);
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
        return build(m, segment(m.group(2)), segment(m.group(3)), text);
    }

    private static Version build(Matcher m, long minor, long patch, String text) {
        Version v = new Version(segment(m.group(1)), minor, patch, nullToEmpty(m.group(4)), nullToEmpty(m.group(5)), text);
        validatePrerelease(v.prerelease);
        return v;
    }

    /** {@link #parse} without the exception: empty when {@code text} is no version. */
    public static Optional<Version> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (SemverException e) {
            return Optional.empty();
        }
    }

    /** {@link #parseStrict} without the exception: empty when {@code text} is no strict version. */
    public static Optional<Version> tryParseStrict(String text) {
        try {
            return Optional.of(parseStrict(text));
        } catch (SemverException e) {
            return Optional.empty();
        }
    }

    /** True when {@link #parse} accepts {@code text}. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    private static long optionalSegment(String dotted) {
        return dotted == null ? 0 : segment(dotted.substring(1));
    }

    private static long segment(String digits) {
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            // strconv.ParseUint's range error, as Masterminds wraps it
            throw new SemverException("error parsing version segment: strconv.ParseUint: parsing \"" + digits
                    + "\": value out of range");
        }
    }

    private static void validatePrerelease(String pre) {
        if (pre.isEmpty()) {
            return;
        }
        for (String part : pre.split("\\.", -1)) {
            if (isNumeric(part) && part.length() > 1 && part.charAt(0) == '0') {
                throw new SemverException("version segment starts with 0");
            }
        }
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A version with the same parts and another original text (what {@code Inc*} keep). */
    public Version withOriginal(String text) {
        return new Version(major, minor, patch, prerelease, metadata, text);
    }

    /** Masterminds {@code IncPatch}: drops a prerelease instead of incrementing; keeps a {@code v}. */
    public Version incPatch() {
        Version n = prerelease.isEmpty() ? new Version(major, minor, patch + 1, "", "", "")
                : new Version(major, minor, patch, "", "", "");
        return n.withOriginal(vPrefix() + n.normalized());
    }

    /** Masterminds {@code IncMinor}. */
    public Version incMinor() {
        Version n = new Version(major, minor + 1, 0, "", "", "");
        return n.withOriginal(vPrefix() + n.normalized());
    }

    /** Masterminds {@code IncMajor}. */
    public Version incMajor() {
        Version n = new Version(major + 1, 0, 0, "", "", "");
        return n.withOriginal(vPrefix() + n.normalized());
    }

    private String vPrefix() {
        return !original.isEmpty() && original.charAt(0) == 'v' ? "v" : "";
    }

    /** The normalised form Masterminds prints with {@code String()}: no {@code v}, all three parts. */
    public String normalized() {
        StringBuilder b = new StringBuilder().append(Long.toUnsignedString(major)).append('.')
                .append(Long.toUnsignedString(minor)).append('.').append(Long.toUnsignedString(patch));
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

    /** Masterminds {@code Compare}: -1, 0 or 1. */
    @Override
    public int compareTo(Version o) {
        int c = Long.compareUnsigned(major, o.major);
        if (c == 0) {
            c = Long.compareUnsigned(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compareUnsigned(patch, o.patch);
        }
        if (c != 0) {
            return Integer.signum(c);
        }
        if (prerelease.isEmpty() && o.prerelease.isEmpty()) {
            return 0;
        }
        if (prerelease.isEmpty()) {
            return 1; // a release outranks any prerelease
        }
        if (o.prerelease.isEmpty()) {
            return -1;
        }
        return comparePrerelease(prerelease, o.prerelease);
    }

    /** Masterminds' part-by-part prerelease order, a missing part sorting first. */
    static int comparePrerelease(String a, String b) {
        String[] as = a.split("\\.", -1);
        String[] bs = b.split("\\.", -1);
        for (int i = 0; i < Math.max(as.length, bs.length); i++) {
            int c = comparePart(i < as.length ? as[i] : "", i < bs.length ? bs[i] : "");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int comparePart(String s, String o) {
        if (s.equals(o)) {
            return 0;
        }
        if (s.isEmpty()) {
            return -1;
        }
        if (o.isEmpty()) {
            return 1;
        }
        Long si = uint64(s);
        Long oi = uint64(o);
        if (si == null && oi == null) {
            return s.compareTo(o) > 0 ? 1 : -1;
        } else if (oi == null) {
            return -1; // numeric identifiers have lower precedence
        } else if (si == null) {
            return 1;
        }
        return Long.compareUnsigned(si, oi) > 0 ? 1 : -1;
    }

    private static Long uint64(String s) {
        if (!isNumeric(s)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

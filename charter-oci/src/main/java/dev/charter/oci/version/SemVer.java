package dev.charter.oci.version;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version with Masterminds/semver v3 parsing and precedence (what Helm uses for chart
 * versions and OCI tags). {@link #parseLenient} is {@code NewVersion} (accepts {@code v1}, {@code 1.2});
 * {@link #parseStrict} is {@code StrictNewVersion}. Build metadata never affects ordering.
 *
 * <p>Kept in charter-oci until the chart module's semver package can take it over.
 */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, String prerelease, String metadata, String original)
        implements Comparable<SemVer> {

    private static final String IDENT = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final Pattern LENIENT = Pattern.compile(
            "^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(?:-(" + IDENT + "))?(?:\\+(" + IDENT + "))?$");
    private static final Pattern STRICT = Pattern.compile(
            "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-(" + IDENT + "))?(?:\\+(" + IDENT + "))?$");

    /** Masterminds {@code NewVersion}; empty when the text is not a version. */
    public static Optional<SemVer> parseLenient(String text) {
        Matcher m = LENIENT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String pre = m.group(4) == null ? "" : m.group(4);
        if (!validPrerelease(pre)) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(new BigInteger(m.group(1)),
                m.group(2) == null ? BigInteger.ZERO : new BigInteger(m.group(2).substring(1)),
                m.group(3) == null ? BigInteger.ZERO : new BigInteger(m.group(3).substring(1)),
                pre, m.group(5) == null ? "" : m.group(5), text));
    }

    /** Masterminds {@code StrictNewVersion}: exactly {@code X.Y.Z}, no {@code v}, no leading zeros. */
    public static Optional<SemVer> parseStrict(String text) {
        Matcher m = STRICT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String pre = m.group(4) == null ? "" : m.group(4);
        if (!validPrerelease(pre)) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)),
                pre, m.group(5) == null ? "" : m.group(5), text));
    }

    /** Numeric prerelease identifiers must not have leading zeros. */
    private static boolean validPrerelease(String pre) {
        if (pre.isEmpty()) {
            return true;
        }
        for (String part : pre.split("\\.")) {
            if (part.chars().allMatch(Character::isDigit) && part.length() > 1 && part.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(SemVer o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() && o.prerelease.isEmpty()) {
            return 0;
        }
        if (prerelease.isEmpty()) {
            return 1;
        }
        if (o.prerelease.isEmpty()) {
            return -1;
        }
        return comparePrerelease(prerelease, o.prerelease);
    }

    static int comparePrerelease(String a, String b) {
        String[] sa = a.split("\\.", -1);
        String[] sb = b.split("\\.", -1);
        int n = Math.max(sa.length, sb.length);
        for (int i = 0; i < n; i++) {
            int d = comparePart(i < sa.length ? sa[i] : "", i < sb.length ? sb[i] : "");
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** Masterminds' {@code comparePrePart}, including its treatment of a missing part. */
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
        boolean sNum = s.chars().allMatch(Character::isDigit);
        boolean oNum = o.chars().allMatch(Character::isDigit);
        if (!sNum && !oNum) {
            return s.compareTo(o) > 0 ? 1 : -1;
        }
        if (!oNum) {
            return -1;
        }
        if (!sNum) {
            return 1;
        }
        return new BigInteger(s).compareTo(new BigInteger(o)) > 0 ? 1 : -1;
    }

    /** Masterminds' canonical string {@code X.Y.Z[-pre][+meta]}. */
    public String canonical() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease)
                + (metadata.isEmpty() ? "" : "+" + metadata);
    }
}

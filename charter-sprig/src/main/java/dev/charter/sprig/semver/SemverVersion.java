package dev.charter.sprig.semver;

import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTyped;
import dev.charter.template.value.GoVisible;
import dev.charter.template.value.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masterminds/semver v3.4.0 {@code *semver.Version} (coercing NewVersion, as Sprig uses it). */
public final class SemverVersion implements GoStringer, GoTyped {
    public static final GoType TYPE = GoType.pointerTo(new GoType("semver.Version", Kind.STRUCT, SemverVersion.class));
    private static final Pattern LOOSE = Pattern.compile("^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?" + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$");
    private static final String NUM = "0123456789";
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-" + NUM;

    final long major;
    final long minor;
    final long patch;
    final String pre;
    final String metadata;
    final String original;

    SemverVersion(long major, long minor, long patch, String pre, String metadata, String original) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = pre;
        this.metadata = metadata;
        this.original = original;
    }

    public static final class SemverError extends RuntimeException {
        public SemverError(String m) {
            super(m, null, false, false);
        }
    }

    private static long parseSegment(String s) {
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new SemverError("error parsing version segment: strconv.ParseUint: parsing " + dev.charter.template.text.Strconv.quote(s) + ": value out of range");
        }
    }

    public static SemverVersion parse(String v) {
        Matcher m = LOOSE.matcher(v);
        if (!m.matches()) {
            throw new SemverError("invalid semantic version");
        }
        String pre = m.group(5) == null ? "" : m.group(5);
        String meta = m.group(8) == null ? "" : m.group(8);
        long major = parseSegment(m.group(1));
        long minor = m.group(2) != null ? parseSegment(m.group(2).substring(1)) : 0;
        long patch = m.group(3) != null ? parseSegment(m.group(3).substring(1)) : 0;
        if (!pre.isEmpty()) {
            validatePrerelease(pre);
        }
        if (!meta.isEmpty()) {
            validateMetadata(meta);
        }
        return new SemverVersion(major, minor, patch, pre, meta, v);
    }

    private static boolean containsOnly(String s, String set) {
        for (int i = 0; i < s.length(); i++) {
            if (set.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static void validatePrerelease(String p) {
        for (String part : p.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new SemverError("invalid prerelease string");
            } else if (containsOnly(part, NUM)) {
                if (part.length() > 1 && part.charAt(0) == '0') {
                    throw new SemverError("version segment starts with 0");
                }
            } else if (!containsOnly(part, ALLOWED)) {
                throw new SemverError("invalid prerelease string");
            }
        }
    }

    static void validateMetadata(String m) {
        for (String part : m.split("\\.", -1)) {
            if (part.isEmpty() || !containsOnly(part, ALLOWED)) {
                throw new SemverError("invalid metadata string");
            }
        }
    }

    @Override
    public String goString() {
        StringBuilder b = new StringBuilder();
        b.append(Long.toUnsignedString(major)).append('.').append(Long.toUnsignedString(minor)).append('.')
                .append(Long.toUnsignedString(patch));
        if (!pre.isEmpty()) {
            b.append('-').append(pre);
        }
        if (!metadata.isEmpty()) {
            b.append('+').append(metadata);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return goString();
    }

    @Override
    public GoType goType() {
        return TYPE;
    }

    @GoVisible("Major")
    public GoInt major() {
        return GoInt.uint64(major);
    }

    @GoVisible("Minor")
    public GoInt minor() {
        return GoInt.uint64(minor);
    }

    @GoVisible("Patch")
    public GoInt patch() {
        return GoInt.uint64(patch);
    }

    @GoVisible("Prerelease")
    public String prerelease() {
        return pre;
    }

    @GoVisible("Metadata")
    public String metadata() {
        return metadata;
    }

    @GoVisible("Original")
    public String original() {
        return original;
    }

    @GoVisible("String")
    public String string() {
        return goString();
    }

    @GoVisible("Compare")
    public long compare(SemverVersion o) {
        int d = Long.compareUnsigned(major, o.major);
        if (d == 0) {
            d = Long.compareUnsigned(minor, o.minor);
        }
        if (d == 0) {
            d = Long.compareUnsigned(patch, o.patch);
        }
        if (d != 0) {
            return d < 0 ? -1 : 1;
        }
        if (pre.isEmpty() && o.pre.isEmpty()) {
            return 0;
        }
        if (pre.isEmpty()) {
            return 1;
        }
        if (o.pre.isEmpty()) {
            return -1;
        }
        return comparePrerelease(pre, o.pre);
    }

    @GoVisible("LessThan")
    public boolean lessThan(SemverVersion o) {
        return compare(o) < 0;
    }

    @GoVisible("GreaterThan")
    public boolean greaterThan(SemverVersion o) {
        return compare(o) > 0;
    }

    @GoVisible("Equal")
    public boolean equalTo(SemverVersion o) {
        return compare(o) == 0;
    }

    private String vPrefix() {
        return !original.isEmpty() && original.charAt(0) == 'v' ? "v" : "";
    }

    @GoVisible("IncPatch")
    public SemverVersion incPatch() {
        SemverVersion n = pre.isEmpty() ? new SemverVersion(major, minor, patch + 1, "", "", "")
                : new SemverVersion(major, minor, patch, "", "", "");
        return n.withOriginal(vPrefix() + n.goString());
    }

    @GoVisible("IncMinor")
    public SemverVersion incMinor() {
        SemverVersion n = new SemverVersion(major, minor + 1, 0, "", "", "");
        return n.withOriginal(vPrefix() + n.goString());
    }

    @GoVisible("IncMajor")
    public SemverVersion incMajor() {
        SemverVersion n = new SemverVersion(major + 1, 0, 0, "", "", "");
        return n.withOriginal(vPrefix() + n.goString());
    }

    private SemverVersion withOriginal(String o) {
        return new SemverVersion(major, minor, patch, pre, metadata, o);
    }

    static int comparePrerelease(String v, String o) {
        String[] s = v.split("\\.", -1);
        String[] p = o.split("\\.", -1);
        int l = Math.max(s.length, p.length);
        for (int i = 0; i < l; i++) {
            String a = i < s.length ? s[i] : "";
            String b = i < p.length ? p[i] : "";
            int d = comparePrePart(a, b);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    private static Long uint(String s) {
        if (s.isEmpty() || !containsOnly(s, NUM)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int comparePrePart(String s, String o) {
        if (s.equals(o)) {
            return 0;
        }
        if (s.isEmpty()) {
            return o.isEmpty() ? 1 : -1;
        }
        if (o.isEmpty()) {
            return 1;
        }
        Long oi = uint(o);
        Long si = uint(s);
        if (oi == null && si == null) {
            return s.compareTo(o) > 0 ? 1 : -1;
        } else if (oi == null) {
            return -1;
        } else if (si == null) {
            return 1;
        }
        return Long.compareUnsigned(si, oi) > 0 ? 1 : -1;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

package dev.charter.sprig.semver;

import dev.charter.semver.SemverException;
import dev.charter.semver.Version;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoType;
import dev.charter.template.value.GoTyped;
import dev.charter.template.value.GoVisible;
import dev.charter.template.value.Kind;

/**
 * Masterminds/semver's {@code *semver.Version} as templates see it (Sprig's {@code semver} result): the
 * Go type and the exported methods over Charter's one semver implementation, {@link Version}.
 */
public final class SemverVersion implements GoStringer, GoTyped {
    public static final GoType TYPE = GoType.pointerTo(new GoType("semver.Version", Kind.STRUCT, SemverVersion.class));

    private final Version version;

    private SemverVersion(Version version) {
        this.version = version;
    }

    /** A version or constraint Masterminds rejects; the message is Masterminds' text. */
    public static final class SemverError extends RuntimeException {
        public SemverError(String m) {
            super(m, null, false, false);
        }
    }

    /** {@code semver.NewVersion} (coercing, as Sprig calls it). */
    public static SemverVersion parse(String v) {
        try {
            return new SemverVersion(Version.parse(v));
        } catch (SemverException e) {
            throw new SemverError(e.getMessage());
        }
    }

    Version version() {
        return version;
    }

    @Override
    public String goString() {
        return version.normalized();
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
        return GoInt.uint64(version.major());
    }

    @GoVisible("Minor")
    public GoInt minor() {
        return GoInt.uint64(version.minor());
    }

    @GoVisible("Patch")
    public GoInt patch() {
        return GoInt.uint64(version.patch());
    }

    @GoVisible("Prerelease")
    public String prerelease() {
        return version.prerelease();
    }

    @GoVisible("Metadata")
    public String metadata() {
        return version.metadata();
    }

    @GoVisible("Original")
    public String original() {
        return version.original();
    }

    @GoVisible("String")
    public String string() {
        return goString();
    }

    @GoVisible("Compare")
    public long compare(SemverVersion o) {
        return version.compareTo(o.version);
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

    @GoVisible("IncPatch")
    public SemverVersion incPatch() {
        return new SemverVersion(version.incPatch());
    }

    @GoVisible("IncMinor")
    public SemverVersion incMinor() {
        return new SemverVersion(version.incMinor());
    }

    @GoVisible("IncMajor")
    public SemverVersion incMajor() {
        return new SemverVersion(version.incMajor());
    }

    // Go pointers compare by identity
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

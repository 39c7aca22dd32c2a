package dev.charter.sprig.semver;

import dev.charter.semver.Constraint;
import dev.charter.semver.SemverException;

/** Masterminds' {@code NewConstraint}/{@code Check} for Sprig's {@code semverCompare}, over {@link Constraint}. */
public final class Constraints {
    private final Constraint constraint;

    private Constraints(Constraint constraint) {
        this.constraint = constraint;
    }

    public static Constraints parse(String c) {
        try {
            return new Constraints(Constraint.parse(c));
        } catch (SemverException e) {
            throw new SemverVersion.SemverError(e.getMessage());
        }
    }

    public boolean check(SemverVersion v) {
        return constraint.check(v.version());
    }
}

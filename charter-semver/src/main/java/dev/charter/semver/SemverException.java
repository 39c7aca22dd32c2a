package dev.charter.semver;

/** A version or constraint string that Masterminds semver would reject; the message is Masterminds' text. */
public final class SemverException extends IllegalArgumentException {

    public SemverException(String message) {
        super(message);
    }
}

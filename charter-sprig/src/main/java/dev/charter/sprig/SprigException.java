package dev.charter.sprig;

/**
 * A Go error returned by (or a panic raised in) a Sprig function. The message is Go's error text;
 * the template engine prefixes it with {@code error calling NAME: }.
 */
public final class SprigException extends RuntimeException {
    public SprigException(String message) {
        super(message, null, false, false);
    }

    /** Go's runtime nil-pointer panic, e.g. {@code reflect.TypeOf(nil).Kind()}. */
    static SprigException nilPointer() {
        return new SprigException("runtime error: invalid memory address or nil pointer dereference");
    }

    static SprigException sliceBounds(String detail) {
        return new SprigException("runtime error: slice bounds out of range " + detail);
    }
}

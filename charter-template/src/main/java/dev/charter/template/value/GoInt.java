package dev.charter.template.value;

/**
 * A Go integer of an explicit sized or unsigned type ({@code int64}, {@code uint8}, ...). Plain Java
 * {@link Long} and {@link Integer} stand for Go's {@code int}; this record exists for the other
 * integer types so that {@code %T}, comparisons and argument type checks behave as in Go.
 * Unsigned values keep their bits in {@code bits} (read with {@link Long#toUnsignedString}).
 */
public record GoInt(long bits, IntType type) {
    public GoInt {
        bits = type.truncate(bits);
    }

    public static GoInt int64(long v) {
        return new GoInt(v, IntType.INT64);
    }

    public static GoInt uint64(long v) {
        return new GoInt(v, IntType.UINT64);
    }

    public boolean unsigned() {
        return type.unsigned;
    }

    @Override
    public String toString() {
        return unsigned() ? Long.toUnsignedString(bits) : Long.toString(bits);
    }

    /** Go's integer types other than plain {@code int}. */
    public enum IntType {
        INT8("int8", 8, false), INT16("int16", 16, false), INT32("int32", 32, false), INT64("int64", 64, false),
        UINT("uint", 64, true), UINT8("uint8", 8, true), UINT16("uint16", 16, true), UINT32("uint32", 32, true),
        UINT64("uint64", 64, true), UINTPTR("uintptr", 64, true);

        public final String goName;
        public final int bitSize;
        public final boolean unsigned;

        IntType(String goName, int bitSize, boolean unsigned) {
            this.goName = goName;
            this.bitSize = bitSize;
            this.unsigned = unsigned;
        }

        long truncate(long v) {
            if (bitSize == 64) {
                return v;
            }
            long mask = (1L << bitSize) - 1;
            long x = v & mask;
            if (!unsigned && (x & (1L << (bitSize - 1))) != 0) {
                x |= ~mask;
            }
            return x;
        }
    }
}

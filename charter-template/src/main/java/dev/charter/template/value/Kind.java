package dev.charter.template.value;

/** Go's reflect.Kind, reduced to what Java values can be. */
public enum Kind {
    INVALID, BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
    FLOAT32, FLOAT64, COMPLEX128, STRING, SLICE, MAP, STRUCT, FUNC, INTERFACE,
    /** A pointer, e.g. {@code *semver.Version}; templates see through it to the host object's fields. */
    POINTER,
    /** Go's reflect.Value as a parameter type: the builtins that see values unconverted. */
    VALUE;

    public boolean isSignedInt() {
        return this == INT || this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    public boolean isUnsignedInt() {
        return this == UINT || this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64 || this == UINTPTR;
    }

    /** reflect.Kind.String(): {@code ptr}, {@code map}, {@code interface}, ... */
    public String goName() {
        return switch (this) {
            case POINTER -> "ptr";
            case VALUE -> "struct";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Kinds whose values carry Go-visible fields and methods of a host class. */
    public boolean isHost() {
        return this == STRUCT || this == POINTER;
    }

    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }
}

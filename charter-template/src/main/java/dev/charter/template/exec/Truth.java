package dev.charter.template.exec;

import dev.charter.template.value.Complex;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoTypes;
import java.util.Map;

/** Go's isTrue: the zero value of any type is false; non-nil pointers and structs are true. */
final class Truth {
    private Truth() {}

    static boolean isTrue(Object v) {
        if (v == Nothing.INSTANCE || v == null || v == Missing.INSTANCE) {
            return false;
        }
        if (v instanceof Boxed b) {
            return b.inner() != null;
        }
        if (v instanceof Executor.TypedNil) {
            return false;
        }
        return switch (GoTypes.kind(v)) {
            case STRING -> !((String) v).isEmpty();
            case SLICE -> Executor.length(v) > 0;
            case MAP -> !((Map<?, ?>) v).isEmpty();
            case BOOL -> (Boolean) v;
            case INT -> ((Number) v).longValue() != 0;
            case INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR -> ((GoInt) v).bits() != 0;
            case FLOAT32, FLOAT64 -> ((Number) v).doubleValue() != 0;
            case COMPLEX128 -> ((Complex) v).re() != 0 || ((Complex) v).im() != 0;
            default -> true;
        };
    }

    /** Go's truth(arg reflect.Value) used by and/or/not. */
    static boolean truth(Object v) {
        return isTrue(Executor.indirectInterface(v));
    }
}

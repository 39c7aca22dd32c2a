package dev.charter.template.exec;

import dev.charter.template.Signature;
import java.util.List;

/** Something evalCall can call: a builtin, a registered function, a host method. */
interface Callee {
    Signature signature();

    /** Receives evaluated internal values; returns an internal value. */
    Object invoke(Executor ex, List<Object> argv) throws Exception;

    /** Go's goodFunc: methods returning nothing cannot be called. */
    default int numOut() {
        return 1;
    }
}

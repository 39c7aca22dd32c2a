package dev.charter.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether this invocation writes to an interactive terminal, for progress displays: only when its
 * stderr is the process's own and a console is attached (on JDK 22+ also {@code isTerminal()}).
 * In-process runs with captured streams, pipes and CI logs stay silent.
 */
public final class Terminal {

    private Terminal() {
    }

    public static boolean interactive(CliContext ctx) {
        if (ctx.err() != System.err) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even when redirected; isTerminal() tells the difference
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException noSuchMethodBefore22) {
            return true;
        }
    }

    /** {@code [=====>    ] 12/40} as one carriage-returned line. */
    public static String bar(int done, int total, int width) {
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        StringBuilder b = new StringBuilder("\r[");
        for (int i = 0; i < width; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return b.append("] ").append(done).append('/').append(total).toString();
    }
}

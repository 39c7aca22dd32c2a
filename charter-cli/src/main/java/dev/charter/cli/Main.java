package dev.charter.cli;

import java.nio.file.Path;

/** The {@code charter} executable's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = Charter.execute(args, System.getenv(), Path.of(""), System.in, System.out, System.err);
        System.exit(code);
    }
}

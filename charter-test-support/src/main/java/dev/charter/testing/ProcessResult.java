package dev.charter.testing;

import java.nio.charset.StandardCharsets;

/** What a finished external process left behind: exit code and both output streams, as bytes. */
public record ProcessResult(int exitCode, byte[] stdout, byte[] stderr) {

    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n[stdout]\n" + out() + "\n[stderr]\n" + err();
    }
}

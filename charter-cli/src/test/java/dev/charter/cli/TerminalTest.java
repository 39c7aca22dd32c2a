package dev.charter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void barShowsDoneOfTotal() {
        assertThat(Terminal.bar(0, 4, 8)).isEqualTo("\r[>       ] 0/4");
        assertThat(Terminal.bar(2, 4, 8)).isEqualTo("\r[====>   ] 2/4");
        assertThat(Terminal.bar(4, 4, 8)).isEqualTo("\r[========] 4/4");
        assertThat(Terminal.bar(0, 0, 4)).isEqualTo("\r[====] 0/0");
    }

    @Test
    void capturedStreamsAreNeverATerminal() {
        PrintStream err = new PrintStream(new ByteArrayOutputStream());
        CliContext ctx = new CliContext(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), err,
                Map.of(), Path.of(""));
        assertThat(Terminal.interactive(ctx)).isFalse();
    }
}

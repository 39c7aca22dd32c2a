package dev.charter.cli.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CliContext;
import dev.charter.cli.Terminal;
import dev.charter.oci.transport.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    @Test
    void formatsBarBytesAndRate() {
        String frame = ProgressDisplay.format("Downloading sha256:0123456789ab", 3L << 20, 12L << 20, 1.5 * (1 << 20), 20);
        assertThat(frame).startsWith("\rDownloading sha256:0123456789ab [=====>              ] 3.0 MiB/12.0 MiB 1.5 MiB/s");
        assertThat(frame.strip()).endsWith("1.5 MiB/s");
        assertThat(ProgressDisplay.format("x", 10, 10, 0, 4)).startsWith("\rx [====] 10 B/10 B 0 B/s");
        assertThat(ProgressDisplay.format("x", 0, 10, 0, 4)).startsWith("\rx [>   ] 0 B/10 B 0 B/s");
        // frames have one width, so a shorter one overwrites a longer one completely
        assertThat(ProgressDisplay.format("x", 0, 10, 0, 4)).hasSameSizeAs(ProgressDisplay.format("x", 5L << 30, 6L << 30, 9e9, 4));
    }

    @Test
    void bytesUseBinaryUnits() {
        assertThat(ProgressDisplay.bytes(0)).isEqualTo("0 B");
        assertThat(ProgressDisplay.bytes(1023)).isEqualTo("1023 B");
        assertThat(ProgressDisplay.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(ProgressDisplay.bytes(5L << 30)).isEqualTo("5.0 GiB");
    }

    @Test
    void smallTransfersAreIgnoredAndRedrawsThrottled() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        AtomicLong clock = new AtomicLong();
        ProgressDisplay display = new ProgressDisplay(err, 1000, clock::get);
        assertThat(display.start("small", 999)).isNull();

        ProgressListener.Tracker t = display.start("big", 4000);
        t.advance(1000);                 // first frame drawn at once
        clock.addAndGet(10_000_000);     // 10 ms later: throttled
        t.advance(1000);
        clock.addAndGet(990_000_000);    // 1 s after start
        t.advance(1000);
        t.advance(1000);                 // throttled
        t.finish();
        t.finish();                      // only once
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r", -1)).hasSize(4); // three frames: first, at 1 s, final
        assertThat(out).contains("1000 B/3.9 KiB").contains("2.9 KiB/3.9 KiB 2.9 KiB/s").endsWith("3.9 KiB/s" + " ".repeat(out.length() - out.lastIndexOf("3.9 KiB/s") - 10) + "\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void capturedStreamsAreNotInteractive() {
        CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of(), Path.of("."));
        assertThat(Terminal.interactive(ctx)).isFalse();
        assertThat(OciSupport.transport(ctx, new OciSupport.TlsFlags(true, false, null, null, null)).progress()).isNull();
        assertThat(OciSupport.transport(ctx, new OciSupport.TlsFlags(true, false, null, null, null)).debugLog()).isNull();
    }
}

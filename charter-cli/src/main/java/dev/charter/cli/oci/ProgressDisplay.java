package dev.charter.cli.oci;

import dev.charter.oci.transport.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A carriage-returned progress bar on stderr for large blob uploads and downloads:
 * {@code Downloading sha256:0123456789ab [=========>          ] 12.0 MiB/24.0 MiB 3.1 MiB/s}.
 * Only used when {@link dev.charter.cli.Terminal#interactive} says stderr is a terminal; smaller
 * transfers than {@link #DEFAULT_THRESHOLD} are not shown. Redraws at most every 100 ms and ends
 * each bar with a newline.
 */
public final class ProgressDisplay implements ProgressListener {

    public static final long DEFAULT_THRESHOLD = 1 << 20;
    static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final long threshold;
    private final LongSupplier nanoClock;

    public ProgressDisplay(PrintStream err) {
        this(err, DEFAULT_THRESHOLD, System::nanoTime);
    }

    ProgressDisplay(PrintStream err, long threshold, LongSupplier nanoClock) {
        this.err = err;
        this.threshold = threshold;
        this.nanoClock = nanoClock;
    }

    @Override
    public Tracker start(String label, long total) {
        if (total < threshold) {
            return null;
        }
        long started = nanoClock.getAsLong();
        return new Tracker() {
            private long done;
            private long lastDraw = Long.MIN_VALUE;
            private boolean finished;

            @Override
            public synchronized void advance(long bytes) {
                if (finished) {
                    return;
                }
                done += bytes;
                long now = nanoClock.getAsLong();
                if (lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
                    lastDraw = now;
                    draw(now);
                }
            }

            @Override
            public synchronized void finish() {
                if (finished) {
                    return;
                }
                finished = true;
                draw(nanoClock.getAsLong());
                err.print('\n');
                err.flush();
            }

            private void draw(long now) {
                double seconds = (now - started) / 1e9;
                err.print(format(label, done, total, seconds > 0 ? done / seconds : 0, WIDTH));
                err.flush();
            }
        };
    }

    /** One frame: {@code \r<label> [====>     ] <done>/<total> <rate>/s}, padded so shorter frames erase longer ones. */
    public static String format(String label, long done, long total, double bytesPerSecond, int width) {
        long shown = Math.min(done, total);
        int filled = total <= 0 ? width : (int) (shown * width / total);
        StringBuilder b = new StringBuilder("\r").append(label).append(" [");
        for (int i = 0; i < width; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        b.append("] ").append(bytes(done)).append('/').append(bytes(total)).append(' ').append(bytes((long) bytesPerSecond)).append("/s");
        String frame = b.toString();
        return String.format(Locale.ROOT, "%-" + (label.length() + width + 40) + "s", frame);
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}, {@code 1.2 GiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

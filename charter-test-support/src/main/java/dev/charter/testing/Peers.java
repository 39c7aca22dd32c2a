package dev.charter.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what happens when a real peer (a Helm binary, Debian's registry) cannot be had. In CI
 * and by default the test fails, because a silently skipped differential test proves nothing;
 * {@code -Dcharter.requirePeers=false} turns that into a skip for quick local runs.
 */
public final class Peers {

    private Peers() {
    }

    public static boolean required() {
        return !"false".equals(System.getProperty("charter.requirePeers", "true"));
    }

    public static void unavailable(String what) {
        String message = what + " is not available; install it (see .ci/run) or run with -Dcharter.requirePeers=false";
        if (required()) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    /** The per-user cache where installed peers live between runs. */
    public static Path cacheDir() {
        String explicit = System.getenv("CHARTER_TEST_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("charter-test");
    }
}

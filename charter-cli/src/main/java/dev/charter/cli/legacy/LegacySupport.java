package dev.charter.cli.legacy;

import dev.charter.cli.CliContext;
import dev.charter.cli.oci.OciSupport;
import dev.charter.oci.legacy.CachedChart;
import dev.charter.oci.legacy.LegacyChartCache;
import dev.charter.oci.legacy.LegacyReference;

/** Wiring shared by the {@code charter chart} commands. */
final class LegacySupport {

    private LegacySupport() {
    }

    /** The named-chart view of Charter's digest cache ({@code <cache home>/oci}). */
    static LegacyChartCache cache(CliContext ctx) {
        return new LegacyChartCache(OciSupport.cache(ctx));
    }

    /**
     * One line on stderr pointing at today's command; stderr so that scripts parsing stdout keep
     * seeing exactly what Helm 3.0–3.6 printed.
     */
    static void note(CliContext ctx, String command, String modern) {
        ctx.err().println("Note: \"chart " + command + "\" is Helm 3.0-3.6's experimental OCI support; today: " + modern);
        ctx.err().flush();
    }

    /** {@code oci://repo} plus {@code --version tag} when there is a tag. */
    static String modernRef(LegacyReference ref) {
        return "oci://" + ref.repo() + (ref.tag().isEmpty() ? "" : " --version " + ref.tag());
    }

    /** The modern form of a reference given on the command line, or a placeholder when it does not parse. */
    static String modernRef(String raw) {
        try {
            return modernRef(LegacyReference.parse(raw));
        } catch (RuntimeException e) {
            return "oci://REGISTRY/REPO/NAME --version VERSION";
        }
    }

    static void printSummary(CliContext ctx, CachedChart chart) {
        chart.summary().forEach(ctx.out()::println);
    }
}

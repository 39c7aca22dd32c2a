package dev.charter.oci.chart;

/**
 * Which layers a pull needs (Helm's {@code PullOptWithChart}, {@code PullOptWithProv},
 * {@code PullOptIgnoreMissingProv}).
 */
public record PullOptions(boolean withChart, boolean withProv, boolean ignoreMissingProv) {

    public static PullOptions chartOnly() {
        return new PullOptions(true, false, false);
    }

    public static PullOptions provOnly() {
        return new PullOptions(false, true, false);
    }
}

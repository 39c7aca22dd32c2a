package dev.charter.oci.chart;

/**
 * Which layers a pull needs (Helm's {@code PullOptWithChart}, {@code PullOptWithProv},
 * {@code PullOptIgnoreMissingProv}). {@code skipChartDownload} is Charter's own: the manifest is
 * checked exactly as for a chart pull (same errors), but only the config blob is fetched — what
 * {@code show chart} needs, since the config is Helm's {@code json.Marshal} of the chart metadata.
 */
public record PullOptions(boolean withChart, boolean withProv, boolean ignoreMissingProv, boolean skipChartDownload) {

    public PullOptions(boolean withChart, boolean withProv, boolean ignoreMissingProv) {
        this(withChart, withProv, ignoreMissingProv, false);
    }

    public static PullOptions chartOnly() {
        return new PullOptions(true, false, false);
    }

    public static PullOptions provOnly() {
        return new PullOptions(false, true, false);
    }

    /** Checked like {@link #chartOnly()}, but the chart layer is not downloaded. */
    public static PullOptions chartMetadataOnly() {
        return new PullOptions(true, false, false, true);
    }
}

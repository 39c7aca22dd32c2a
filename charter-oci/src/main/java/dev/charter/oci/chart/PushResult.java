package dev.charter.oci.chart;

/** What a push produced: {@code registry/repo:tag} and the manifest digest. */
public record PushResult(String reference, String digest, String tag) {

    /** Whether Helm's underscore notice applies (a {@code +} in the version became {@code _}). */
    public boolean hasUnderscore() {
        return reference.contains("_");
    }
}

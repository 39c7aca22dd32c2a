package dev.charter.registry.api;

/**
 * Server-wide switches of the API: {@code storage.delete.enabled},
 * {@code storage.maintenance.readonly.enabled} and the manifest size limit.
 */
public record Policies(boolean deleteEnabled, boolean readOnly, int maxManifestBytes) {

    public static final int DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
}

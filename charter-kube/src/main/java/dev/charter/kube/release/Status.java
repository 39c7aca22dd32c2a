package dev.charter.kube.release;

/** Helm's release status strings ({@code pkg/release/common/status.go}). */
public final class Status {
    public static final String UNKNOWN = "unknown";
    public static final String DEPLOYED = "deployed";
    public static final String UNINSTALLED = "uninstalled";
    public static final String SUPERSEDED = "superseded";
    public static final String FAILED = "failed";
    public static final String UNINSTALLING = "uninstalling";
    public static final String PENDING_INSTALL = "pending-install";
    public static final String PENDING_UPGRADE = "pending-upgrade";
    public static final String PENDING_ROLLBACK = "pending-rollback";

    private Status() {
    }

    public static boolean isPending(String s) {
        return PENDING_INSTALL.equals(s) || PENDING_UPGRADE.equals(s) || PENDING_ROLLBACK.equals(s);
    }
}

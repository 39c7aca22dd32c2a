package dev.charter.kube.action;

import dev.charter.kube.KubeConnection;
import dev.charter.kube.KubeOptions;
import dev.charter.kube.client.ResourceClient;
import dev.charter.kube.storage.Driver;
import dev.charter.kube.storage.KubeRecordsDriver;
import dev.charter.kube.storage.MemoryDriver;
import dev.charter.kube.storage.MemoryDriverData;
import dev.charter.kube.KubeException;
import dev.charter.kube.storage.SqlDriver;
import dev.charter.kube.storage.StorageException;
import dev.charter.kube.storage.Storage;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Helm's {@code action.Configuration}: the cluster connection, release storage (chosen by
 * HELM_DRIVER: secret(s) default, configmap(s), memory, sql with HELM_DRIVER_SQL_CONNECTION_STRING) and how it logs.
 */
public final class ActionConfig implements AutoCloseable {

    private final KubeConnection connection;
    private final Storage storage;
    private final String namespace;
    private ResourceClient resources;
    private boolean offline;
    private ZoneId zone = ZoneId.systemDefault();
    private Consumer<String> warn = s -> { };

    public ActionConfig(KubeConnection connection, Storage storage, String namespace) {
        this.connection = connection;
        this.storage = storage;
        this.namespace = namespace;
    }

    /** Helm's {@code Configuration.Init}; an empty storageNamespace lists all namespaces. */
    public static ActionConfig init(KubeOptions options, String helmDriver, boolean allNamespaces) {
        KubeConnection conn = KubeConnection.open(options);
        String ns = conn.namespace();
        String storageNs = allNamespaces ? "" : ns;
        Driver d = switch (helmDriver == null ? "" : helmDriver) {
            case "", "secret", "secrets" -> new KubeRecordsDriver(conn.client(), storageNs, KubeRecordsDriver.Kind.SECRET);
            case "configmap", "configmaps" -> new KubeRecordsDriver(conn.client(), storageNs, KubeRecordsDriver.Kind.CONFIGMAP);
            case "memory" -> new MemoryDriver(storageNs);
            case "sql" -> openSql(options, storageNs, conn);
            default -> throw new IllegalArgumentException("unknown driver \"" + helmDriver + "\"");
        };
        ActionConfig cfg = new ActionConfig(conn, new Storage(d), ns);
        if (d instanceof MemoryDriver mem) {
            try {
                MemoryDriverData.load(cfg.storage, options.environment().get("HELM_MEMORY_DRIVER_DATA"));
            } catch (RuntimeException e) {
                conn.close();
                throw e;
            }
            mem.setNamespace(storageNs);
            // Helm swaps in a kube client that prints nothing and touches no cluster; but list -A initialises
            // the configuration a second time, which brings the real client back (the memory driver stays)
            cfg.offline = !allNamespaces;
        }
        return cfg;
    }

    /**
     * True with preloaded memory-driver data, where Helm's kube client is a no-op printer: nothing is
     * checked or read on the cluster. Charter runs the reading commands so; changing ones refuse.
     */
    public boolean offline() {
        return offline;
    }

    private static Driver openSql(KubeOptions options, String storageNs, KubeConnection conn) {
        try {
            return SqlDriver.open(options.environment().get("HELM_DRIVER_SQL_CONNECTION_STRING"), storageNs,
                    options.environment());
        } catch (RuntimeException e) {
            conn.close();
            throw new StorageException("unable to instantiate SQL driver: " + e.getMessage(), e);
        }
    }

    public KubeConnection connection() { return connection; }
    public Storage storage() { return storage; }
    public String namespace() { return namespace; }
    public ZoneId zone() { return zone; }
    public ActionConfig zone(ZoneId z) { this.zone = z; return this; }
    public Consumer<String> warn() { return warn; }
    private Consumer<String> log = s -> { };
    /** Where Helm's slog lines ({@code level=WARN msg=...}) go: stderr in the CLI. */
    public Consumer<String> log() { return log; }
    public ActionConfig log(Consumer<String> l) { this.log = l; return this; }
    public ActionConfig warn(Consumer<String> w) { this.warn = w; return this; }

    public synchronized ResourceClient resources() {
        if (offline) {
            throw new KubeException("HELM_DRIVER=memory: Charter does not fake the cluster as Helm does for preloaded"
                    + " HELM_MEMORY_DRIVER_DATA; only list, history, get and status run with it");
        }
        if (resources == null) resources = new ResourceClient(connection.client(), namespace);
        return resources;
    }

    public void checkReachable() {
        if (offline) return;
        connection.checkReachable();
    }

    @Override
    public void close() {
        if (storage.driver() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing
            }
        }
        connection.close();
    }
}

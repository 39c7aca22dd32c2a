package dev.charter.kube.action;

import dev.charter.kube.KubeConnection;
import dev.charter.kube.KubeOptions;
import dev.charter.kube.client.ResourceClient;
import dev.charter.kube.storage.Driver;
import dev.charter.kube.storage.KubeRecordsDriver;
import dev.charter.kube.storage.MemoryDriver;
import dev.charter.kube.storage.Storage;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Helm's {@code action.Configuration}: the cluster connection, release storage (chosen by
 * HELM_DRIVER: secret(s) default, configmap(s), memory) and how it logs.
 */
public final class ActionConfig implements AutoCloseable {

    private final KubeConnection connection;
    private final Storage storage;
    private final String namespace;
    private ResourceClient resources;
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
            default -> throw new IllegalArgumentException("unknown driver \"" + helmDriver + "\"");
        };
        return new ActionConfig(conn, new Storage(d), ns);
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
        if (resources == null) resources = new ResourceClient(connection.client(), namespace);
        return resources;
    }

    public void checkReachable() {
        connection.checkReachable();
    }

    @Override
    public void close() {
        connection.close();
    }
}

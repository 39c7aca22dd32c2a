package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Helm's SQL driver ({@code HELM_DRIVER=sql}, PostgreSQL only): table {@code releases_v1} (key,
 * type, body, name, namespace, version, status, owner, createdAt, modifiedAt; body is the same
 * base64-gzip-JSON as the Secret driver's) and {@code custom_labels_v1} for user labels. The schema
 * is created by the same two rubenv/sql-migrate migrations Helm runs ({@code init},
 * {@code custom_labels}, recorded in {@code gorp_migrations}), so Helm and Charter share one database.
 * Helm's quirks are kept: create/update switch the driver's namespace to the release's, custom
 * labels are looked up in the driver's namespace, and query knows only the system labels.
 */
public final class SqlDriver implements Driver, AutoCloseable {

    static final String RELEASES = "releases_v1";
    static final String CUSTOM_LABELS = "custom_labels_v1";
    static final String MIGRATIONS = "gorp_migrations";
    private static final String OWNER = "helm";
    private static final String TYPE = "helm.sh/release.v1";
    private static final Set<String> LABEL_COLUMNS = Set.of("modifiedAt", "createdAt", "version", "status", "owner", "name");

    /** Helm's migrations, in sql-migrate's order (ids sorted as strings: custom_labels before init). */
    static final List<Map.Entry<String, String>> MIGRATION_STEPS = List.of(
            Map.entry("custom_labels", """
                    CREATE TABLE custom_labels_v1 (
                    	releaseKey VARCHAR(64),
                    	releaseNamespace VARCHAR(67),
                    	key VARCHAR(317),
                    	value VARCHAR(63)
                    );
                    CREATE INDEX ON custom_labels_v1 (releaseKey, releaseNamespace);

                    GRANT ALL ON custom_labels_v1 TO PUBLIC;
                    ALTER TABLE custom_labels_v1 ENABLE ROW LEVEL SECURITY;
                    """),
            Map.entry("init", """
                    CREATE TABLE releases_v1 (
                    	key VARCHAR(90),
                    	type VARCHAR(64) NOT NULL,
                    	body TEXT NOT NULL,
                    	name VARCHAR(64) NOT NULL,
                    	namespace VARCHAR(64) NOT NULL,
                    	version INTEGER NOT NULL,
                    	status TEXT NOT NULL,
                    	owner TEXT NOT NULL,
                    	createdAt INTEGER NOT NULL,
                    	modifiedAt INTEGER NOT NULL DEFAULT 0,
                    	PRIMARY KEY(key, namespace)
                    );
                    CREATE INDEX ON releases_v1 (key, namespace);
                    CREATE INDEX ON releases_v1 (version);
                    CREATE INDEX ON releases_v1 (status);
                    CREATE INDEX ON releases_v1 (owner);
                    CREATE INDEX ON releases_v1 (createdAt);
                    CREATE INDEX ON releases_v1 (modifiedAt);

                    GRANT ALL ON releases_v1 TO PUBLIC;

                    ALTER TABLE releases_v1 ENABLE ROW LEVEL SECURITY;
                    """));

    private final Connection db;
    private String namespace;

    private SqlDriver(Connection db, String namespace) {
        this.db = db;
        this.namespace = namespace == null ? "" : namespace;
    }

    /**
     * Helm's {@code NewSQL}: connects (lib/pq DSN, URL or key=value), runs the migrations not yet applied.
     *
     * @param env the environment, for lib/pq's PG* defaults
     */
    public static SqlDriver open(String connectionString, String namespace, Map<String, String> env) {
        PqDsn dsn = PqDsn.parse(connectionString == null ? "" : connectionString, env);
        Connection c;
        try {
            c = DriverManager.getConnection(dsn.jdbcUrl(), dsn.properties());
        } catch (SQLException e) {
            throw new StorageException(message(e), e);
        }
        SqlDriver d = new SqlDriver(c, namespace);
        try {
            d.ensureSetup();
        } catch (SQLException e) {
            d.close();
            throw new StorageException(message(e), e);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    static String message(SQLException e) {
        return "pq: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    @Override
    public String name() {
        return "SQL";
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing
        }
    }

    private Set<String> appliedMigrations() {
        Set<String> ids = new HashSet<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM " + MIGRATIONS)) {
            while (rs.next()) ids.add(rs.getString(1));
        } catch (SQLException e) {
            return null;
        }
        return ids;
    }

    private void ensureSetup() throws SQLException {
        Set<String> applied = appliedMigrations();
        if (applied != null && MIGRATION_STEPS.stream().allMatch(m -> applied.contains(m.getKey()))) return;
        // sql-migrate: gorp creates its table, then each pending migration runs in a transaction with its record
        try (Statement st = db.createStatement()) {
            st.execute("create table if not exists \"" + MIGRATIONS
                    + "\" (\"id\" text not null primary key, \"applied_at\" timestamp with time zone) ;");
        }
        Set<String> done = appliedMigrations();
        Set<String> known = new HashSet<>();
        MIGRATION_STEPS.forEach(m -> known.add(m.getKey()));
        for (String id : done) {
            if (!known.contains(id)) {
                throw new StorageException("Unable to apply migrations: Unknown migration in database: " + id);
            }
        }
        for (Map.Entry<String, String> m : MIGRATION_STEPS) {
            if (done.contains(m.getKey())) continue;
            db.setAutoCommit(false);
            try {
                try (Statement st = db.createStatement()) {
                    st.execute(m.getValue());
                }
                try (PreparedStatement ps = db.prepareStatement(
                        "insert into \"" + MIGRATIONS + "\" (\"id\",\"applied_at\") values (?,?);")) {
                    ps.setString(1, m.getKey());
                    ps.setTimestamp(2, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    private record Row(String key, String namespace, String body) {
    }

    private List<Row> select(String where, List<Object> args) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT key, namespace, body FROM " + RELEASES + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                // lib/pq sends untyped text: let the server infer (version = '1' against an integer column)
                ps.setObject(i + 1, a, java.sql.Types.OTHER);
            }
        }
    }

    private Map<String, String> customLabels(String key) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT key, value FROM " + CUSTOM_LABELS + " WHERE releaseKey = ? AND releaseNamespace = ?")) {
            ps.setString(1, key);
            ps.setString(2, namespace);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return Labels.filterSystem(out);
    }

    @Override
    public synchronized Release get(String key) {
        List<Row> rows;
        try {
            rows = select(" WHERE key = ? AND namespace = ?", List.of(key, namespace));
        } catch (SQLException e) {
            throw new ReleaseNotFoundException();
        }
        if (rows.isEmpty()) throw new ReleaseNotFoundException();
        Release r = ReleaseCodec.decode(rows.get(0).body());
        try {
            r.labels = customLabels(key);
        } catch (SQLException e) {
            throw new StorageException(message(e), e);
        }
        return r;
    }

    @Override
    public synchronized List<Release> list(Predicate<Release> filter) {
        List<Object> args = new ArrayList<>(List.of(OWNER));
        String where = " WHERE owner = ?";
        if (!namespace.isEmpty()) {
            where += " AND namespace = ?";
            args.add(namespace);
        }
        List<Release> out = new ArrayList<>();
        try {
            for (Row row : select(where, args)) {
                Release r;
                try {
                    r = ReleaseCodec.decode(row.body());
                } catch (RuntimeException e) {
                    continue;
                }
                Map<String, String> l = new TreeMap<>(customLabels(row.key()));
                l.put("name", r.name);
                l.put("owner", OWNER);
                l.put("status", r.info.status);
                l.put("version", Integer.toString(r.version));
                r.labels = l;
                if (filter.test(r)) out.add(r);
            }
        } catch (SQLException e) {
            throw new StorageException(message(e), e);
        }
        return out;
    }

    @Override
    public synchronized List<Release> query(Map<String, String> labels) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (String k : new TreeMap<>(labels).keySet()) {
            if (!LABEL_COLUMNS.contains(k)) throw new StorageException("unknown label " + k);
            where.append(where.isEmpty() ? " WHERE " : " AND ").append(k).append(" = ?");
            args.add(labels.get(k));
        }
        if (!namespace.isEmpty()) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append("namespace = ?");
            args.add(namespace);
        }
        List<Release> out = new ArrayList<>();
        try {
            List<Row> rows = select(where.toString(), args);
            if (rows.isEmpty()) throw new ReleaseNotFoundException();
            for (Row row : rows) {
                Release r;
                try {
                    r = ReleaseCodec.decode(row.body());
                } catch (RuntimeException e) {
                    continue;
                }
                r.labels = customLabels(row.key());
                out.add(r);
            }
        } catch (SQLException e) {
            throw new StorageException(message(e), e);
        }
        if (out.isEmpty()) throw new ReleaseNotFoundException();
        return out;
    }

    @Override
    public synchronized void create(String key, Release r) {
        String ns = r.namespace == null || r.namespace.isEmpty() ? "default" : r.namespace;
        namespace = ns;
        String body = ReleaseCodec.encode(r);
        try {
            db.setAutoCommit(false);
            try {
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + RELEASES
                        + " (key,type,body,name,namespace,version,status,owner,createdAt) VALUES (?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, key);
                    ps.setString(2, TYPE);
                    ps.setString(3, body);
                    ps.setString(4, r.name);
                    ps.setString(5, ns);
                    ps.setInt(6, r.version);
                    ps.setString(7, r.info.status);
                    ps.setString(8, OWNER);
                    ps.setInt(9, (int) Instant.now().getEpochSecond());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    db.rollback();
                    if (!select(" WHERE key = ? AND namespace = ?", List.of(key, ns)).isEmpty()) {
                        throw new StorageException("release: already exists", e);
                    }
                    throw e;
                }
                for (Map.Entry<String, String> l : Labels.filterSystem(r.labels).entrySet()) {
                    try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + CUSTOM_LABELS
                            + " (releaseKey,releaseNamespace,key,value) VALUES (?,?,?,?)")) {
                        ps.setString(1, key);
                        ps.setString(2, ns);
                        ps.setString(3, l.getKey());
                        ps.setString(4, l.getValue());
                        ps.executeUpdate();
                    }
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(message(e), e);
        }
    }

    @Override
    public synchronized void update(String key, Release r) {
        String ns = r.namespace == null || r.namespace.isEmpty() ? "default" : r.namespace;
        namespace = ns;
        try (PreparedStatement ps = db.prepareStatement("UPDATE " + RELEASES
                + " SET body = ?, name = ?, version = ?, status = ?, owner = ?, modifiedAt = ? WHERE key = ? AND namespace = ?")) {
            ps.setString(1, ReleaseCodec.encode(r));
            ps.setString(2, r.name);
            ps.setInt(3, r.version);
            ps.setString(4, r.info.status);
            ps.setString(5, OWNER);
            ps.setInt(6, (int) Instant.now().getEpochSecond());
            ps.setString(7, key);
            ps.setString(8, ns);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(message(e), e);
        }
    }

    @Override
    public synchronized Release delete(String key) {
        try {
            db.setAutoCommit(false);
            try {
                List<Row> rows = select(" WHERE key = ? AND namespace = ?", List.of(key, namespace));
                if (rows.isEmpty()) throw new ReleaseNotFoundException();
                Release r = ReleaseCodec.decode(rows.get(0).body());
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM " + RELEASES + " WHERE key = ? AND namespace = ?")) {
                    ps.setString(1, key);
                    ps.setString(2, namespace);
                    ps.executeUpdate();
                }
                r.labels = customLabels(key);
                try (PreparedStatement ps = db.prepareStatement(
                        "DELETE FROM " + CUSTOM_LABELS + " WHERE releaseKey = ? AND releaseNamespace = ?")) {
                    ps.setString(1, key);
                    ps.setString(2, namespace);
                    ps.executeUpdate();
                }
                db.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(message(e), e);
        }
    }
}

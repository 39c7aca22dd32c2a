package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HELM_DRIVER=sql against a real PostgreSQL (Debian's) and a real kube-apiserver: Helm v4 and Charter
 * share one database — same schema and migrations, same rows, byte-identical command output.
 */
class SqlDriverInteropTest {

    static Path kubeconfig;
    static DebianPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        kubeconfig = KubeE2E.kubeconfig();
        pg = DebianPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (pg != null) pg.close();
    }

    private Path chart(String version) throws Exception {
        Path c = dir.resolve("demo");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: " + version + "\nappVersion: \"1.2\"\n");
        Files.writeString(c.resolve("values.yaml"), "greeting: hello\nnested:\n  a: 1\n  b: [x, y]\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
                + "data:\n  greeting: {{ .Values.greeting | quote }}\n");
        Files.writeString(c.resolve("templates/NOTES.txt"), "Thanks for installing {{ .Release.Name }}.\n");
        return c;
    }

    private Map<String, String> helmEnv(String db) {
        return Map.of("KUBECONFIG", kubeconfig.toString(), "HELM_DRIVER", "sql",
                "HELM_DRIVER_SQL_CONNECTION_STRING", pg.url(db));
    }

    /** Charter gets lib/pq's other DSN form for the same database. */
    private CharterRunner charter(String db) {
        return new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(), "TZ", "UTC",
                "HELM_DRIVER", "sql", "HELM_DRIVER_SQL_CONNECTION_STRING", pg.keyValue(db)));
    }

    private void same(HelmOracle helm, String db, CharterRunner charter, String... args) {
        ProcessResult h = helm.run(dir, helmEnv(db), null, args);
        ProcessResult c = charter.run(dir, args);
        assertThat(c.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(h.err());
        assertThat(KubeAges.mask(c.out())).as("stdout of %s", String.join(" ", args)).isEqualTo(KubeAges.mask(h.out()));
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
    }

    private ProcessResult helmOk(HelmOracle helm, String db, String... args) {
        ProcessResult r = helm.run(dir, helmEnv(db), null, args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void charterCreatesHelmsSchema() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        pg.createDatabase("schema_helm");
        pg.createDatabase("schema_charter");
        String ns = KubeE2E.uniqueNamespace("s");
        helmOk(helm, "schema_helm", "list", "-n", ns);
        ProcessResult c = charter("schema_charter").run(dir, "list", "-n", ns);
        assertThat(c.exitCode()).as(c.toString()).isZero();
        assertThat(pg.schema("schema_charter")).isEqualTo(pg.schema("schema_helm"));
        assertThat(pg.psql("schema_charter", "SELECT id FROM gorp_migrations ORDER BY id"))
                .isEqualTo(pg.psql("schema_helm", "SELECT id FROM gorp_migrations ORDER BY id"))
                .isEqualTo("custom_labels\ninit\n");
        // each tool accepts the schema the other made (no re-migration)
        helmOk(helm, "schema_charter", "list", "-n", ns);
        ProcessResult c2 = charter("schema_helm").run(dir, "list", "-n", ns);
        assertThat(c2.exitCode()).as(c2.toString()).isZero();
    }

    @Test
    void helmInstallsCharterReadsAndWrites() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        String db = "interop";
        pg.createDatabase(db);
        String ns = KubeE2E.uniqueNamespace("q");
        Path chart = chart("0.1.0");
        helmOk(helm, db, "install", "r1", chart.toString(), "-n", ns, "--create-namespace",
                "--set", "greeting=hi", "--labels", "tier=front");
        helmOk(helm, db, "upgrade", "r1", chart.toString(), "-n", ns, "--set", "nested.a=2");
        CharterRunner charter = charter(db);
        same(helm, db, charter, "list", "-n", ns);
        same(helm, db, charter, "list", "-n", ns, "-o", "json");
        same(helm, db, charter, "list", "-n", ns, "-o", "yaml");
        same(helm, db, charter, "list", "-n", ns, "--all");
        same(helm, db, charter, "list", "-A");
        same(helm, db, charter, "history", "r1", "-n", ns);
        same(helm, db, charter, "history", "r1", "-n", ns, "-o", "json");
        same(helm, db, charter, "get", "values", "r1", "-n", ns);
        same(helm, db, charter, "get", "values", "r1", "-n", ns, "--revision", "1", "-o", "json");
        same(helm, db, charter, "get", "values", "r1", "-n", ns, "-a");
        same(helm, db, charter, "get", "manifest", "r1", "-n", ns);
        same(helm, db, charter, "get", "metadata", "r1", "-n", ns);
        same(helm, db, charter, "get", "all", "r1", "-n", ns);
        same(helm, db, charter, "status", "r1", "-n", ns);
        same(helm, db, charter, "status", "nope", "-n", ns);
        same(helm, db, charter, "history", "nope", "-n", ns);

        // Charter rolls back; Helm reads it
        ProcessResult rb = charter.run(dir, "rollback", "r1", "1", "-n", ns);
        assertThat(rb.out()).as(rb.toString()).isEqualTo("Rollback was a success! Happy Helming!\n");
        same(helm, db, charter, "history", "r1", "-n", ns);
        same(helm, db, charter, "get", "values", "r1", "-n", ns);
        same(helm, db, charter, "list", "-n", ns, "-o", "json");
        assertThat(pg.psql(db, "SELECT key, type, name, namespace, version, status, owner, createdat > 0,"
                + " modifiedat > 0 FROM releases_v1 ORDER BY version"))
                .isEqualTo("sh.helm.release.v1.r1.v1|helm.sh/release.v1|r1|" + ns + "|1|superseded|helm|t|t\n"
                        + "sh.helm.release.v1.r1.v2|helm.sh/release.v1|r1|" + ns + "|2|superseded|helm|t|t\n"
                        + "sh.helm.release.v1.r1.v3|helm.sh/release.v1|r1|" + ns + "|3|deployed|helm|t|t\n");
        assertThat(pg.psql(db, "SELECT releasekey, releasenamespace, key, value FROM custom_labels_v1 ORDER BY releasekey"))
                .isEqualTo("sh.helm.release.v1.r1.v1|" + ns + "|tier|front\n"
                        + "sh.helm.release.v1.r1.v2|" + ns + "|tier|front\n"
                        + "sh.helm.release.v1.r1.v3|" + ns + "|tier|front\n");

        // Helm upgrades what Charter rolled back
        helmOk(helm, db, "upgrade", "r1", chart.toString(), "-n", ns, "--set", "greeting=yo");
        same(helm, db, charter, "history", "r1", "-n", ns);

        // Charter installs with a custom label; Helm reads it
        ProcessResult in2 = charter.run(dir, "install", "r2", chart.toString(), "-n", ns, "--labels", "team=db", "--set", "x=1");
        assertThat(in2.exitCode()).as(in2.toString()).isZero();
        same(helm, db, charter, "list", "-n", ns);
        same(helm, db, charter, "get", "values", "r2", "-n", ns);
        same(helm, db, charter, "get", "metadata", "r2", "-n", ns, "-o", "json");
        same(helm, db, charter, "history", "r2", "-n", ns);

        // Charter uninstalls keeping history; Helm lists it; then purges
        ProcessResult un = charter.run(dir, "uninstall", "r1", "-n", ns, "--keep-history");
        assertThat(un.out()).as(un.toString()).isEqualTo("release \"r1\" uninstalled\n");
        same(helm, db, charter, "list", "-n", ns, "--uninstalled");
        same(helm, db, charter, "history", "r1", "-n", ns);
        ProcessResult un2 = charter.run(dir, "uninstall", "r1", "-n", ns);
        assertThat(un2.exitCode()).as(un2.toString()).isZero();
        same(helm, db, charter, "list", "-n", ns, "--all");
        same(helm, db, charter, "history", "r1", "-n", ns);
        // Helm uninstalls what Charter installed
        helmOk(helm, db, "uninstall", "r2", "-n", ns);
        same(helm, db, charter, "list", "-n", ns, "--all");
        assertThat(pg.psql(db, "SELECT count(*) FROM releases_v1")).isEqualTo("0\n");
        assertThat(pg.psql(db, "SELECT count(*) FROM custom_labels_v1")).isEqualTo("0\n");
    }

    @Test
    void connectionFailureIsAnError() {
        ProcessResult c = new CharterRunner(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(),
                "HELM_DRIVER", "sql", "HELM_DRIVER_SQL_CONNECTION_STRING",
                "postgres://" + DebianPostgres.USER + ":wrong@127.0.0.1:" + pg.port + "/postgres?sslmode=disable"))
                .run(dir, "list");
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.err()).startsWith("Error: unable to instantiate SQL driver: ");
    }
}

package dev.charter.cli.repo;

import static dev.charter.cli.repo.RepoFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.chart.archive.ChartPackager;
import dev.charter.chart.loader.ChartLoader;
import dev.charter.cli.CharterRunner;
import dev.charter.provenance.KeyGenerator;
import dev.charter.provenance.Provenance;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code charter mirror} at scale: a generated repository of 200 chart archives (50 charts x 4
 * versions, every fifth signed) into Debian's Distribution. The first mirror runs as a separate
 * JVM and is killed half-way; the second resumes, and Helm pulls random charts back byte for byte.
 */
class MirrorScaleTest {

    static final int CHARTS = 50;
    static final int VERSIONS = 4;
    static final int TOTAL = CHARTS * VERSIONS;

    static Path root;
    static Path repo;
    static FileServer server;
    static DistributionRegistry registry;
    static HelmOracle helm;

    @BeforeAll
    static void setUp() throws Exception {
        helm = HelmOracle.v4();
        root = Files.createTempDirectory("mirror-scale-");
        repo = Files.createDirectories(root.resolve("repo"));
        KeyGenerator.GeneratedKey key = KeyGenerator.forUser("mirror").generate();
        Path secring = key.writeSecretKeyring(root.resolve("secring.gpg"));
        key.writePublicKeyring(root.resolve("pubring.gpg"));
        // packaged in-process: 200 `helm package` runs would dominate the test's time
        ChartPackager packager = new ChartPackager(() -> Instant.parse("2024-05-06T07:08:09Z"));
        int n = 0;
        for (int c = 0; c < CHARTS; c++) {
            for (int v = 0; v < VERSIONS; v++) {
                String name = "chart-%03d".formatted(c);
                Path dir = Files.createDirectories(root.resolve("src").resolve(name + "-" + v).resolve(name));
                Files.writeString(dir.resolve("Chart.yaml"), """
                        apiVersion: v2
                        name: %s
                        version: %d.%d.0%s
                        description: generated chart %d
                        """.formatted(name, v / 2, v % 2, v == 3 ? "-rc.1" : "", c));
                Files.createDirectories(dir.resolve("templates"));
                Files.writeString(dir.resolve("values.yaml"), "replicas: " + (c + v) + "\n");
                Files.writeString(dir.resolve("templates/cm.yaml"),
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  n: \"{{ .Values.replicas }}\"\n");
                Path tgz = packager.save(ChartLoader.loadDirectory(dir), repo);
                if (n++ % 5 == 0) {
                    Provenance.signChart(tgz, root, secring.toString(), "mirror", name2 -> new byte[0]);
                }
            }
        }
        ok(helm.run(root, "repo", "index", repo.toString()));
        server = FileServer.start(repo);
        registry = DistributionRegistry.startOpen();
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
        registry.close();
    }

    /** The CLI in a JVM of its own, with the test's class path (the classes under test, fresh from this build). */
    private static Process mirrorProcess(Path wd, String dest) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "dev.charter.cli.Main",
                "mirror", server.url(), dest, "--plain-http", "--jobs", "2").directory(wd.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(helm.environment());
        return pb.start();
    }

    @Test
    void killedMirrorResumesAndEndsComplete(@TempDir Path wd) throws Exception {
        String dest = "oci://" + registry.host() + "/scale";
        Process first = mirrorProcess(wd, dest);
        int copiedBeforeKill = 0;
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                seen.add(line);
                if (line.startsWith("copied  ") && ++copiedBeforeKill == TOTAL / 2) {
                    first.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(copiedBeforeKill).as("output before the kill: %s", seen).isEqualTo(TOTAL / 2);
        assertThat(first.exitValue()).as("killed, not finished").isNotZero();

        CharterRunner charter = new CharterRunner(helm.environment());
        ProcessResult second = charter.run(wd, "mirror", server.url(), dest, "--plain-http", "--jobs", "4");
        assertThat(second.exitCode()).as(second.err() + second.out()).isZero();
        Matcher m = Pattern.compile("Mirror complete: (\\d+) copied, (\\d+) skipped, 0 failed").matcher(second.out());
        assertThat(m.find()).as(second.out()).isTrue();
        int copied = Integer.parseInt(m.group(1));
        int skipped = Integer.parseInt(m.group(2));
        assertThat(copied + skipped).isEqualTo(TOTAL);
        // everything reported copied before the kill is skipped now; pushes in flight may have landed too
        assertThat(skipped).isBetween(TOTAL / 2, TOTAL / 2 + 2);

        ProcessResult third = charter.run(wd, "mirror", server.url(), dest, "--plain-http");
        assertThat(third.out()).contains("Mirror complete: 0 copied, " + TOTAL + " skipped, 0 failed");

        // Helm pulls random versions back: same bytes, and the signed ones verify against the key
        Random random = new Random(42);
        for (int i = 0; i < 8; i++) {
            // the first two are signed archives (every fifth in generation order)
            int n = i < 2 ? 5 * random.nextInt(TOTAL / 5) : random.nextInt(TOTAL);
            int c = n / VERSIONS;
            int v = n % VERSIONS;
            String name = "chart-%03d".formatted(c);
            String version = "%d.%d.0%s".formatted(v / 2, v % 2, v == 3 ? "-rc.1" : "");
            Path out = Files.createDirectories(wd.resolve("pull-" + i));
            boolean signed = Files.exists(repo.resolve(name + "-" + version + ".tgz.prov"));
            List<String> args = new ArrayList<>(List.of("pull", dest + "/" + name, "--version", version, "--plain-http"));
            if (signed) {
                args.addAll(List.of("--verify", "--keyring", root.resolve("pubring.gpg").toString()));
            }
            ProcessResult pulled = ok(helm.run(out, args.toArray(String[]::new)));
            if (signed) {
                assertThat(pulled.out()).contains("Signed by: mirror");
            }
            assertThat(Files.readAllBytes(out.resolve(name + "-" + version + ".tgz")))
                    .as("%s %s", name, version).isEqualTo(Files.readAllBytes(repo.resolve(name + "-" + version + ".tgz")));
        }
    }
}

package dev.charter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --post-renderer} against real Helm v4 with real subprocess plugins: HELM_PLUGINS points
 * at a copy of {@code src/test/resources/postrender/plugins} (small shell/sed plugins, see each
 * {@code plugin.yaml}), charts are {@code helm create}'s and the fixtures in
 * {@code postrender/charts}. Stdout, exit code and (for failures) stderr must be identical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostRendererDifferentialTest {

    static final Path FIXTURES = Path.of("src/test/resources/postrender");

    HelmOracle helm;
    Path work;
    Path plugins;
    Map<String, String> env;

    @BeforeAll
    void setUp() throws IOException {
        work = Files.createTempDirectory("postrender-diff-");
        plugins = work.resolve("plugins");
        copyTree(FIXTURES.resolve("plugins"), plugins);
        copyTree(FIXTURES.resolve("charts"), work);
        try (Stream<Path> s = Files.walk(plugins)) {
            s.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        helm = HelmOracle.v4().withEnv("HELM_PLUGINS", plugins.toString());
        assertThat(helm.run(work, "create", "helmcreated").exitCode()).isZero();
        env = new HashMap<>(helm.environment());
        // Helm's plugin subprocess inherits the process environment, PATH included
        for (String inherited : List.of("PATH", "LANG", "LC_ALL")) {
            if (System.getenv(inherited) != null) {
                env.put(inherited, System.getenv(inherited));
            }
        }
    }

    static List<String> cases() {
        return List.of(
                // a real sed post-renderer, args from --post-renderer-args (before and after the flag)
                "template rel helmcreated --post-renderer labeler --post-renderer-args one",
                "template rel helmcreated --post-renderer-args first --post-renderer labeler --post-renderer-args second",
                "template rel helmcreated --post-renderer labeler --post-renderer-args one -s templates/service.yaml",
                "template rel helmcreated --post-renderer labeler --post-renderer-args x --skip-tests --set ingress.enabled=true",
                "template rel helmcreated --post-renderer labeler --no-hooks",
                // command/args expansion, HELM_PLUGIN_* environment, argument passing
                "template rel helmcreated --post-renderer envdump --post-renderer-args 'a b' --post-renderer-args $HOME",
                "template rel helmcreated --post-renderer platform",
                // go-yaml v3 round trip of many YAML shapes, hooks, NOTES, partials, odd separators
                "template rel shapes --post-renderer identity",
                "template rel shapes --post-renderer identity --set c=hello",
                "template rel shapes --post-renderer identity --set c=hello --no-hooks --include-crds",
                "template rel edge-list --post-renderer identity",
                // documents added or de-annotated by the plugin
                "template rel helmcreated --post-renderer adder",
                "template rel helmcreated --post-renderer stripper",
                "template rel shapes --post-renderer stripper --set c=x",
                // failures
                "template rel helmcreated --post-renderer failing",
                "template rel helmcreated --post-renderer silent",
                "template rel helmcreated --post-renderer garbage",
                "template rel helmcreated --post-renderer missingcmd",
                "template rel helmcreated --post-renderer legacy",
                "template rel helmcreated --post-renderer clitype",
                "template rel helmcreated --post-renderer nope",
                "template --post-renderer nope",
                "template rel helmcreated --post-renderer identity --post-renderer labeler",
                "template rel helmcreated --post-renderer '' --post-renderer-args x",
                "template rel edge-scalar --post-renderer identity",
                "template rel edge-separator --post-renderer identity",
                "template rel edge-scalar --post-renderer failing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAsHelm(String line) {
        List<String> args = new ArrayList<>();
        for (String a : TemplateDifferentialTest.split(line)) {
            args.add(a.replace("$HOME", helm.home().toString()));
        }
        String[] argv = args.toArray(String[]::new);
        ProcessResult h = helm.run(work, argv);
        ProcessResult c = new CharterRunner(env).run(work, argv);
        assertThat(c.out()).as("stdout; helm stderr: " + h.err()).isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit code; helm stderr: " + h.err()).isEqualTo(h.exitCode());
        if (h.exitCode() != 0) {
            assertThat(c.err().replace("charter", "helm")).as("stderr").isEqualTo(h.err());
        }
    }

    /** The fixtures really post-render: Helm's own output carries the plugin's label and ConfigMap. */
    @Test
    void pluginsReallyRun() {
        ProcessResult h = helm.run(work, "template", "rel", "helmcreated", "--post-renderer", "labeler",
                "--post-renderer-args", "one");
        assertThat(h.out()).contains("post-rendered-by: labeler-one");
        ProcessResult e = new CharterRunner(env).run(work, "template", "rel", "helmcreated", "--post-renderer", "envdump");
        assertThat(e.out()).contains("name: \"envdump\"", "dir: \"envdump\"", "[--fixed=envdump]");
    }

    /** {@code install --dry-run=client} post-renders too (hooks included); only the deploy time may differ. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("installCases")
    void installDryRunSameAsHelm(String line) {
        String[] argv = TemplateDifferentialTest.split(line).toArray(String[]::new);
        ProcessResult h = helm.run(work, argv);
        ProcessResult c = new CharterRunner(env).run(work, argv);
        assertThat(withoutDeployTime(c.out())).as("stdout; helm stderr: " + h.err()).isEqualTo(withoutDeployTime(h.out()));
        assertThat(c.exitCode()).as("exit code; helm stderr: " + h.err()).isEqualTo(h.exitCode());
        if (h.exitCode() != 0) {
            assertThat(c.err().replace("charter", "helm")).as("stderr").isEqualTo(h.err());
        }
    }

    static List<String> installCases() {
        return List.of(
                "install rel helmcreated --dry-run=client --post-renderer labeler --post-renderer-args z",
                "install rel shapes --dry-run=client --post-renderer identity --set c=v",
                "install rel helmcreated --dry-run=client --post-renderer failing",
                "install rel helmcreated --dry-run=client --post-renderer legacy",
                "upgrade rel helmcreated --install --dry-run=client --post-renderer nope");
    }

    private static String withoutDeployTime(String out) {
        return out.replaceAll("(?m)^LAST DEPLOYED: .*$", "LAST DEPLOYED: <time>");
    }

    /** {@code --output-dir} writes the post-rendered files. */
    @Test
    void outputDirSameAsHelm() throws IOException {
        Path hd = work.resolve("out-helm");
        Path cd = work.resolve("out-charter");
        ProcessResult h = helm.run(work, "template", "rel", "helmcreated", "--post-renderer", "labeler",
                "--output-dir", hd.toString());
        ProcessResult c = new CharterRunner(env).run(work, "template", "rel", "helmcreated", "--post-renderer",
                "labeler", "--output-dir", cd.toString());
        assertThat(c.exitCode()).isEqualTo(h.exitCode()).isZero();
        assertThat(c.out().replace(cd.toString(), "DIR")).isEqualTo(h.out().replace(hd.toString(), "DIR"));
        try (Stream<Path> files = Files.walk(hd)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(cd.resolve(hd.relativize(f))).hasSameTextualContentAs(f);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

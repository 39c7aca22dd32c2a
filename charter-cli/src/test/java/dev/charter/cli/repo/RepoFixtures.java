package dev.charter.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Charts built with the real Helm, and side-by-side runs of Helm and Charter on separate homes. */
final class RepoFixtures {

    private RepoFixtures() {
    }

    /** {@code helm create NAME} in {@code work}, the version and extra Chart.yaml lines set, packaged into {@code out}. */
    static Path chart(HelmOracle helm, Path work, Path out, String name, String version, String extraChartYaml) throws IOException {
        Path dir = work.resolve(name + "-" + version + "-src").resolve(name);
        Files.createDirectories(dir.getParent());
        ok(helm.run(dir.getParent(), "create", name));
        Path chartYaml = dir.resolve("Chart.yaml");
        String text = Files.readString(chartYaml).replaceFirst("(?m)^version: .*$", "version: " + version);
        Files.writeString(chartYaml, text + extraChartYaml);
        Files.createDirectories(out);
        ok(helm.run(dir.getParent(), "package", name, "-d", out.toString()));
        return out.resolve(name + "-" + version + ".tgz");
    }

    static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as("exit code; stderr: %s; stdout: %s", r.err(), r.out()).isZero();
        return r;
    }

    /** The same invocation for Helm and Charter, each with its own fresh home. */
    static final class Pair {
        final HelmOracle helm = HelmOracle.v4();
        final HelmOracle charterHome = HelmOracle.v4();
        final CharterRunner charter = new CharterRunner(charterHome.environment());

        ProcessResult[] run(Path wd, String... args) {
            ProcessResult h = helm.run(wd, args);
            ProcessResult c = charter.run(wd, args);
            return new ProcessResult[] {homeless(asCharter(h), helm.home()), homeless(c, charterHome.home())};
        }

        /** Runs both and asserts identical exit code, stdout and stderr; returns Charter's result. */
        ProcessResult same(Path wd, String... args) {
            ProcessResult[] r = run(wd, args);
            assertThat(r[1].exitCode()).as("exit code of %s; charter stderr: %s; helm stderr: %s", Arrays.toString(args), r[1].err(), r[0].err())
                    .isEqualTo(r[0].exitCode());
            assertThat(r[1].out()).as("stdout of %s", Arrays.toString(args)).isEqualTo(r[0].out());
            assertThat(r[1].err()).as("stderr of %s", Arrays.toString(args)).isEqualTo(r[0].err());
            return r[1];
        }

        /** Like {@link #same} but stdout lines compared as sets (Helm prints parallel updates in random order). */
        ProcessResult sameUnordered(Path wd, String... args) {
            ProcessResult[] r = run(wd, args);
            assertThat(r[1].exitCode()).as("exit code of %s: %s", Arrays.toString(args), r[1].err()).isEqualTo(r[0].exitCode());
            assertThat(lines(r[1].out())).as("stdout of %s", Arrays.toString(args)).isEqualTo(lines(r[0].out()));
            assertThat(r[1].err()).as("stderr of %s", Arrays.toString(args)).isEqualTo(r[0].err());
            return r[1];
        }

        Path helmConfig(String file) {
            return Path.of(helm.environment().get("HELM_CONFIG_HOME")).resolve(file);
        }

        Path charterConfig(String file) {
            return Path.of(charterHome.environment().get("HELM_CONFIG_HOME")).resolve(file);
        }

        Path helmCache(String file) {
            return Path.of(helm.environment().get("HELM_CACHE_HOME")).resolve("repository").resolve(file);
        }

        Path charterCache(String file) {
            return Path.of(charterHome.environment().get("HELM_CACHE_HOME")).resolve("repository").resolve(file);
        }
    }

    /** Helm's output with the command named {@code charter}, as Charter names itself. */
    static ProcessResult asCharter(ProcessResult r) {
        return new ProcessResult(r.exitCode(), rename(r.out()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                rename(r.err()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The oracle's temporary home replaced by {@code <HOME>} so paths in messages compare. */
    static ProcessResult homeless(ProcessResult r, Path home) {
        return new ProcessResult(r.exitCode(), r.out().replace(home.toString(), "<HOME>").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                r.err().replace(home.toString(), "<HOME>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String rename(String s) {
        return s.replace("\"helm ", "\"charter ").replace("Usage:  helm ", "Usage:  charter ");
    }

    static Set<String> lines(String s) {
        return new HashSet<>(Arrays.asList(s.split("\n", -1)));
    }

    /** Replaces every RFC 3339 timestamp so generated/created fields compare structurally. */
    static String withoutTimes(String s) {
        return s.replaceAll("\"?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)\"?", "<time>");
    }
}

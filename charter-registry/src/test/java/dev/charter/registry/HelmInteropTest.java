package dev.charter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real Helm v4 and v3 binaries log in to, push to and pull from Charter with Basic and token auth. */
class HelmInteropTest {

    @TempDir
    static Path work;
    static RegistryServer basic;
    static RegistryServer token;

    @BeforeAll
    static void start() throws Exception {
        basic = RegistryServer.builder().root(work.resolve("basic")).port(0).user("alice", "s3cret").start();
        token = RegistryServer.builder().root(work.resolve("token")).port(0).user("alice", "s3cret")
                .authMode(RegistryServer.AuthMode.TOKEN).start();
    }

    @AfterAll
    static void stop() {
        basic.close();
        token.close();
    }

    static Stream<Arguments> helmsAndModes() {
        List<Arguments> all = new ArrayList<>();
        for (String helm : List.of("v4", "v3")) {
            for (String mode : List.of("basic", "token")) {
                all.add(Arguments.of(helm, mode));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "helm {0} with {1} auth")
    @MethodSource("helmsAndModes")
    void loginPushPullShow(String version, String mode) throws Exception {
        HelmOracle helm = version.equals("v4") ? HelmOracle.v4() : HelmOracle.v3();
        RegistryServer registry = mode.equals("basic") ? basic : token;
        Path dir = Files.createDirectories(work.resolve(version + "-" + mode));
        String chart = "chart-" + version + "-" + mode;
        ok(helm.run(dir, "create", chart));
        ok(helm.run(dir, "package", chart));
        Path packaged = dir.resolve(chart + "-0.1.0.tgz");
        assertThat(packaged).exists();

        ProcessResult anonymousPush = helm.run(dir, "push", packaged.toString(), "oci://" + registry.host() + "/charts", "--plain-http");
        assertThat(anonymousPush.exitCode()).as(anonymousPush.toString()).isNotZero();

        ProcessResult badLogin = helm.run(dir, Map.of(), "wrong".getBytes(StandardCharsets.UTF_8),
                loginArgs(version, registry, "alice"));
        assertThat(badLogin.exitCode()).as(badLogin.toString()).isNotZero();
        ok(helm.run(dir, Map.of(), "s3cret".getBytes(StandardCharsets.UTF_8), loginArgs(version, registry, "alice")));

        ProcessResult push = ok(helm.run(dir, "push", packaged.toString(), "oci://" + registry.host() + "/charts", "--plain-http"));
        assertThat(push.err()).contains("Pushed: " + registry.host() + "/charts/" + chart + ":0.1.0");

        Path pulled = Files.createDirectories(dir.resolve("pulled"));
        ok(helm.run(pulled, "pull", "oci://" + registry.host() + "/charts/" + chart, "--version", "0.1.0", "--plain-http"));
        assertThat(pulled.resolve(chart + "-0.1.0.tgz")).hasSameBinaryContentAs(packaged);

        ProcessResult show = ok(helm.run(dir, "show", "chart", "oci://" + registry.host() + "/charts/" + chart, "--version", "0.1.0", "--plain-http"));
        assertThat(show.out()).contains("name: " + chart);
        // the same bytes pushed twice are fine (Helm re-tags)
        ok(helm.run(dir, "push", packaged.toString(), "oci://" + registry.host() + "/charts", "--plain-http"));
    }

    private static String[] loginArgs(String version, RegistryServer registry, String user) {
        List<String> args = new ArrayList<>(List.of("registry", "login", registry.host(), "-u", user, "--password-stdin"));
        if (version.equals("v4")) {
            args.add("--plain-http");
        }
        return args.toArray(String[]::new);
    }

    private static ProcessResult ok(ProcessResult result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}

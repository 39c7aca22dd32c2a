package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer-token auth: Distribution with {@code auth.token} trusting a token issuer run by the test. */
class TokenAuthTest {

    static TokenIssuer issuer;
    static DistributionRegistry registry;
    static Path chart;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("oci-token-");
        issuer = new TokenIssuer(dir, "admin", "secret");
        registry = DistributionRegistry.builder().extraConfig(issuer.registryConfig()).start();
        chart = OciTestSupport.packageChart(HelmOracle.v4(), dir, "mychart", "0.1.0");
    }

    @AfterAll
    static void stop() {
        registry.close();
        issuer.close();
    }

    @Test
    void loginPushAndAnonymousPullWithTokens(@TempDir Path dir) throws Exception {
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        String host = registry.host();
        byte[] secret = "secret".getBytes(StandardCharsets.UTF_8);
        ProcessResult h = ok(helm.run(dir, Map.of(), secret, "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        issuer.requests.clear();
        ProcessResult c = ok(charter.run(dir, Map.of(), secret, "registry", "login", host, "-u", "admin", "--password-stdin", "--plain-http"));
        assertThat(c.err()).isEqualTo(h.err());
        // the forced OAuth2 password grant (POST) is what verified the login
        assertThat(issuer.requests).first().asString().startsWith("POST admin");
        assertThat(Files.readString(charter.registryConfig())).isEqualTo(Files.readString(helm.home().resolve("config/registry/config.json")));

        ok(charter.run(dir, "push", chart.toString(), "oci://" + host + "/charts", "--plain-http"));
        assertThat(issuer.requests).anyMatch(r -> r.equals("GET admin [repository:charts/mychart:pull,push]"));

        // anonymous: Helm and Charter both pull with an anonymous token
        Path hp = Files.createDirectories(dir.resolve("helm"));
        Path cp = Files.createDirectories(dir.resolve("charter"));
        CharterRunner anonymous = new CharterRunner();
        HelmOracle anonymousHelm = HelmOracle.v4();
        ProcessResult hr = ok(anonymousHelm.run(hp, "pull", "oci://" + host + "/charts/mychart", "--plain-http"));
        ProcessResult cr = ok(anonymous.run(cp, "pull", "oci://" + host + "/charts/mychart", "--plain-http"));
        assertThat(cr.err()).isEqualTo(hr.err());
        assertThat(Files.readAllBytes(cp.resolve("mychart-0.1.0.tgz"))).isEqualTo(Files.readAllBytes(chart));

        // anonymous push is refused the same way
        ProcessResult hx = anonymousHelm.run(hp, "push", chart.toString(), "oci://" + host + "/other", "--plain-http");
        ProcessResult cx = anonymous.run(cp, "push", chart.toString(), "oci://" + host + "/other", "--plain-http");
        assertThat(cx.err()).isEqualTo(hx.err());
        assertThat(cx.exitCode()).isEqualTo(hx.exitCode()).isEqualTo(1);

        ProcessResult hw = helm.run(dir, "registry", "login", host, "-u", "admin", "-p", "wrong", "--plain-http");
        ProcessResult cw = charter.run(dir, "registry", "login", host, "-u", "admin", "-p", "wrong", "--plain-http");
        assertThat(cw.err()).isEqualTo(hw.err());
        assertThat(cw.exitCode()).isEqualTo(hw.exitCode());
    }
}

package dev.charter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peers themselves work: both Helm releases run, and the registry answers with and without auth. */
class PeersSmokeTest {

    @Test
    void helmV4AndV3Run(@TempDir Path dir) {
        ProcessResult v4 = HelmOracle.v4().run(dir, "version", "--short");
        assertThat(v4.exitCode()).isZero();
        assertThat(v4.out()).startsWith("v4.1.4+");
        ProcessResult v3 = HelmOracle.v3().run(dir, "version", "--short");
        assertThat(v3.out()).startsWith("v3.17.3+");
    }

    @Test
    void helmHomeIsIsolated(@TempDir Path dir) {
        HelmOracle helm = HelmOracle.v4();
        ProcessResult env = helm.run(dir, "env");
        assertThat(env.out()).contains("HELM_CONFIG_HOME=\"" + helm.home().resolve("config") + "\"");
    }

    @Test
    void registryAnswersAndEnforcesAuth() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (DistributionRegistry open = DistributionRegistry.startOpen();
             DistributionRegistry basic = DistributionRegistry.builder().htpasswd("admin", "s3cret").start()) {
            HttpResponse<String> openPing = client.send(HttpRequest.newBuilder(open.baseUri().resolve("/v2/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(openPing.statusCode()).isEqualTo(200);
            HttpResponse<String> denied = client.send(HttpRequest.newBuilder(basic.baseUri().resolve("/v2/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"charter-test\"");
            String auth = java.util.Base64.getEncoder().encodeToString("admin:s3cret".getBytes());
            HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(URI.create(basic.baseUri() + "/v2/"))
                    .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).isEqualTo(200);
        }
    }
}

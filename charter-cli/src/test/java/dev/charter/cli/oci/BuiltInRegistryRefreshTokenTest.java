package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.registry.RegistryServer;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charter's OCI client against the built-in registry in token mode with only a refresh token
 * ({@code identitytoken}) in its registry config: pushes and pulls go through the OAuth2
 * {@code refresh_token} grant, the same way Helm v4 does (see the registry's RefreshTokenTest).
 */
class BuiltInRegistryRefreshTokenTest {

    @TempDir
    static Path work;
    static RegistryServer registry;
    static final List<String> accessLog = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        registry = RegistryServer.builder().root(work.resolve("storage")).port(0).user("alice", "alice-secret")
                .authMode(RegistryServer.AuthMode.TOKEN).accessLog(accessLog::add).start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String refreshToken() throws Exception {
        String form = "grant_type=password&username=alice&password=alice-secret&service=charter-registry"
                + "&client_id=test&access_type=offline";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.baseUri() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).path("refresh_token").asText();
    }

    @Test
    void pushAndPullWithOnlyARefreshToken() throws Exception {
        Path chart = OciTestSupport.packageChart(HelmOracle.v4(), Files.createDirectories(work.resolve("src")), "refreshed", "0.1.0");
        CharterRunner charter = new CharterRunner();
        Files.createDirectories(charter.registryConfig().getParent());
        Files.writeString(charter.registryConfig(),
                "{\"auths\":{\"" + registry.host() + "\":{\"identitytoken\":\"" + refreshToken() + "\"}}}");
        Path dir = Files.createDirectories(work.resolve("charter"));

        int before = accessLog.size();
        ProcessResult push = ok(charter.run(dir, "push", chart.toString(), "oci://" + registry.host() + "/charts", "--plain-http"));
        assertThat(push.err()).contains("Pushed: " + registry.host() + "/charts/refreshed:0.1.0");
        assertThat(accessLog.subList(before, accessLog.size()))
                .anyMatch(line -> line.contains(" - alice [") && line.contains("\"POST /token ") && line.contains("\" 200 "))
                .noneMatch(line -> line.contains("\"GET /token "));

        Path pulled = Files.createDirectories(dir.resolve("pulled"));
        ok(charter.run(pulled, "pull", "oci://" + registry.host() + "/charts/refreshed", "--version", "0.1.0", "--plain-http"));
        assertThat(pulled.resolve("refreshed-0.1.0.tgz")).hasSameBinaryContentAs(chart);

        // a refresh token the registry refuses is an error, as it is for Helm, not an anonymous retry
        Files.writeString(charter.registryConfig(), "{\"auths\":{\"" + registry.host() + "\":{\"identitytoken\":\"forged.token\"}}}");
        ProcessResult refused = charter.run(dir, "push", chart.toString(), "oci://" + registry.host() + "/charts", "--plain-http");
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    }
}

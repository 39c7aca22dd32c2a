package dev.charter.registry;

import static dev.charter.registry.Http.errorCode;
import static dev.charter.registry.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.registry.auth.HtpasswdFile;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth2 refresh tokens of the built-in token server (Distribution's {@code oauth.md}):
 * {@code access_type=offline} on the password grant returns one, {@code grant_type=refresh_token}
 * exchanges it for access tokens of the same user, and the real Helm v4 pushes and pulls with
 * nothing but the refresh token in its registry config (its {@code identitytoken}).
 */
class RefreshTokenTest {

    @TempDir
    static Path work;
    static Path htpasswd;
    static RegistryServer registry;
    static Http anonymous;
    static final List<String> accessLog = new CopyOnWriteArrayList<>();
    static final List<String> errorLog = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        htpasswd = work.resolve("htpasswd");
        HtpasswdFile.putUser(htpasswd, "alice", "alice-secret".toCharArray());
        HtpasswdFile.putUser(htpasswd, "bob", "bob-secret".toCharArray());
        registry = RegistryServer.builder().root(work.resolve("storage")).port(0).htpasswd(htpasswd)
                .authMode(RegistryServer.AuthMode.TOKEN).tokenService("refresh-service")
                .accessLog(accessLog::add).errorLog(errorLog::add).start();
        anonymous = new Http(registry.baseUri());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static HttpResponse<byte[]> postToken(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return anonymous.send(anonymous.request("/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private static String refreshTokenOf(String user, String password) {
        HttpResponse<byte[]> r = postToken("grant_type", "password", "username", user, "password", password,
                "service", "refresh-service", "client_id", "test", "access_type", "offline");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        String refresh = json(r).path("refresh_token").asText();
        assertThat(refresh).isNotEmpty();
        return refresh;
    }

    @Test
    void offlinePasswordGrantReturnsARefreshTokenThatGrantsAccessTokens() {
        HttpResponse<byte[]> online = postToken("grant_type", "password", "username", "alice", "password", "alice-secret",
                "service", "refresh-service", "client_id", "test", "scope", "repository:r/app:pull,push");
        assertThat(online.statusCode()).isEqualTo(200);
        assertThat(json(online).has("refresh_token")).isFalse();
        assertThat(json(online).path("scope").asText()).isEqualTo("repository:r/app:pull,push");

        String refresh = refreshTokenOf("alice", "alice-secret");
        HttpResponse<byte[]> exchanged = postToken("grant_type", "refresh_token", "refresh_token", refresh,
                "service", "refresh-service", "client_id", "test", "scope", "repository:r/app:pull,push");
        assertThat(exchanged.statusCode()).as(Http.text(exchanged)).isEqualTo(200);
        JsonNode body = json(exchanged);
        // the spec: a refresh grant hands back the same refresh token
        assertThat(body.path("refresh_token").asText()).isEqualTo(refresh);
        assertThat(body.path("scope").asText()).isEqualTo("repository:r/app:pull,push");
        assertThat(body.path("expires_in").asLong()).isPositive();
        assertThat(exchanged.headers().firstValue("Cache-Control")).hasValue("no-store");
        Http alice = anonymous.withAuthorization("Bearer " + body.path("access_token").asText());
        alice.pushImage("r/app", "v1", "layer");
        assertThat(alice.get("/v2/r/app/manifests/v1").statusCode()).isEqualTo(200);
        // the access token is alice's: the log names her for the refresh exchange too
        assertThat(accessLog).anyMatch(line -> line.contains(" - alice [") && line.contains("\"POST /token "));
    }

    @Test
    void dockerLoginGetsARefreshTokenFromTheGetFlavour() {
        HttpResponse<byte[]> r = anonymous.withBasic("bob", "bob-secret")
                .get("/token?service=refresh-service&offline_token=true&scope=repository:bob/app:pull");
        assertThat(r.statusCode()).isEqualTo(200);
        String refresh = json(r).path("refresh_token").asText();
        assertThat(refresh).isNotEmpty();
        HttpResponse<byte[]> exchanged = postToken("grant_type", "refresh_token", "refresh_token", refresh,
                "service", "refresh-service", "client_id", "docker");
        assertThat(exchanged.statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/token?service=refresh-service").statusCode()).isEqualTo(200);
        assertThat(json(anonymous.get("/token?service=refresh-service&offline_token=true")).has("refresh_token"))
                .as("anonymous callers have no user to bind a refresh token to").isFalse();
        assertThat(anonymous.get("/token?service=refresh-service&offline_token=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void forgedExpiredForeignOrMisusedRefreshTokensAreRefused() {
        String refresh = refreshTokenOf("alice", "alice-secret");
        String accessToken = json(postToken("grant_type", "password", "username", "alice", "password", "alice-secret",
                "service", "refresh-service", "client_id", "test")).path("access_token").asText();
        int dot = refresh.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(refresh.substring(0, dot)), StandardCharsets.UTF_8);
        String asBob = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"sub\":\"alice\"", "\"sub\":\"bob\"").getBytes(StandardCharsets.UTF_8)) + refresh.substring(dot);
        String tampered = refresh.substring(0, refresh.length() - 1) + (refresh.endsWith("A") ? "B" : "A");
        for (String bad : List.of(asBob, tampered, accessToken, "kas9Da81Dfa8", refresh + "." + refresh)) {
            HttpResponse<byte[]> r = postToken("grant_type", "refresh_token", "refresh_token", bad,
                    "service", "refresh-service", "client_id", "test", "scope", "repository:r/app:pull");
            assertThat(r.statusCode()).as(bad).isEqualTo(401);
            assertThat(errorCode(r)).isEqualTo("UNAUTHORIZED");
            assertThat(Http.text(r)).doesNotContain(bad);
        }
        HttpResponse<byte[]> otherService = postToken("grant_type", "refresh_token", "refresh_token", refresh,
                "service", "another-registry", "client_id", "test");
        assertThat(otherService.statusCode()).isEqualTo(401);

        assertThat(json(postToken("grant_type", "refresh_token", "service", "refresh-service")).path("error").asText())
                .isEqualTo("invalid_request");
        HttpResponse<byte[]> noGrant = postToken("refresh_token", refresh, "service", "refresh-service");
        assertThat(noGrant.statusCode()).isEqualTo(400);
        assertThat(json(noGrant).path("error").asText()).isEqualTo("invalid_request");
        HttpResponse<byte[]> unknownGrant = postToken("grant_type", "authorization_code", "service", "refresh-service");
        assertThat(unknownGrant.statusCode()).isEqualTo(400);
        assertThat(json(unknownGrant).path("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(postToken("grant_type", "password", "username", "alice", "password", "alice-secret",
                "access_type", "forever").statusCode()).isEqualTo(400);
        assertThat(String.join("\n", accessLog) + String.join("\n", errorLog)).doesNotContain(refresh);
    }

    @Test
    void aNewPasswordRevokesTheUsersRefreshTokens() throws Exception {
        HtpasswdFile.putUser(htpasswd, "carol", "first".toCharArray());
        String refresh = refreshTokenOf("carol", "first");
        assertThat(postToken("grant_type", "refresh_token", "refresh_token", refresh).statusCode()).isEqualTo(200);
        HtpasswdFile.putUser(htpasswd, "carol", "second".toCharArray());
        assertThat(postToken("grant_type", "refresh_token", "refresh_token", refresh).statusCode()).isEqualTo(401);
        String renewed = refreshTokenOf("carol", "second");
        assertThat(postToken("grant_type", "refresh_token", "refresh_token", renewed).statusCode()).isEqualTo(200);
    }

    @Test
    void configuredSecretKeepsThemAcrossRestartsAndTheirLifetimeEndsThem() throws Exception {
        Path config = work.resolve("config.yml");
        Files.writeString(config, "http:\n  secret: a-shared-secret\nauth:\n  htpasswd:\n    path: " + htpasswd
                + "\n  charter:\n    token:\n      enabled: true\n      refreshexpiration: 1s\n");
        Path storage = work.resolve("restarted");
        String refresh;
        try (RegistryServer first = dev.charter.registry.config.RegistryConfig.load(config, java.util.Map.of())
                .applyTo(RegistryServer.builder().root(storage).port(0)).start()) {
            refresh = json(postTo(first, "grant_type=password&username=alice&password=alice-secret&access_type=offline"))
                    .path("refresh_token").asText();
        }
        try (RegistryServer second = dev.charter.registry.config.RegistryConfig.load(config, java.util.Map.of())
                .applyTo(RegistryServer.builder().root(storage).port(0)).start()) {
            assertThat(postTo(second, "grant_type=refresh_token&refresh_token=" + refresh).statusCode()).isEqualTo(200);
            Thread.sleep(2_200);
            assertThat(postTo(second, "grant_type=refresh_token&refresh_token=" + refresh).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<byte[]> postTo(RegistryServer server, String form) {
        Http http = new Http(server.baseUri());
        return http.send(http.request("/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void helmV4PushesAndPullsWithOnlyARefreshTokenInItsConfig() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        Path dir = Files.createDirectories(work.resolve("helm"));
        ProcessResult created = helm.run(dir, "create", "refreshed");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        ProcessResult packaged = helm.run(dir, "package", "refreshed");
        assertThat(packaged.exitCode()).as(packaged.toString()).isZero();
        Path chart = dir.resolve("refreshed-0.1.0.tgz");

        // what `docker login` stores for a token server that returns a refresh token
        Path config = helm.home().resolve("config/registry/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"auths\":{\"" + registry.host() + "\":{\"identitytoken\":\""
                + refreshTokenOf("alice", "alice-secret") + "\"}}}");
        int before = accessLog.size();
        ProcessResult push = helm.run(dir, "push", chart.toString(), "oci://" + registry.host() + "/charts", "--plain-http");
        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(push.err()).contains("Pushed: " + registry.host() + "/charts/refreshed:0.1.0");
        // oras-go turns identitytoken into the refresh grant (a POST; the GET flavour cannot carry it)
        assertThat(accessLog.subList(before, accessLog.size()))
                .anyMatch(line -> line.contains(" - alice [") && line.contains("\"POST /token ") && line.contains("\" 200 "))
                .noneMatch(line -> line.contains("\"GET /token "));

        Path pulled = Files.createDirectories(dir.resolve("pulled"));
        ProcessResult pull = helm.run(pulled, "pull", "oci://" + registry.host() + "/charts/refreshed", "--version", "0.1.0", "--plain-http");
        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        assertThat(pulled.resolve("refreshed-0.1.0.tgz")).hasSameBinaryContentAs(chart);

        // a revoked refresh token ends the session: Helm fails instead of pushing anonymously
        Files.writeString(config, "{\"auths\":{\"" + registry.host() + "\":{\"identitytoken\":\"forged.token\"}}}");
        ProcessResult refused = helm.run(dir, "push", chart.toString(), "oci://" + registry.host() + "/charts", "--plain-http");
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    }

    @Test
    void helmV4LoginStillUsesThePasswordGrant() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        Path dir = Files.createDirectories(work.resolve("helm-login"));
        int before = accessLog.size();
        ProcessResult login = helm.run(dir, java.util.Map.of(), "alice-secret".getBytes(StandardCharsets.UTF_8),
                "registry", "login", registry.host(), "-u", "alice", "--password-stdin", "--plain-http");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(accessLog.subList(before, accessLog.size()))
                .anyMatch(line -> line.contains(" - alice [") && line.contains("\"POST /token ") && line.contains("\" 200 "));
    }
}

package dev.charter.registry;

import static dev.charter.registry.Http.errorCode;
import static dev.charter.registry.Http.header;
import static dev.charter.registry.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in token server and Bearer checks. */
class TokenAuthTest {

    @TempDir
    static Path root;
    static RegistryServer registry;
    static Http anonymous;

    @BeforeAll
    static void start() {
        registry = RegistryServer.builder().root(root).port(0).user("alice", "alice-secret")
                .authMode(RegistryServer.AuthMode.TOKEN).anonymousPull(true).tokenService("test-service").start();
        anonymous = new Http(registry.baseUri());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String token(Http client, String... scopes) {
        StringBuilder query = new StringBuilder("/token?service=test-service");
        for (String scope : scopes) {
            query.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> r = client.get(query.toString());
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(json(r).path("access_token").asText()).isEqualTo(json(r).path("token").asText());
        return json(r).path("token").asText();
    }

    @Test
    void challengeNamesRealmServiceAndScope() {
        HttpResponse<byte[]> base = anonymous.get("/v2/");
        assertThat(base.statusCode()).isEqualTo(401);
        assertThat(header(base, "WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"" + registry.baseUri() + "/token\",service=\"test-service\"");
        HttpResponse<byte[]> push = anonymous.post("/v2/a/b/blobs/uploads/", new byte[0]);
        assertThat(header(push, "WWW-Authenticate")).endsWith(",scope=\"repository:a/b:pull,push\"");
    }

    @Test
    void passwordTokenAllowsPushAndAnonymousTokenOnlyPull() {
        Http alice = anonymous.withBasic("alice", "alice-secret");
        Http pusher = anonymous.withAuthorization("Bearer " + token(alice, "repository:tok/app:pull,push"));
        pusher.pushImage("tok/app", "1", "layer");

        String anonymousToken = token(anonymous, "repository:tok/app:pull,push");
        Http reader = anonymous.withAuthorization("Bearer " + anonymousToken);
        assertThat(reader.get("/v2/tok/app/manifests/1").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> denied = reader.post("/v2/tok/app/blobs/uploads/", new byte[0]);
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(header(denied, "WWW-Authenticate")).contains("error=\"insufficient_scope\"");
        // a token is for the scopes it names only
        assertThat(pusher.get("/v2/other/app/tags/list").statusCode()).isEqualTo(401);
    }

    @Test
    void oauthPasswordGrant() {
        String form = "client_id=oras-go&grant_type=password&password=alice-secret&service=test-service&username=alice"
                + "&scope=" + URLEncoder.encode("repository:form/app:pull,push", StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = anonymous.send(anonymous.request("/token")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(r.statusCode()).isEqualTo(200);
        Http client = anonymous.withAuthorization("Bearer " + json(r).path("access_token").asText());
        assertThat(client.post("/v2/form/app/blobs/uploads/", new byte[0]).statusCode()).isEqualTo(202);

        HttpResponse<byte[]> wrong = anonymous.send(anonymous.request("/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.replace("alice-secret", "nope"))));
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsAndForgedTokensAreRefusedEverywhere() {
        assertThat(anonymous.withBasic("alice", "wrong").get("/token?service=test-service&scope=repository:x:pull").statusCode()).isEqualTo(401);
        String real = token(anonymous.withBasic("alice", "alice-secret"), "repository:charts/app:pull,push,delete", "registry:catalog:*");
        String[] parts = real.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        String forgedPayload = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"alice\",\"aud\":\"test-service\",\"exp\":99999999999,\"nbf\":0,\"access\":[{\"type\":\"repository\",\"name\":\"charts/app\",\"actions\":[\"push\"]}]}"
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String digest = Http.digest("x".getBytes(StandardCharsets.UTF_8));
        for (String token : List.of(tampered, forgedPayload, "not-a-jwt", "a.b.c")) {
            Http client = anonymous.withAuthorization("Bearer " + token);
            for (HttpRequest.Builder request : BasicAuthTest.everyEndpoint(client, digest)) {
                HttpResponse<byte[]> r = client.send(request);
                assertThat(r.statusCode()).as(request.build().method() + " " + request.build().uri()).isEqualTo(401);
                if (!request.build().method().equals("HEAD")) {
                    assertThat(errorCode(r)).isEqualTo("UNAUTHORIZED");
                }
            }
        }
        assertThat(anonymous.withAuthorization("Bearer " + real).get("/v2/_catalog").statusCode()).isEqualTo(200);
    }
}

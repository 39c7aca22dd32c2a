package dev.charter.registry;

import static dev.charter.registry.Http.errorCode;
import static dev.charter.registry.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.registry.auth.AccessPolicy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd Basic auth: no endpoint answers without valid credentials, and rules restrict users. */
class BasicAuthTest {

    @TempDir
    static Path root;
    @TempDir
    static Path anonymousRoot;
    static RegistryServer registry;
    static RegistryServer anonymousPull;
    static List<String> accessLog = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        registry = RegistryServer.builder().root(root).port(0).deleteEnabled(true)
                .user("alice", "alice-secret").user("bob", "bob-secret").realm("Test Realm")
                .accessRules(List.of(
                        new AccessPolicy.Rule("bob", "charts/*", Set.of("pull")),
                        new AccessPolicy.Rule("*", "**", Set.of("pull", "push", "delete"))))
                .accessLog(accessLog::add)
                .start();
        anonymousPull = RegistryServer.builder().root(anonymousRoot).port(0).user("alice", "alice-secret").anonymousPull(true).start();
    }

    @AfterAll
    static void stop() {
        registry.close();
        anonymousPull.close();
    }

    /** One request of every kind the API has. */
    static List<HttpRequest.Builder> everyEndpoint(Http http, String digest) {
        List<HttpRequest.Builder> requests = new ArrayList<>();
        HttpRequest.BodyPublisher empty = HttpRequest.BodyPublishers.noBody();
        requests.add(http.request("/v2/").GET());
        requests.add(http.request("/v2/_catalog").GET());
        requests.add(http.request("/v2/charts/app/tags/list").GET());
        requests.add(http.request("/v2/charts/app/manifests/1.0").GET());
        requests.add(http.request("/v2/charts/app/manifests/1.0").method("HEAD", empty));
        requests.add(http.request("/v2/charts/app/manifests/1.0").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        requests.add(http.request("/v2/charts/app/manifests/" + digest).DELETE());
        requests.add(http.request("/v2/charts/app/blobs/" + digest).GET());
        requests.add(http.request("/v2/charts/app/blobs/" + digest).method("HEAD", empty));
        requests.add(http.request("/v2/charts/app/blobs/" + digest).DELETE());
        requests.add(http.request("/v2/charts/app/blobs/uploads/").POST(empty));
        requests.add(http.request("/v2/charts/app/blobs/uploads/?digest=" + digest).POST(HttpRequest.BodyPublishers.ofString("x")));
        requests.add(http.request("/v2/charts/app/blobs/uploads/?mount=" + digest + "&from=other/repo").POST(empty));
        String uuid = "/v2/charts/app/blobs/uploads/0b6a3a5e-8a4c-4a8e-9a57-0f1e2d3c4b5a";
        requests.add(http.request(uuid).method("PATCH", HttpRequest.BodyPublishers.ofString("x")));
        requests.add(http.request(uuid + "?digest=" + digest).PUT(HttpRequest.BodyPublishers.ofString("x")));
        requests.add(http.request(uuid).GET());
        requests.add(http.request(uuid).DELETE());
        requests.add(http.request("/v2/charts/app/referrers/" + digest).GET());
        requests.add(http.request("/v2/Bad/Name/tags/list").GET());
        return requests;
    }

    @Test
    void everyEndpointRefusesMissingMalformedAndWrongCredentials() {
        String digest = Http.digest("x".getBytes(StandardCharsets.UTF_8));
        Http base = new Http(registry.baseUri());
        for (Http client : List.of(base, base.withBasic("alice", "wrong"), base.withBasic("mallory", "alice-secret"),
                base.withAuthorization("Basic !!!notbase64"), base.withAuthorization("Bearer forged"), base.withBasic("alice", ""))) {
            for (HttpRequest.Builder request : everyEndpoint(client, digest)) {
                HttpResponse<byte[]> r = client.send(request);
                HttpRequest sent = request.build();
                assertThat(r.statusCode()).as(sent.method() + " " + sent.uri()).isEqualTo(401);
                assertThat(header(r, "WWW-Authenticate")).isEqualTo("Basic realm=\"Test Realm\"");
                if (!sent.method().equals("HEAD")) {
                    assertThat(errorCode(r)).isEqualTo("UNAUTHORIZED");
                }
            }
        }
        assertThat(String.join("\n", accessLog)).doesNotContain("alice-secret").doesNotContain("wrong");
    }

    @Test
    void validCredentialsWorkAndRulesRestrict() {
        Http alice = new Http(registry.baseUri()).withBasic("alice", "alice-secret");
        Http bob = new Http(registry.baseUri()).withBasic("bob", "bob-secret");
        alice.pushImage("charts/app", "1.0", "chart");
        assertThat(alice.get("/v2/").statusCode()).isEqualTo(200);
        assertThat(bob.get("/v2/charts/app/manifests/1.0").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> push = bob.post("/v2/charts/app/blobs/uploads/", new byte[0]);
        assertThat(push.statusCode()).isEqualTo(403);
        assertThat(errorCode(push)).isEqualTo("DENIED");
        // the first matching rule decides: bob's charts/* rule, not the catch-all
        assertThat(bob.delete("/v2/charts/app/manifests/1.0").statusCode()).isEqualTo(403);
        assertThat(bob.post("/v2/other/app/blobs/uploads/", new byte[0]).statusCode()).isEqualTo(202);
        // the catalog needs pull on every repository, which bob has through the catch-all rule
        assertThat(bob.get("/v2/_catalog").statusCode()).isEqualTo(200);
        assertThat(accessLog).anyMatch(line -> line.contains(" - alice [") && line.contains("GET /v2/ HTTP/1.1\" 200"));
    }

    @Test
    void anonymousPullIsReadOnlyAndWrongCredentialsAreNotDowngraded() {
        Http alice = new Http(anonymousPull.baseUri()).withBasic("alice", "alice-secret");
        alice.pushImage("public/app", "1", "public");
        Http anonymous = new Http(anonymousPull.baseUri());
        assertThat(anonymous.get("/v2/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/v2/public/app/manifests/1").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/v2/public/app/tags/list").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> push = anonymous.post("/v2/public/app/blobs/uploads/", new byte[0]);
        assertThat(push.statusCode()).isEqualTo(401);
        assertThat(anonymous.send(anonymous.request("/v2/public/app/manifests/1").DELETE()).statusCode()).isEqualTo(401);
        assertThat(anonymous.withBasic("alice", "nope").get("/v2/public/app/manifests/1").statusCode()).isEqualTo(401);
    }
}

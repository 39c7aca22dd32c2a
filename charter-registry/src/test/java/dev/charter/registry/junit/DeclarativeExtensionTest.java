package dev.charter.registry.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.registry.RegistryServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CharterRegistryExtension.class)
class DeclarativeExtensionTest {

    @Test
    void openRegistryIsInjected(RegistryServer registry) throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(registry.baseUri().resolve("/v2/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(registry.host()).startsWith("127.0.0.1:");
    }
}

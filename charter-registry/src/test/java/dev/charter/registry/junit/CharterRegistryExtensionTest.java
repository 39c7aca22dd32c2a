package dev.charter.registry.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.registry.RegistryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CharterRegistryExtensionTest {

    @RegisterExtension
    static CharterRegistryExtension secured = CharterRegistryExtension.configured(b -> b.user("ci", "pw"));

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void configuredRegistryIsRunningWithAuth() throws Exception {
        assertThat(secured.server().port()).isPositive();
        assertThat(status(secured.server().baseUri().resolve("/v2/"))).isEqualTo(401);
    }

    @Test
    void sameServerForTheWholeClass(RegistryServer injected) {
        assertThat(injected).isSameAs(secured.server());
    }

}

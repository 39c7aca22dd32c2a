package dev.charter.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charter.registry.RegistryServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {

    @TempDir
    Path dir;

    @Test
    void distributionConfigWithEnvironmentOverrides() throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: /nonexistent/overridden
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:5999
                  secret: some-secret
                auth:
                  charter:
                    anonymouspull: true
                """);
        RegistryConfig loaded = RegistryConfig.load(config, Map.of(
                "REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", dir.resolve("data").toString(),
                "REGISTRY_HTTP_ADDR", "127.0.0.1:0",
                "OTHER", "ignored"));
        assertThat(loaded.accessLogDisabled()).isTrue();
        assertThat(loaded.bool("storage", "delete", "enabled")).contains(true);
        try (RegistryServer server = loaded.applyTo(RegistryServer.builder()).start()) {
            assertThat(server.root()).isEqualTo(dir.resolve("data"));
            assertThat(server.port()).isNotEqualTo(5999);
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri().resolve("/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void unsupportedSettingsAreErrors() throws Exception {
        Path config = dir.resolve("s3.yml");
        Files.writeString(config, "storage:\n  s3:\n    bucket: x\n");
        assertThatThrownBy(() -> RegistryConfig.load(config, Map.of()).applyTo(RegistryServer.builder()))
                .hasMessage("storage driver s3 is not supported by Charter (filesystem only)");
        assertThatThrownBy(() -> RegistryConfig.load(null, Map.of("REGISTRY_AUTH_TOKEN_REALM", "https://x")).applyTo(RegistryServer.builder()))
                .hasMessageContaining("auth.token");
        assertThatThrownBy(() -> RegistryConfig.load(null, Map.of("REGISTRY_STORAGE_DELETE_ENABLED", "maybe")).applyTo(RegistryServer.builder()))
                .hasMessage("storage.delete.enabled must be true or false, got maybe");
    }
}

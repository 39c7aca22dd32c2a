package dev.charter.oci.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charter.oci.auth.Credential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {

    @Test
    void writesLikeOrasAndReadsLegacyKeys(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/config.json");
        DockerConfigFile config = DockerConfigFile.load(file);
        config.putCredential("h:5000", Credential.basic("admin", "secret"));
        config.putCredential("empty", Credential.EMPTY);
        config.putCredential("tok", new Credential("", "", "refresh", "access"));
        assertThat(Files.readString(file)).isEqualTo("{\n\t\"auths\": {\n\t\t\"empty\": {},\n\t\t\"h:5000\": {\n\t\t\t\"auth\": \"YWRtaW46c2VjcmV0\"\n\t\t},"
                + "\n\t\t\"tok\": {\n\t\t\t\"identitytoken\": \"refresh\",\n\t\t\t\"registrytoken\": \"access\"\n\t\t}\n\t}\n}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(DockerConfigFile.load(file).credential("tok")).isEqualTo(new Credential("", "", "refresh", "access"));

        Files.writeString(file, "{\"auths\":{\"https://legacy:1/v1/\":{\"username\":\"u\",\"password\":\"p\"}}}");
        assertThat(DockerConfigFile.load(file).credential("legacy:1")).isEqualTo(Credential.basic("u", "p"));
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
        }
    }

    @Test
    void brokenFilesFailWithOrasTexts(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("e.json"), "");
        assertThatThrownBy(() -> DockerConfigFile.load(empty))
                .hasMessage("failed to decode config file at " + empty + ": invalid config format: EOF");
        Path badAuth = Files.writeString(dir.resolve("b.json"), "{\"auths\":{\"h\":{\"auth\":\"!!\"}}}");
        assertThatThrownBy(() -> DockerConfigFile.load(badAuth).credential("h"))
                .hasMessage("failed to decode auth field: invalid config format: illegal base64 data at input byte 0");
    }

    @Test
    void deleteOfAnAbsentEntryWritesNothing(@TempDir Path dir) {
        Path file = dir.resolve("config.json");
        assertThat(DockerConfigFile.load(file).deleteCredential("h")).isFalse();
        assertThat(file).doesNotExist();
        assertThat(ServerAddress.fromRegistry("docker.io")).isEqualTo("https://index.docker.io/v1/");
        assertThat(HelmCredentials.open(file, Map.of("DOCKER_CONFIG", dir.resolve("none").toString())).get("h")).isEqualTo(Credential.EMPTY);
    }
}

package dev.charter.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.ProcessResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code charter registry htpasswd} writes entries that Debian's Distribution accepts. */
class RegistryHtpasswdCommandTest {

    @TempDir
    Path dir;

    private final CharterRunner charter = new CharterRunner(Map.of("HOME", "/nonexistent"));

    @Test
    void entriesWorkWithDistributionAndReplaceInPlace() throws Exception {
        Path file = dir.resolve("auth/htpasswd");
        ProcessResult added = charter.run(dir, Map.of(), "first\n".getBytes(StandardCharsets.UTF_8),
                "registry", "htpasswd", "auth/htpasswd", "alice", "--password-stdin");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.err()).isEqualTo("Added user alice in " + file + "\n");
        charter.run(dir, Map.of(), "bobpw".getBytes(StandardCharsets.UTF_8), "registry", "htpasswd", "auth/htpasswd", "bob", "--password-stdin");
        ProcessResult replaced = charter.run(dir, Map.of(), "second".getBytes(StandardCharsets.UTF_8),
                "registry", "htpasswd", "auth/htpasswd", "alice", "--password-stdin");
        assertThat(replaced.err()).startsWith("Updated user alice");
        assertThat(Files.readAllLines(file)).hasSize(2).allMatch(l -> l.matches("(alice|bob):\\$2y\\$10\\$.{53}"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        try (DistributionRegistry registry = DistributionRegistry.builder().htpasswdFile(file).start()) {
            assertThat(ping(registry, "alice", "second")).isEqualTo(200);
            assertThat(ping(registry, "bob", "bobpw")).isEqualTo(200);
            assertThat(ping(registry, "alice", "first")).isEqualTo(401);
        }
    }

    @Test
    void badInputIsAOneLineError() {
        ProcessResult noPassword = charter.run(dir, "registry", "htpasswd", "f", "u");
        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(noPassword.err()).isEqualTo("Error: password required: use --password-stdin or -p\n");
        ProcessResult badUser = charter.run(dir, "registry", "htpasswd", "f", "a:b", "-p", "x");
        assertThat(badUser.err()).isEqualTo("Error: invalid user name \"a:b\"\n");
        assertThat(Files.exists(dir.resolve("f"))).isFalse();
        ProcessResult args = charter.run(dir, "registry", "htpasswd", "f");
        assertThat(args.err()).startsWith("Error: \"charter registry htpasswd\" requires 2 arguments");
    }

    private static int ping(DistributionRegistry registry, String user, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(registry.baseUri().resolve("/v2/"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

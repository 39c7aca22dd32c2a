package dev.charter.oci.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.oci.OciException;
import dev.charter.oci.auth.Credential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper ({@code docker-credential-<name>}) spoken to with its stdin/stdout
 * protocol: {@code get} (server URL in, JSON out), {@code store} (JSON in), {@code erase} (URL in).
 * A user name of {@code <token>} marks an identity (refresh) token, as in Docker and ORAS.
 */
public final class NativeStore implements CredentialStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_USERNAME = "<token>";
    private static final String NOT_FOUND = "credentials not found in native keychain";

    private final String helper;
    private final java.util.Map<String, String> env;

    /**
     * @param env the environment the helper runs in — the CLI's, not necessarily the JVM's — and
     *            whose PATH finds it ({@code pass} needs GNUPGHOME, PASSWORD_STORE_DIR, HOME …)
     */
    public NativeStore(String helperSuffix, java.util.Map<String, String> env) {
        this.helper = "docker-credential-" + helperSuffix;
        this.env = env;
    }

    @Override
    public Credential get(String serverAddress) {
        Result result = run("get", serverAddress);
        if (result.exit != 0) {
            if (result.output.contains(NOT_FOUND)) {
                return Credential.EMPTY;
            }
            throw new OciException(helper + " get: " + result.output.strip());
        }
        try {
            JsonNode json = JSON.readTree(result.output);
            String username = json.path("Username").asText("");
            String secret = json.path("Secret").asText("");
            if (username.equals(TOKEN_USERNAME)) {
                return new Credential("", "", secret, "");
            }
            return Credential.basic(username, secret);
        } catch (IOException e) {
            throw new OciException(helper + " get: invalid output: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String serverAddress, Credential credential) {
        ObjectNode json = JSON.createObjectNode();
        json.put("ServerURL", serverAddress);
        if (!credential.refreshToken().isEmpty()) {
            json.put("Username", TOKEN_USERNAME);
            json.put("Secret", credential.refreshToken());
        } else {
            json.put("Username", credential.username());
            json.put("Secret", credential.password());
        }
        Result result = run("store", json.toString());
        if (result.exit != 0) {
            throw new OciException(helper + " store: " + result.output.strip());
        }
    }

    @Override
    public void delete(String serverAddress) {
        Result result = run("erase", serverAddress);
        if (result.exit != 0 && !result.output.contains(NOT_FOUND)) {
            throw new OciException(helper + " erase: " + result.output.strip());
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(String action, String input) {
        try {
            String executable = ConfigFileStore.lookPath(env, helper).map(Path::toString).orElseThrow(() -> new IOException(helper));
            ProcessBuilder builder = new ProcessBuilder(executable, action).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new OciException(helper + " " + action + ": timed out");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OciException("exec: " + dev.charter.oci.reference.GoStrings.quote(helper)
                    + ": executable file not found in $PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OciException("interrupted");
        }
    }
}

package dev.charter.oci.credentials;

import dev.charter.oci.auth.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * ORAS' {@code DynamicStore} over one config file: per-host {@code credHelpers} first, then the
 * file's {@code credsStore}, else the file itself. With default-helper detection on (as Helm does),
 * a file without any auth uses the platform helper when it is installed and records it on the first
 * successful store.
 */
public final class ConfigFileStore implements CredentialStore {

    private final DockerConfigFile file;
    private final String detectedHelper;
    private final boolean readOnly;
    private final Map<String, String> env;

    private ConfigFileStore(DockerConfigFile file, String detectedHelper, boolean readOnly, Map<String, String> env) {
        this.file = file;
        this.detectedHelper = detectedHelper;
        this.readOnly = readOnly;
        this.env = env;
    }

    /** A writable store over {@code path}; {@code env} supplies PATH for helper detection. */
    public static ConfigFileStore open(Path path, Map<String, String> env, boolean detectDefaultHelper) {
        DockerConfigFile file = DockerConfigFile.load(path);
        String detected = detectDefaultHelper && !file.isAuthConfigured() ? defaultHelper(env) : "";
        return new ConfigFileStore(file, detected, false, env);
    }

    /** Docker's own {@code config.json} ({@code $DOCKER_CONFIG} or {@code ~/.docker}), used read-only. */
    public static ConfigFileStore docker(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        Path path = dir != null && !dir.isEmpty()
                ? Path.of(dir, "config.json")
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker", "config.json");
        return new ConfigFileStore(DockerConfigFile.load(path), "", true, env);
    }

    public DockerConfigFile file() {
        return file;
    }

    /** ORAS' {@code getDefaultHelperSuffix} on Linux: {@code pass} when installed, else {@code secretservice}. */
    private static String defaultHelper(Map<String, String> env) {
        String suffix = onPath(env, "pass") ? "pass" : "secretservice";
        return onPath(env, "docker-credential-" + suffix) ? suffix : "";
    }

    private static boolean onPath(Map<String, String> env, String name) {
        return lookPath(env, name).isPresent();
    }

    /** Go's {@code exec.LookPath} over the environment's PATH (not the JVM's). */
    static java.util.Optional<Path> lookPath(Map<String, String> env, String name) {
        String path = env.getOrDefault("PATH", System.getenv("PATH"));
        if (path == null) {
            return java.util.Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return java.util.Optional.of(Path.of(dir, name));
            }
        }
        return java.util.Optional.empty();
    }

    private CredentialStore storeFor(String serverAddress) {
        String helper = file.credentialHelper(serverAddress);
        if (!helper.isEmpty()) {
            return new NativeStore(helper, env);
        }
        String store = !file.credentialsStore().isEmpty() ? file.credentialsStore() : detectedHelper;
        if (!store.isEmpty()) {
            return new NativeStore(store, env);
        }
        return null;
    }

    @Override
    public Credential get(String serverAddress) {
        CredentialStore helper = storeFor(serverAddress);
        return helper != null ? helper.get(serverAddress) : file.credential(serverAddress);
    }

    @Override
    public void put(String serverAddress, Credential credential) {
        if (readOnly) {
            throw new UnsupportedOperationException("the Docker config is only read");
        }
        CredentialStore helper = storeFor(serverAddress);
        if (helper == null) {
            file.putCredential(serverAddress, credential);
            return;
        }
        helper.put(serverAddress, credential);
        if (file.credentialsStore().isEmpty() && file.credentialHelper(serverAddress).isEmpty() && !detectedHelper.isEmpty()) {
            file.putCredentialsStore(detectedHelper);
        }
    }

    @Override
    public void delete(String serverAddress) {
        if (readOnly) {
            throw new UnsupportedOperationException("the Docker config is only read");
        }
        CredentialStore helper = storeFor(serverAddress);
        if (helper == null) {
            file.deleteCredential(serverAddress);
        } else {
            helper.delete(serverAddress);
        }
    }
}

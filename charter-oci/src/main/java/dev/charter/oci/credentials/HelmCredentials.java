package dev.charter.oci.credentials;

import dev.charter.oci.auth.Credential;
import dev.charter.oci.auth.CredentialProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Helm v4's credential setup: its own registry config (written by login/logout) with Docker's
 * {@code config.json} as a read-only fallback. A Docker config that cannot be read is ignored,
 * while a broken Helm file is an error, as in Helm.
 */
public final class HelmCredentials implements CredentialStore {

    private final ConfigFileStore primary;
    private final ConfigFileStore docker;

    private HelmCredentials(ConfigFileStore primary, ConfigFileStore docker) {
        this.primary = primary;
        this.docker = docker;
    }

    /**
     * @param registryConfig Helm's file ({@code EnvSettings.registryConfig()})
     * @param env            the environment (DOCKER_CONFIG, HOME, PATH)
     * @throws ConfigFormatException when the Helm file is empty or not valid JSON
     */
    public static HelmCredentials open(Path registryConfig, Map<String, String> env) {
        ConfigFileStore primary = ConfigFileStore.open(registryConfig, env, true);
        ConfigFileStore docker;
        try {
            docker = ConfigFileStore.docker(env);
        } catch (RuntimeException e) {
            docker = null;
        }
        return new HelmCredentials(primary, docker);
    }

    @Override
    public Credential get(String serverAddress) {
        Credential credential = primary.get(serverAddress);
        if (credential.isEmpty() && docker != null) {
            credential = docker.get(serverAddress);
        }
        return credential;
    }

    @Override
    public void put(String serverAddress, Credential credential) {
        primary.put(serverAddress, credential);
    }

    @Override
    public void delete(String serverAddress) {
        primary.delete(serverAddress);
    }

    /** Looks up by the host contacted on the wire (docker.io hosts map to Docker Hub's key). */
    public CredentialProvider provider() {
        return host -> get(ServerAddress.fromHostname(host));
    }
}

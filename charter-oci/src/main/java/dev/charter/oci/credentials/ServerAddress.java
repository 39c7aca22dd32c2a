package dev.charter.oci.credentials;

/** Maps registry host names to credential keys as ORAS does (Docker Hub's legacy key). */
public final class ServerAddress {

    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private ServerAddress() {
    }

    /** The key a login for {@code registry} is stored under ({@code ServerAddressFromRegistry}). */
    public static String fromRegistry(String registry) {
        return registry.equals("docker.io") ? DOCKER_HUB_KEY : registry;
    }

    /** The key for a host contacted on the wire ({@code ServerAddressFromHostname}). */
    public static String fromHostname(String hostname) {
        return hostname.equals("docker.io") || hostname.equals("registry-1.docker.io") ? DOCKER_HUB_KEY : hostname;
    }

    /** ORAS' {@code ToHostname}: strips a scheme and any path from a legacy key. */
    public static String toHostname(String key) {
        String host = key;
        if (host.startsWith("http://")) {
            host = host.substring(7);
        } else if (host.startsWith("https://")) {
            host = host.substring(8);
        }
        int slash = host.indexOf('/');
        return slash >= 0 ? host.substring(0, slash) : host;
    }
}

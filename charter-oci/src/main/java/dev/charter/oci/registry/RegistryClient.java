package dev.charter.oci.registry;

import dev.charter.oci.auth.AuthClient;
import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.transport.HttpTransport;
import dev.charter.oci.transport.TransportOptions;

/**
 * Entry point to a registry's API: one keep-alive transport and one auth/token cache shared by
 * the operation classes. Close it to release connections.
 */
public final class RegistryClient implements AutoCloseable {

    private final HttpTransport transport;
    private final Endpoint endpoint;

    public RegistryClient(TransportOptions options, CredentialProvider credentials) {
        this.transport = new HttpTransport(options);
        this.endpoint = new Endpoint(new AuthClient(transport, credentials));
    }

    /** The authenticating caller (e.g. to force OAuth2 grants while logging in). */
    public AuthClient auth() {
        return endpoint.client();
    }

    public Blobs blobs() {
        return new Blobs(endpoint);
    }

    public Manifests manifests() {
        return new Manifests(endpoint);
    }

    public Tags tags() {
        return new Tags(endpoint);
    }

    public Referrers referrers() {
        return new Referrers(endpoint);
    }

    public Catalog catalog() {
        return new Catalog(endpoint);
    }

    public TransportOptions options() {
        return transport.options();
    }

    @Override
    public void close() {
        transport.close();
    }
}

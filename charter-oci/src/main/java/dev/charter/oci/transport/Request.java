package dev.charter.oci.transport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One registry HTTP request. {@code scopes} are the token scopes the operation needs (ORAS' scope
 * hints, e.g. {@code repository:charts/app:pull}); the transport ignores them, the auth layer uses
 * them to pick or fetch a bearer token.
 */
public record Request(String method, URI uri, Map<String, String> headers, Body body, List<String> scopes) {

    public Request {
        headers = Map.copyOf(headers);
        scopes = List.copyOf(scopes);
    }

    public static Request of(String method, URI uri, List<String> scopes) {
        return new Request(method, uri, Map.of(), null, scopes);
    }

    public Request withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Request(method, uri, copy, body, scopes);
    }

    public Request withoutHeader(String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        return new Request(method, uri, copy, body, scopes);
    }

    public Request withBody(Body newBody) {
        return new Request(method, uri, headers, newBody, scopes);
    }

    public Request withUri(URI newUri) {
        return new Request(method, newUri, headers, body, scopes);
    }

    public boolean idempotent() {
        return method.equals("GET") || method.equals("HEAD");
    }
}

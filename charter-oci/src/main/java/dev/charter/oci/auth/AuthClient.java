package dev.charter.oci.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.oci.OciException;
import dev.charter.oci.reference.GoStrings;
import dev.charter.oci.transport.Body;
import dev.charter.oci.transport.HttpTransport;
import dev.charter.oci.transport.Request;
import dev.charter.oci.transport.Response;
import dev.charter.oci.transport.ResponseException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry caller that owns authentication, with ORAS' {@code auth.Client.Do} semantics: send
 * with the cached scheme/token for the host; on 401 read the challenge, get Basic credentials or a
 * bearer token for the request's scopes plus the challenged scope, cache it per host and scope set,
 * and send once more. Tokens are never written anywhere.
 */
public final class AuthClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "oras-go";
    private static final long MAX_TOKEN_RESPONSE = 128 * 1024;

    private final HttpTransport transport;
    private final CredentialProvider credentials;
    private volatile boolean forceOAuth2;
    private final Map<String, String> schemes = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public AuthClient(HttpTransport transport, CredentialProvider credentials) {
        this(transport, credentials, false);
    }

    /**
     * @param forceOAuth2 use the OAuth2 password grant for bearer challenges even without a refresh
     *                    token (ORAS' {@code ForceAttemptOAuth2}, which Helm sets for login)
     */
    public AuthClient(HttpTransport transport, CredentialProvider credentials, boolean forceOAuth2) {
        this.transport = transport;
        this.credentials = credentials;
        this.forceOAuth2 = forceOAuth2;
    }

    public HttpTransport transport() {
        return transport;
    }

    /** Toggles ORAS' {@code ForceAttemptOAuth2}; Helm's login pings once with it on and once off, sharing the cache. */
    public void setForceOAuth2(boolean force) {
        this.forceOAuth2 = force;
    }

    /** Sends with authentication; the caller closes the response and checks its status. */
    public Response send(Request original) {
        if (original.headers().containsKey("Authorization")) {
            return transport.send(original);
        }
        String host = authority(original.uri());
        Request request = original;
        String attemptedKey = null;
        String scheme = schemes.get(host);
        if ("basic".equals(scheme)) {
            String token = tokens.get(cacheKey(host, "basic", ""));
            if (token != null) {
                request = original.withHeader("Authorization", "Basic " + token);
            }
        } else if ("bearer".equals(scheme)) {
            attemptedKey = String.join(" ", Scopes.clean(original.scopes()));
            String token = tokens.get(cacheKey(host, "bearer", attemptedKey));
            if (token != null) {
                request = original.withHeader("Authorization", "Bearer " + token);
            }
        }
        Response response = transport.send(request);
        if (response.status() != 401) {
            return response;
        }
        Challenge challenge = Challenge.parse(response.header("WWW-Authenticate").orElse(null));
        switch (challenge.scheme()) {
            case "basic" -> {
                response.close();
                String token;
                try {
                    token = basicToken(host);
                } catch (OciException e) {
                    throw new OciException(response.method() + " " + GoStrings.quote(response.uri().toString()) + ": " + e.getMessage(), e);
                }
                schemes.put(host, "basic");
                tokens.put(cacheKey(host, "basic", ""), token);
                return transport.send(original.withHeader("Authorization", "Basic " + token));
            }
            case "bearer" -> {
                response.close();
                List<String> scopes = new ArrayList<>(Scopes.clean(original.scopes()));
                String challenged = challenge.parameter("scope");
                if (!challenged.isEmpty()) {
                    scopes.addAll(List.of(challenged.split(" ")));
                    scopes = Scopes.clean(scopes);
                }
                String key = String.join(" ", scopes);
                if (!key.equals(attemptedKey)) {
                    String cached = tokens.get(cacheKey(host, "bearer", key));
                    if (cached != null) {
                        Response retried = transport.send(original.withHeader("Authorization", "Bearer " + cached));
                        if (retried.status() != 401) {
                            return retried;
                        }
                        retried.close();
                    }
                }
                String token;
                try {
                    token = bearerToken(host, challenge.parameter("realm"), challenge.parameter("service"), scopes);
                } catch (OciException e) {
                    throw new OciException(response.method() + " " + GoStrings.quote(response.uri().toString()) + ": " + e.getMessage(), e);
                }
                schemes.put(host, "bearer");
                tokens.put(cacheKey(host, "bearer", key), token);
                return transport.send(original.withHeader("Authorization", "Bearer " + token));
            }
            default -> {
                return response;
            }
        }
    }

    private static String cacheKey(String host, String scheme, String scopeKey) {
        return host + "\n" + scheme + "\n" + scopeKey;
    }

    /** {@code host[:port]} as in the request's Host header, which is what ORAS keys its cache on. */
    static String authority(URI uri) {
        return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    }

    private String basicToken(String host) {
        Credential credential = resolve(host);
        if (credential.isEmpty()) {
            throw new OciException("basic credential not found");
        }
        if (credential.username().isEmpty() || credential.password().isEmpty()) {
            throw new OciException("missing username or password for basic auth");
        }
        return Base64.getEncoder().encodeToString((credential.username() + ":" + credential.password()).getBytes(StandardCharsets.UTF_8));
    }

    private Credential resolve(String host) {
        try {
            return credentials.credential(host);
        } catch (OciException e) {
            throw new OciException("failed to resolve credential: " + e.getMessage(), e);
        }
    }

    private String bearerToken(String host, String realm, String service, List<String> scopes) {
        Credential credential = credentials.credential(host);
        if (!credential.accessToken().isEmpty()) {
            return credential.accessToken();
        }
        if (credential.isEmpty() || (credential.refreshToken().isEmpty() && !forceOAuth2)) {
            return distributionToken(realm, service, scopes, credential);
        }
        return oauth2Token(realm, service, scopes, credential);
    }

    /** The Docker token protocol: {@code GET realm?scope=…&service=…}, Basic auth when a login exists. */
    private String distributionToken(String realm, String service, List<String> scopes, Credential credential) {
        // Go's url.Values.Encode sorts by key: scope before service
        Map<String, List<String>> query = new TreeMap<>();
        if (!service.isEmpty()) {
            query.put("service", List.of(service));
        }
        if (!scopes.isEmpty()) {
            query.put("scope", scopes);
        }
        URI realmUri = URI.create(realm);
        String existing = realmUri.getRawQuery();
        String encoded = encode(query);
        String full = realm + (existing == null ? (encoded.isEmpty() ? "" : "?" + encoded) : (encoded.isEmpty() ? "" : "&" + encoded));
        Request request = Request.of("GET", URI.create(full), List.of());
        if (!credential.username().isEmpty() || !credential.password().isEmpty()) {
            request = request.withHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (credential.username() + ":" + credential.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return readToken(transport.send(request), true);
    }

    /** OAuth2 password or refresh-token grant: {@code POST realm} with a form body. */
    private String oauth2Token(String realm, String service, List<String> scopes, Credential credential) {
        Map<String, List<String>> form = new TreeMap<>();
        if (!credential.refreshToken().isEmpty()) {
            form.put("grant_type", List.of("refresh_token"));
            form.put("refresh_token", List.of(credential.refreshToken()));
        } else if (!credential.username().isEmpty() && !credential.password().isEmpty()) {
            form.put("grant_type", List.of("password"));
            form.put("username", List.of(credential.username()));
            form.put("password", List.of(credential.password()));
        } else {
            throw new OciException("missing username or password for bearer auth");
        }
        form.put("service", List.of(service));
        form.put("client_id", List.of(CLIENT_ID));
        if (!scopes.isEmpty()) {
            form.put("scope", List.of(String.join(" ", scopes)));
        }
        Request request = new Request("POST", URI.create(realm), Map.of("Content-Type", "application/x-www-form-urlencoded"),
                Body.of(encode(form).getBytes(StandardCharsets.UTF_8)), List.of());
        return readToken(transport.send(request), false);
    }

    private static String readToken(Response response, boolean acceptTokenField) {
        if (response.status() != 200) {
            throw ResponseException.from(response);
        }
        String where = response.method() + " " + GoStrings.quote(response.uri().toString());
        JsonNode json;
        try {
            json = JSON.readTree(response.readBody(MAX_TOKEN_RESPONSE));
        } catch (IOException e) {
            throw new OciException(where + ": failed to decode response: " + e.getMessage(), e);
        }
        String access = json == null ? "" : json.path("access_token").asText("");
        if (!access.isEmpty()) {
            return access;
        }
        String token = json == null ? "" : json.path("token").asText("");
        if (acceptTokenField && !token.isEmpty()) {
            return token;
        }
        throw new OciException(where + ": empty token returned");
    }

    /** Go's {@code url.Values.Encode}: keys sorted, {@code QueryEscape} (space as {@code +}). */
    private static String encode(Map<String, List<String>> values) {
        StringJoiner out = new StringJoiner("&");
        for (var entry : new LinkedHashMap<>(values).entrySet()) {
            for (String v : entry.getValue()) {
                out.add(queryEscape(entry.getKey()) + "=" + queryEscape(v));
            }
        }
        return out.toString();
    }

    static String queryEscape(String s) {
        // URLEncoder matches Go's QueryEscape except that Go leaves '~' alone and escapes '*'
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%7E", "~").replace("*", "%2A");
    }
}

package dev.charter.cli.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny Docker token service for Distribution's {@code auth.token}: signs RS256 JWTs with a key
 * made by {@code keytool}, carrying the certificate in {@code x5c} so the registry can check it
 * against {@code rootcertbundle}. One user may push; anonymous callers may only pull.
 */
final class TokenIssuer implements AutoCloseable {

    static final String SERVICE = "charter-test";
    static final String ISSUER = "charter-issuer";

    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate cert;
    private final Path certFile;
    private final String user;
    private final String password;
    final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Lifetimes (seconds from now to {@code exp}) of the next tokens, one per issuance; when empty,
     * tokens live {@link #defaultLifetime}. Distribution accepts a token for 60 s past its {@code exp}
     * (its leeway), so a lifetime of -120 makes a token the registry rejects as expired.
     */
    final java.util.Deque<Long> lifetimes = new java.util.concurrent.ConcurrentLinkedDeque<>();
    volatile long defaultLifetime = 600;
    /** The {@code exp} of the last token issued (epoch seconds). */
    volatile long lastExpiry;

    TokenIssuer(Path dir, String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        Path store = dir.resolve("issuer.p12");
        ProcessResult gen = Processes.run(dir, Map.of(), null, List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "issuer",
                "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=charter-issuer", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit"));
        if (gen.exitCode() != 0) {
            throw new IllegalStateException(gen.toString());
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) ks.getKey("issuer", "changeit".toCharArray());
        cert = (X509Certificate) ks.getCertificate("issuer");
        certFile = dir.resolve("issuer.pem");
        Files.writeString(certFile, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The {@code auth:} section for Distribution's configuration. */
    String registryConfig() {
        return "auth:\n  token:\n    realm: " + realm() + "\n    service: " + SERVICE + "\n    issuer: " + ISSUER
                + "\n    rootcertbundle: " + certFile + "\n";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            parse(exchange.getRequestURI().getRawQuery(), params);
            String who = "";
            if (exchange.getRequestMethod().equals("POST")) {
                parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
                if (!first(params, "username").equals(user) || !first(params, "password").equals(password)) {
                    reply(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
                    return;
                }
                who = user;
                // OAuth2 puts all scopes space-separated into one parameter
                List<String> scopes = new ArrayList<>();
                for (String s : params.getOrDefault("scope", List.of())) {
                    scopes.addAll(List.of(s.split(" ")));
                }
                params.put("scope", scopes);
            } else {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth != null) {
                    String decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
                    if (!decoded.equals(user + ":" + password)) {
                        reply(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
                        return;
                    }
                    who = user;
                }
            }
            requests.add(exchange.getRequestMethod() + " " + (who.isEmpty() ? "anonymous" : who) + " " + params.get("scope"));
            String token = jwt(who, params.getOrDefault("scope", List.of()));
            reply(exchange, 200, exchange.getRequestMethod().equals("POST")
                    ? "{\"access_token\":\"" + token + "\"}" : "{\"token\":\"" + token + "\"}");
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(String subject, List<String> scopes) throws Exception {
        StringBuilder access = new StringBuilder("[");
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            if (parts.length != 3) {
                continue;
            }
            List<String> actions = new ArrayList<>();
            for (String action : parts[2].split(",")) {
                if (action.equals("pull") || (action.equals("push") && !subject.isEmpty())) {
                    actions.add("\"" + action + "\"");
                }
            }
            access.append(access.length() > 1 ? "," : "").append("{\"type\":\"").append(parts[0]).append("\",\"name\":\"")
                    .append(parts[1]).append("\",\"actions\":[").append(String.join(",", actions)).append("]}");
        }
        access.append(']');
        long now = Instant.now().getEpochSecond();
        Long next = lifetimes.poll();
        long exp = now + (next == null ? defaultLifetime : next);
        lastExpiry = exp;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5c\":[\"" + Base64.getEncoder().encodeToString(cert.getEncoded()) + "\"]}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + SERVICE + "\",\"exp\":" + exp
                + ",\"nbf\":" + Math.min(now - 60, exp - 1) + ",\"iat\":" + now + ",\"jti\":\"" + System.nanoTime() + "\",\"access\":" + access + "}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(rsa.sign());
    }

    private static void parse(String query, Map<String, List<String>> into) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.charter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** A small JDK HttpClient wrapper for protocol tests: raw requests plus push helpers. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private String authorization;

    Http(URI base) {
        this.base = base;
    }

    Http withAuthorization(String value) {
        Http copy = new Http(base);
        copy.authorization = value;
        return copy;
    }

    Http withBasic(String user, String password) {
        return withAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder r = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return send(r);
    }

    HttpResponse<byte[]> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<byte[]> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<byte[]> post(String path, byte[] body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<byte[]> put(String path, String contentType, byte[] body) {
        HttpRequest.Builder r = request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return send(r);
    }

    HttpResponse<byte[]> patch(String path, byte[] body, String contentRange) {
        HttpRequest.Builder r = request(path).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream");
        if (contentRange != null) {
            r.header("Content-Range", contentRange);
        }
        return send(r);
    }

    /** POST then PUT, the upload every registry (and Helm) supports; returns the digest. */
    String pushBlob(String repo, byte[] content) {
        String digest = digest(content);
        HttpResponse<byte[]> start = post("/v2/" + repo + "/blobs/uploads/", new byte[0]);
        if (start.statusCode() != 202) {
            throw new AssertionError("upload start failed: " + start.statusCode() + " " + text(start));
        }
        String location = start.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> r = put(location + (location.contains("?") ? "&" : "?") + "digest=" + digest, "application/octet-stream", content);
        if (r.statusCode() != 201) {
            throw new AssertionError("blob push failed: " + r.statusCode() + " " + text(r));
        }
        return digest;
    }

    HttpResponse<byte[]> putManifest(String repo, String reference, String mediaType, byte[] manifest) {
        return put("/v2/" + repo + "/manifests/" + reference, mediaType, manifest);
    }

    /** Pushes a config and one layer and an OCI manifest referencing them under {@code tag}; returns the manifest. */
    byte[] pushImage(String repo, String tag, String layerText) {
        String config = pushBlob(repo, "{}".getBytes(StandardCharsets.UTF_8));
        byte[] layer = layerText.getBytes(StandardCharsets.UTF_8);
        String layerDigest = pushBlob(repo, layer);
        byte[] manifest = imageManifest(config, 2, layerDigest, layer.length, null, null);
        HttpResponse<byte[]> r = putManifest(repo, tag, "application/vnd.oci.image.manifest.v1+json", manifest);
        if (r.statusCode() != 201) {
            throw new AssertionError("manifest push failed: " + r.statusCode() + " " + text(r));
        }
        return manifest;
    }

    static byte[] imageManifest(String configDigest, long configSize, String layerDigest, long layerSize,
                                String subjectDigest, String artifactType) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",");
        if (artifactType != null) {
            json.append("\"artifactType\":\"").append(artifactType).append("\",");
        }
        json.append("\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"").append(configDigest)
                .append("\",\"size\":").append(configSize).append("},\"layers\":[");
        if (layerDigest != null) {
            json.append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"").append(layerDigest)
                    .append("\",\"size\":").append(layerSize).append('}');
        }
        json.append(']');
        if (subjectDigest != null) {
            json.append(",\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"")
                    .append(subjectDigest).append("\",\"size\":1}");
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(response), e);
        }
    }

    /** The first error code of a spec error body. */
    static String errorCode(HttpResponse<byte[]> response) {
        return json(response).path("errors").path(0).path("code").asText();
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}

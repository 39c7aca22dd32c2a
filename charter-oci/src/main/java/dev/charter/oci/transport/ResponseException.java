package dev.charter.oci.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.oci.OciException;
import dev.charter.oci.reference.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An unexpected registry status, described like ORAS' {@code errutil.ErrorResponse}:
 * {@code GET "url": response status code 401: unauthorized: authentication required}.
 */
public final class ResponseException extends OciException {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final int status;

    private ResponseException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Go's {@code %v} of a value decoded into {@code any}: maps as {@code map[k:v]} with sorted keys. */
    static String goValue(JsonNode node) {
        if (node.isObject()) {
            java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            java.util.StringJoiner out = new java.util.StringJoiner(" ", "map[", "]");
            sorted.forEach((k, v) -> out.add(k + ":" + goValue(v)));
            return out.toString();
        }
        if (node.isArray()) {
            java.util.StringJoiner out = new java.util.StringJoiner(" ", "[", "]");
            node.forEach(v -> out.add(goValue(v)));
            return out.toString();
        }
        if (node.isNull()) {
            return "<nil>";
        }
        if (node.isNumber()) {
            double d = node.asDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : Double.toString(d);
        }
        return node.asText();
    }

    /** Reads (at most 4 MiB of) the error body and closes the response. */
    public static ResponseException from(Response response) {
        byte[] body;
        try (response) {
            body = response.body().readNBytes(4 << 20);
        } catch (java.io.IOException e) {
            body = new byte[0];
        }
        List<String> errors = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.path("errors").isArray()) {
                for (JsonNode e : root.path("errors")) {
                    String code = e.path("code").asText("").replace('_', ' ').toLowerCase(Locale.ROOT);
                    JsonNode detail = e.get("detail");
                    String text = code + ": " + e.path("message").asText("");
                    errors.add(detail == null || detail.isNull() ? text : text + ": " + goValue(detail));
                }
            }
        } catch (java.io.IOException ignored) {
            // not JSON: fall back to the status text, as ORAS does
        }
        String detail = errors.isEmpty() ? GoErrors.statusText(response.status()) : String.join("; ", errors);
        return new ResponseException(response.method() + " " + GoStrings.quote(response.uri().toString())
                + ": response status code " + response.status() + ": " + detail, response.status());
    }
}

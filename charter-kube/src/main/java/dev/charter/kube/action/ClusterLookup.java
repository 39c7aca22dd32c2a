package dev.charter.kube.action;

import dev.charter.chart.render.HelmFunctions;
import dev.charter.kube.KubeException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Helm's template {@code lookup} when it talks to the cluster (pkg/engine/lookup_func.go): the kind is
 * found through discovery of its group/version, then one object is read (or all of them listed when
 * the name is empty; across namespaces when the namespace is empty). Not found is an empty map;
 * lists carry their items with apiVersion and kind filled in, as client-go's unstructured decoder does.
 * Numbers stay integers (int64) where the JSON has integers.
 */
final class ClusterLookup implements HelmFunctions.Lookup {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final KubernetesClient client;
    private final java.util.function.Consumer<String> log;
    private final Map<String, Map<String, Object>> discovery = new LinkedHashMap<>();

    ClusterLookup(KubernetesClient client, java.util.function.Consumer<String> log) {
        this.client = client;
        this.log = log;
    }

    private record Response(int code, String body) {
    }

    @Override
    public Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        String gvk = group + "/" + version + ", Kind=" + kind;
        String gvPath = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        Map<String, Object> resource = apiResource(gvPath, kind, gvk);
        String plural = resource == null ? "" : String.valueOf(resource.get("name"));
        boolean namespaced = resource != null && Boolean.TRUE.equals(resource.get("namespaced"));
        String path = gvPath + (namespaced && !namespace.isEmpty() ? "/namespaces/" + enc(namespace) : "") + "/" + plural;
        if (!name.isEmpty()) path += "/" + enc(name);
        Response r = get(path);
        if (r.code() == 404) return new LinkedHashMap<>();
        if (r.code() >= 300) throw new KubeException(statusMessage(r));
        Map<String, Object> content = parse(r.body());
        if (name.isEmpty() && content.get("items") instanceof List<?> items) {
            String listKind = String.valueOf(content.getOrDefault("kind", ""));
            String itemKind = listKind.endsWith("List") ? listKind.substring(0, listKind.length() - 4) : listKind;
            List<Object> filled = new ArrayList<>();
            for (Object o : items) {
                if (o instanceof Map<?, ?> m0) {
                    @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) m0;
                    if (!m.containsKey("kind") && !m.containsKey("apiVersion")) {
                        Map<String, Object> withType = new LinkedHashMap<>();
                        withType.put("apiVersion", content.get("apiVersion"));
                        withType.put("kind", itemKind);
                        withType.putAll(m);
                        m = withType;
                    }
                    filled.add(m);
                } else {
                    filled.add(o);
                }
            }
            content.put("items", filled);
        }
        return content;
    }

    /** Discovery of the kind's resource (subresources never match); null when the group/version lacks it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> apiResource(String gvPath, String kind, String gvk) {
        Map<String, Object> list = discovery.get(gvPath);
        if (list == null) {
            Response r = get(gvPath);
            if (r.code() >= 300) {
                // Helm logs both steps at ERROR before the template fails
                String gv = gvk.substring(0, gvk.indexOf(", Kind="));
                gv = gv.startsWith("/") ? gv.substring(1) : gv;
                String why = ReleaseActions.slogValue(statusMessage(r));
                log.accept("level=ERROR msg=\"unable to retrieve resource list\" GroupVersion=" + ReleaseActions.slogValue(gv)
                        + " error=" + why);
                log.accept("level=ERROR msg=\"unable to get apiresource\" groupVersionKind=" + ReleaseActions.slogValue(gvk)
                        + " error=" + why);
                throw new KubeException("unable to get apiresource from unstructured: " + gvk + ": " + statusMessage(r));
            }
            list = parse(r.body());
            discovery.put(gvPath, list);
        }
        if (list.get("resources") instanceof List<?> resources) {
            for (Object o : resources) {
                Map<String, Object> res = (Map<String, Object>) o;
                if (kind.equals(res.get("kind")) && !String.valueOf(res.get("name")).contains("/")) return res;
            }
        }
        return null;
    }

    /** client-go's error text: the Status message, else the generic text for the code. */
    private static String statusMessage(Response r) {
        try {
            Object msg = parse(r.body()).get("message");
            if (msg instanceof String s && !s.isEmpty() && r.body().contains("\"kind\":\"Status\"")) return s;
        } catch (RuntimeException ignored) {
            // not a Status
        }
        return switch (r.code()) {
            case 404 -> "the server could not find the requested resource";
            case 401 -> "the server has asked for the client to provide credentials";
            case 403 -> "the server does not allow access to the requested resource";
            default -> "an error on the server (\"" + r.body().strip() + "\") has prevented the request from succeeding";
        };
    }

    private Response get(String path) {
        var http = client.getHttpClient();
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + path;
        var req = http.newHttpRequestBuilder().uri(url).header("Accept", "application/json").build();
        try {
            var resp = http.sendAsync(req, String.class).get();
            return new Response(resp.code(), resp.body() == null ? "" : resp.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeException("interrupted");
        } catch (ExecutionException e) {
            throw new KubeException(dev.charter.kube.GoNetErrors.describe("GET", url, e.getCause()), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        try {
            return JSON.readValue(body, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new KubeException(e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

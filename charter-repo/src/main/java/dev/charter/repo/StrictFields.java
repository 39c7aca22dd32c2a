package dev.charter.repo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Helm's {@code jsonOrYamlUnmarshal} for index files: YAML goes through
 * {@code sigs.k8s.io/yaml.UnmarshalStrict}, so a key that {@code repo.IndexFile} (or a chart
 * version, maintainer or dependency inside it) does not declare fails the whole load; JSON input
 * is decoded leniently. The YAML is converted to JSON with sorted keys before decoding, so the
 * field reported is the first unknown one in a depth-first walk in key order; Go's JSON matches
 * names case-insensitively.
 */
final class StrictFields {

    private static final Set<String> INDEX = lower("serverInfo", "apiVersion", "generated", "entries", "publicKeys", "annotations");
    private static final Set<String> VERSION = lower("name", "home", "sources", "version", "description", "keywords", "maintainers",
            "icon", "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations", "kubeVersion", "dependencies", "type",
            "urls", "created", "removed", "digest", "checksum", "engine", "tillerVersion", "url");
    private static final Set<String> MAINTAINER = lower("name", "email", "url");
    private static final Set<String> DEPENDENCY = lower("name", "version", "repository", "condition", "tags", "enabled",
            "import-values", "alias");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictFields() {
    }

    private static Set<String> lower(String... names) {
        return Set.of(java.util.Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new));
    }

    /** Go's {@code json.Valid}, which picks the lenient path. */
    static boolean isJson(byte[] data) {
        int i = 0;
        while (i < data.length && Character.isWhitespace(data[i])) {
            i++;
        }
        if (i == data.length || (data[i] != '{' && data[i] != '[' && data[i] != '"')) {
            return false;
        }
        try {
            JSON.readTree(data);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void check(Object doc) {
        if (!(doc instanceof Map<?, ?> index)) {
            return;
        }
        for (Map.Entry<String, Object> top : sorted(index).entrySet()) {
            unknown(top.getKey(), INDEX);
            if (top.getKey().equalsIgnoreCase("entries") && top.getValue() instanceof Map<?, ?> entries) {
                for (Object versions : sorted(entries).values()) {
                    if (versions instanceof List<?> list) {
                        for (Object version : list) {
                            chartVersion(version);
                        }
                    }
                }
            }
        }
    }

    private static void chartVersion(Object version) {
        if (!(version instanceof Map<?, ?> fields)) {
            return;
        }
        for (Map.Entry<String, Object> f : sorted(fields).entrySet()) {
            unknown(f.getKey(), VERSION);
            Set<String> nested = f.getKey().equalsIgnoreCase("maintainers") ? MAINTAINER
                    : f.getKey().equalsIgnoreCase("dependencies") ? DEPENDENCY : null;
            if (nested != null && f.getValue() instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m) {
                        sorted(m).keySet().forEach(k -> unknown(k, nested));
                    }
                }
            }
        }
    }

    private static void unknown(String key, Set<String> known) {
        if (!known.contains(key.toLowerCase(Locale.ROOT))) {
            throw new RepoException("error unmarshaling JSON: while decoding JSON: json: unknown field " + dev.charter.yaml.GoJson.quote(key));
        }
    }

    /** Go's encoding/json writes map keys sorted by their bytes. */
    private static Map<String, Object> sorted(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}

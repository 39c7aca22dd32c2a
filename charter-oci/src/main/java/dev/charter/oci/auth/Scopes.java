package dev.charter.oci.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Token scopes ({@code repository:<name>:<actions>}) built and merged as ORAS does. */
public final class Scopes {

    public static final String PULL = "pull";
    public static final String PUSH = "push";

    private Scopes() {
    }

    public static String repository(String repository, String... actions) {
        return "repository:" + repository + ":" + String.join(",", actions);
    }

    public static List<String> pull(String repository) {
        return List.of(repository(repository, PULL));
    }

    public static List<String> pullPush(String repository) {
        return List.of(repository(repository, PULL, PUSH));
    }

    /** The registry catalog scope Distribution asks for on {@code /v2/_catalog}. */
    public static List<String> catalog() {
        return List.of("registry:catalog:*");
    }

    /**
     * ORAS' {@code CleanScopes}: merges actions per resource, {@code *} absorbs the others, and
     * sorts resources and actions so equal sets give equal cache keys.
     */
    public static List<String> clean(Collection<String> scopes) {
        Map<String, TreeSet<String>> byResource = new TreeMap<>();
        TreeSet<String> opaque = new TreeSet<>();
        for (String scope : scopes) {
            int colon = scope.lastIndexOf(':');
            int first = scope.indexOf(':');
            if (colon < 0 || first == colon) {
                opaque.add(scope);
                continue;
            }
            String resource = scope.substring(0, colon);
            TreeSet<String> actions = byResource.computeIfAbsent(resource, k -> new TreeSet<>());
            for (String action : scope.substring(colon + 1).split(",")) {
                if (!action.isEmpty()) {
                    actions.add(action);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (var entry : byResource.entrySet()) {
            TreeSet<String> actions = entry.getValue();
            if (actions.isEmpty()) {
                continue;
            }
            String joined = actions.contains("*") ? "*" : String.join(",", actions);
            out.add(entry.getKey() + ":" + joined);
        }
        out.addAll(opaque);
        out.sort(null);
        return out;
    }
}

package dev.charter.registry.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A requested token scope, {@code type:name:action[,action...]}. Names may contain colons
 * (a registry host with a port), so the type is before the first colon and the actions after
 * the last one, as Distribution's token server parses them.
 */
public record Scope(String type, String name, Set<String> actions) {

    public static List<Scope> parseAll(List<String> values) {
        List<Scope> scopes = new ArrayList<>();
        for (String value : values) {
            // several scopes may share one parameter, space separated (OAuth2 style)
            for (String single : value.trim().split("\\s+")) {
                parse(single).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    public static java.util.Optional<Scope> parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last <= first) {
            return java.util.Optional.empty();
        }
        Set<String> actions = new LinkedHashSet<>();
        for (String action : text.substring(last + 1).split(",")) {
            if (!action.isBlank()) {
                actions.add(action.strip());
            }
        }
        return java.util.Optional.of(new Scope(text.substring(0, first), text.substring(first + 1, last), Set.copyOf(actions)));
    }
}

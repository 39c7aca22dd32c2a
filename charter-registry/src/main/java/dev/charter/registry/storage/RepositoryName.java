package dev.charter.registry.storage;

import java.util.regex.Pattern;

/**
 * A repository name as the distribution spec's grammar allows it:
 * {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*}, at most 255
 * characters. The grammar admits no {@code .}, {@code ..} or empty component, so a valid name is
 * a safe relative path. Components starting with {@code _} are impossible too, which keeps names
 * apart from the {@code _manifests}/{@code _layers}/{@code _uploads} directories.
 */
public record RepositoryName(String value) {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
    private static final Pattern GRAMMAR = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");

    public RepositoryName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid repository name: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= 255 && GRAMMAR.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

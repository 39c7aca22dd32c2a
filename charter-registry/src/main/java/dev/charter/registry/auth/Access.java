package dev.charter.registry.auth;

/**
 * One permission a request needs or a token grants: {@code repository:charts/app:pull} or
 * {@code registry:catalog:*}.
 */
public record Access(String type, String name, String action) {

    public static Access pull(String repository) {
        return new Access("repository", repository, "pull");
    }

    public static Access push(String repository) {
        return new Access("repository", repository, "push");
    }

    public static Access delete(String repository) {
        return new Access("repository", repository, "delete");
    }

    public static Access catalog() {
        return new Access("registry", "catalog", "*");
    }

    /** The scope string a client asks a token for, e.g. {@code repository:a/b:pull}. */
    public String scope() {
        return type + ":" + name + ":" + action;
    }
}

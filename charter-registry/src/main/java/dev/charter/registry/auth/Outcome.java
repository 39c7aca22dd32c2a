package dev.charter.registry.auth;

/** What an {@link Authenticator} decided about one request. */
public sealed interface Outcome {

    /** Go ahead, acting as this identity. */
    record Granted(Identity identity) implements Outcome {}

    /** 401: (re)authenticate; {@code wwwAuthenticate} is the challenge to send. */
    record Challenge(String wwwAuthenticate, String detail) implements Outcome {}

    /** 403: authenticated, but this identity may not do that. */
    record Forbidden(Identity identity) implements Outcome {}
}

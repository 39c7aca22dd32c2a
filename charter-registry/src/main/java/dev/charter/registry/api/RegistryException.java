package dev.charter.registry.api;

import java.util.Map;

/**
 * A request failed with a spec error. {@code detail} becomes the JSON {@code detail} field;
 * {@code headers} are added to the error response (e.g. {@code Range} on a 416).
 */
public final class RegistryException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object detail;
    private final int status;
    private final Map<String, String> headers;

    public RegistryException(ErrorCode code, Object detail) {
        this(code, detail, code.status(), Map.of());
    }

    public RegistryException(ErrorCode code, Object detail, int status, Map<String, String> headers) {
        super(code + ": " + code.message() + (detail == null ? "" : " (" + detail + ")"), null, false, false);
        this.code = code;
        this.detail = detail;
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public ErrorCode code() {
        return code;
    }

    public Object detail() {
        return detail;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

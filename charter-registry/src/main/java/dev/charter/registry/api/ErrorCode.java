package dev.charter.registry.api;

/** The distribution spec's error codes with Distribution's messages and HTTP statuses. */
public enum ErrorCode {
    BLOB_UNKNOWN("blob unknown to registry", 404),
    BLOB_UPLOAD_INVALID("blob upload invalid", 400),
    BLOB_UPLOAD_UNKNOWN("blob upload unknown to registry", 404),
    DIGEST_INVALID("provided digest did not match uploaded content", 400),
    MANIFEST_BLOB_UNKNOWN("blob unknown to registry", 400),
    MANIFEST_INVALID("manifest invalid", 400),
    MANIFEST_UNKNOWN("manifest unknown", 404),
    NAME_INVALID("invalid repository name", 400),
    NAME_UNKNOWN("repository name not known to registry", 404),
    SIZE_INVALID("provided length did not match content length", 400),
    TAG_INVALID("manifest tag did not match URI", 400),
    RANGE_INVALID("invalid content range", 416),
    PAGINATION_NUMBER_INVALID("invalid number of results requested", 400),
    UNAUTHORIZED("authentication required", 401),
    DENIED("requested access to the resource is denied", 403),
    UNSUPPORTED("The operation is unsupported.", 405),
    TOOMANYREQUESTS("too many requests", 429),
    UNKNOWN("unknown error", 500);

    private final String message;
    private final int status;

    ErrorCode(String message, int status) {
        this.message = message;
        this.status = status;
    }

    public String message() {
        return message;
    }

    public int status() {
        return status;
    }
}

package dev.charter.chart.jsonpath;

/** A JSONPath template that does not parse or cannot be evaluated; the message is client-go's. */
public final class JsonPathException extends RuntimeException {

    public JsonPathException(String message) {
        super(message);
    }
}

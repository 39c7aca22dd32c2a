package dev.charter.chart.values;

/** A failure while reading, parsing or combining values, with Helm's message. */
public class ValuesException extends RuntimeException {
    public ValuesException(String message) {
        super(message);
    }

    public ValuesException(String message, Throwable cause) {
        super(message, cause);
    }
}

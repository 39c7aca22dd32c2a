package dev.charter.chart;

/** A chart that cannot be loaded, validated or saved; the message is Helm's error text. */
public class ChartException extends RuntimeException {

    public ChartException(String message) {
        super(message);
    }

    public ChartException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.charter.kube;

/** A failure talking to the cluster or applying resources; the message is Helm's text where known. */
public class KubeException extends RuntimeException {
    public KubeException(String message) {
        super(message);
    }

    public KubeException(String message, Throwable cause) {
        super(message, cause);
    }
}

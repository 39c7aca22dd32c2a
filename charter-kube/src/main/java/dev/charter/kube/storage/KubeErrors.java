package dev.charter.kube.storage;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** The API server's message of a failed call, as client-go would show it. */
public final class KubeErrors {
    private KubeErrors() {
    }

    public static String message(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isEmpty()) {
            return e.getStatus().getMessage();
        }
        Throwable c = e;
        while (c.getCause() != null) c = c.getCause();
        return c != e && c.getMessage() != null ? c.getMessage() : String.valueOf(e.getMessage());
    }
}

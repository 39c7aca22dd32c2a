package dev.charter.cli.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A background "kubelet" for the kube-e2e API server (no real kubelet): in the given namespaces it
 * completes Jobs (fails those whose name contains {@code fail}), marks standalone Pods Succeeded
 * (Failed when the name contains {@code fail}) and makes Deployment Pods labelled {@code app=web}
 * Running and Ready.
 */
final class FakeKubelet implements AutoCloseable {
    private final KubernetesClient client;
    private final List<String> namespaces;
    private final Thread thread;
    private volatile boolean stop;
    private final FakeNode node;

    FakeKubelet(Path kubeconfig, String... namespaces) throws Exception {
        this(kubeconfig, null, namespaces);
    }

    /** With {@code logsDir}: standalone pods are first bound to a {@link FakeNode}, so their logs can be read. */
    FakeKubelet(Path kubeconfig, Path logsDir, String... namespaces) throws Exception {
        this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
        this.namespaces = List.of(namespaces);
        this.node = logsDir == null ? null : new FakeNode(client, logsDir);
        this.thread = new Thread(this::loop, "fake-kubelet");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stop) {
            for (String ns : namespaces) {
                try {
                    tick(ns);
                } catch (RuntimeException e) {
                    // namespace not there yet, or a race with a deletion
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void tick(String ns) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (Job j : client.batch().v1().jobs().inNamespace(ns).list().getItems()) {
            if (j.getStatus() != null && j.getStatus().getConditions() != null && !j.getStatus().getConditions().isEmpty()) continue;
            if (j.getMetadata().getDeletionTimestamp() != null) continue;
            boolean fail = j.getMetadata().getName().contains("fail");
            String body = fail
                    ? "{\"status\":{\"startTime\":\"" + now + "\",\"failed\":1,\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\",\"reason\":\"BackoffLimitExceeded\",\"message\":\"Job has reached the specified backoff limit\",\"lastProbeTime\":\"" + now + "\",\"lastTransitionTime\":\"" + now + "\"}]}}"
                    : "{\"status\":{\"startTime\":\"" + now + "\",\"completionTime\":\"" + now + "\",\"succeeded\":1,\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\",\"lastProbeTime\":\"" + now + "\",\"lastTransitionTime\":\"" + now + "\"}]}}";
            client.batch().v1().jobs().inNamespace(ns).withName(j.getMetadata().getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), body);
        }
        for (Pod p : client.pods().inNamespace(ns).list().getItems()) {
            if (p.getMetadata().getDeletionTimestamp() != null) continue;
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            if (phase != null && !phase.equals("Pending")) continue;
            boolean owned = p.getMetadata().getOwnerReferences() != null && !p.getMetadata().getOwnerReferences().isEmpty();
            String body;
            if (!owned) {
                if (node != null && (p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())) {
                    node.bind(ns, p.getMetadata().getName());
                }
                String ph = p.getMetadata().getName().contains("fail") ? "Failed" : "Succeeded";
                body = "{\"status\":{\"phase\":\"" + ph + "\",\"startTime\":\"" + now + "\"}}";
            } else if (p.getMetadata().getLabels() != null && "web".equals(p.getMetadata().getLabels().get("app"))) {
                body = "{\"status\":{\"phase\":\"Running\",\"startTime\":\"" + now + "\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"" + now + "\"},"
                        + "{\"type\":\"ContainersReady\",\"status\":\"True\",\"lastTransitionTime\":\"" + now + "\"}]}}";
            } else {
                continue;
            }
            client.pods().inNamespace(ns).withName(p.getMetadata().getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), body);
        }
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        if (node != null) node.close();
        client.close();
    }
}

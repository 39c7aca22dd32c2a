package dev.charter.kube.action;

import dev.charter.kube.KubeException;
import dev.charter.kube.client.ResourceClient;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** Readiness polling in the spirit of Helm's waiters (Deployments, StatefulSets, DaemonSets, Pods, PVCs, Services, Jobs). */
public final class Waiter {

    private Waiter() {
    }

    public static void waitReady(ResourceClient rc, List<ResourceClient.Info> infos, long timeoutMillis, boolean withJobs) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (ResourceClient.Info i : infos) {
            while (true) {
                GenericKubernetesResource live = rc.get(i);
                if (live == null || ready(live, withJobs)) break;
                if (System.currentTimeMillis() > deadline) {
                    throw new KubeException("resource not ready, name: " + i.name() + ", kind: " + i.kind()
                            + ", status: InProgress\ncontext deadline exceeded");
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeException("interrupted");
        }
    }

    static long num(Map<String, Object> m, String k) {
        return m != null && m.get(k) instanceof Number n ? n.longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static boolean condition(Map<String, Object> status, String type) {
        if (status.get("conditions") instanceof List<?> cs) {
            for (Object c : cs) {
                Map<String, Object> m = map(c);
                if (type.equals(m.get("type")) && "True".equals(m.get("status"))) return true;
            }
        }
        return false;
    }

    public static boolean ready(GenericKubernetesResource r, boolean withJobs) {
        Map<String, Object> props = r.getAdditionalProperties();
        Map<String, Object> spec = map(props.get("spec"));
        Map<String, Object> status = map(props.get("status"));
        long generation = r.getMetadata().getGeneration() == null ? 0 : r.getMetadata().getGeneration();
        switch (r.getKind()) {
            case "Deployment": {
                long replicas = spec.containsKey("replicas") ? num(spec, "replicas") : 1;
                return num(status, "observedGeneration") >= generation && num(status, "updatedReplicas") >= replicas
                        && num(status, "availableReplicas") >= replicas;
            }
            case "StatefulSet": {
                long replicas = spec.containsKey("replicas") ? num(spec, "replicas") : 1;
                return num(status, "observedGeneration") >= generation && num(status, "readyReplicas") >= replicas;
            }
            case "DaemonSet":
                return num(status, "observedGeneration") >= generation
                        && num(status, "numberReady") >= num(status, "desiredNumberScheduled");
            case "ReplicaSet": {
                long replicas = spec.containsKey("replicas") ? num(spec, "replicas") : 1;
                return num(status, "readyReplicas") >= replicas;
            }
            case "Pod":
                return condition(status, "Ready") || "Succeeded".equals(status.get("phase"));
            case "PersistentVolumeClaim":
                return "Bound".equals(status.get("phase"));
            case "Service":
                if ("LoadBalancer".equals(spec.get("type"))) {
                    return map(status.get("loadBalancer")).get("ingress") instanceof List<?> l && !l.isEmpty();
                }
                return true;
            case "Job":
                if (!withJobs) return true;
                if (condition(status, "Failed")) throw new KubeException("job " + r.getMetadata().getName() + " failed");
                return condition(status, "Complete");
            default:
                return true;
        }
    }

    /** A hook Job/Pod: waits until it completes; a failure is an error. */
    public static void waitHookDone(ResourceClient rc, ResourceClient.Info i, long timeoutMillis) {
        if (!i.kind().equals("Job") && !i.kind().equals("Pod")) return;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            GenericKubernetesResource live = rc.get(i);
            if (live == null) return;
            Map<String, Object> status = map(live.getAdditionalProperties().get("status"));
            if (i.kind().equals("Job")) {
                if (condition(status, "Complete")) return;
                if (condition(status, "Failed")) throw new KubeException("job " + i.name() + " failed: BackoffLimitExceeded");
            } else {
                if ("Succeeded".equals(status.get("phase"))) return;
                if ("Failed".equals(status.get("phase"))) throw new KubeException("pod " + i.name() + " failed");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new KubeException("resource not ready, name: " + i.name() + ", kind: " + i.kind()
                        + ", status: InProgress\ncontext deadline exceeded");
            }
            sleep();
        }
    }
}

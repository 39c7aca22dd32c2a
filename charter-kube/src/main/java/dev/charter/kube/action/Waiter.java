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

    /** kstatus' result: Current, InProgress, Failed, Terminating, NotFound; and its message. */
    public record KStatus(String status, String message) {
        boolean current() {
            return status.equals("Current");
        }
    }

    /** Helm v4's status watcher: polls until every object is Current; errors as {@code statuswait.go} words them. */
    public static void waitReady(ResourceClient rc, List<ResourceClient.Info> infos, long timeoutMillis, boolean withJobs) {
        waitStatus(rc, infos, timeoutMillis, withJobs, false);
    }

    static void waitStatus(ResourceClient rc, List<ResourceClient.Info> infos, long timeoutMillis, boolean withJobs,
                           boolean hook) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            List<String> errs = new java.util.ArrayList<>();
            boolean failed = false;
            for (ResourceClient.Info i : infos) {
                if (hook && !i.kind().equals("Job") && !i.kind().equals("Pod")) continue;
                GenericKubernetesResource live = rc.get(i);
                KStatus st = live == null ? new KStatus("NotFound", "Resource not found") : kstatus(live, withJobs || hook);
                if (hook && live == null) continue;
                if (st.current()) continue;
                if (hook && i.kind().equals("Pod") && st.status().equals("Failed")) {
                    st = new KStatus("Failed", "pod " + i.name() + " failed");
                }
                if (st.status().equals("Failed")) failed = true;
                errs.add("resource " + i.kind() + "/" + (i.namespace() == null ? "" : i.namespace()) + "/" + i.name()
                        + " not ready. status: " + st.status() + ", message: " + st.message());
            }
            if (errs.isEmpty()) return;
            boolean late = System.currentTimeMillis() > deadline;
            if (failed || late) {
                if (late) errs.add("context deadline exceeded");
                throw new KubeException(String.join("\n", errs));
            }
            sleep();
        }
    }

    /** kstatus' {@code Compute} for the kinds Helm's charts use. */
    public static KStatus kstatus(GenericKubernetesResource r, boolean withJobs) {
        Map<String, Object> props = r.getAdditionalProperties();
        Map<String, Object> spec = map(props.get("spec"));
        Map<String, Object> status = map(props.get("status"));
        String kind = r.getKind();
        if (r.getMetadata().getDeletionTimestamp() != null) return new KStatus("Terminating", "Resource scheduled for deletion");
        long generation = r.getMetadata().getGeneration() == null ? 0 : r.getMetadata().getGeneration();
        if (status.containsKey("observedGeneration") && num(status, "observedGeneration") != generation
                && List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet").contains(kind)) {
            return new KStatus("InProgress", kind + " generation is " + generation + ", but latest observed generation is "
                    + num(status, "observedGeneration"));
        }
        switch (kind) {
            case "Deployment": {
                boolean progressing = false, available = false;
                if (status.get("conditions") instanceof List<?> cs) {
                    for (Object c : cs) {
                        Map<String, Object> m = map(c);
                        if ("Progressing".equals(m.get("type"))) {
                            if ("ProgressDeadlineExceeded".equals(m.get("reason"))) return new KStatus("Failed", "Progress deadline exceeded");
                            if ("True".equals(m.get("status")) && "NewReplicaSetAvailable".equals(m.get("reason"))) progressing = true;
                        }
                        if ("Available".equals(m.get("type")) && "True".equals(m.get("status"))) available = true;
                    }
                }
                long specR = spec.containsKey("replicas") ? num(spec, "replicas") : 1;
                long statusR = num(status, "replicas"), updated = num(status, "updatedReplicas"),
                        ready = num(status, "readyReplicas"), avail = num(status, "availableReplicas");
                if (specR > statusR) return new KStatus("InProgress", "Replicas: " + statusR + "/" + specR);
                if (specR > updated) return new KStatus("InProgress", "Updated: " + updated + "/" + specR);
                if (statusR > specR) return new KStatus("InProgress", "Pending termination: " + (statusR - specR));
                if (updated > avail) return new KStatus("InProgress", "Available: " + avail + "/" + updated);
                if (specR > ready) return new KStatus("InProgress", "Ready: " + ready + "/" + specR);
                if (!progressing) return new KStatus("InProgress", "ReplicaSet not Available");
                if (!available) return new KStatus("InProgress", "Deployment not Available");
                return new KStatus("Current", "Deployment is available. Replicas: " + statusR);
            }
            case "StatefulSet": {
                long specR = spec.containsKey("replicas") ? num(spec, "replicas") : 1;
                long ready = num(status, "readyReplicas"), cur = num(status, "currentReplicas");
                if (specR > num(status, "replicas")) return new KStatus("InProgress", "Replicas: " + num(status, "replicas") + "/" + specR);
                if (specR > ready) return new KStatus("InProgress", "Ready: " + ready + "/" + specR);
                if (specR > cur) return new KStatus("InProgress", "current: " + cur + "/" + specR);
                return new KStatus("Current", "All replicas scheduled as expected. Replicas: " + num(status, "replicas"));
            }
            case "DaemonSet": {
                long desired = num(status, "desiredNumberScheduled"), ready = num(status, "numberReady"),
                        avail = num(status, "numberAvailable"), upd = num(status, "updatedNumberScheduled");
                if (desired > num(status, "currentNumberScheduled")) return new KStatus("InProgress", "Current: " + num(status, "currentNumberScheduled") + "/" + desired);
                if (desired > upd) return new KStatus("InProgress", "Updated: " + upd + "/" + desired);
                if (desired > avail) return new KStatus("InProgress", "Available: " + avail + "/" + desired);
                if (desired > ready) return new KStatus("InProgress", "Ready: " + ready + "/" + desired);
                return new KStatus("Current", "All replicas scheduled as expected. Replicas: " + desired);
            }
            case "ReplicaSet": {
                long specR = spec.containsKey("replicas") ? num(spec, "replicas") : 1;
                long ready = num(status, "readyReplicas"), avail = num(status, "availableReplicas");
                if (specR > num(status, "replicas")) return new KStatus("InProgress", "Replicas: " + num(status, "replicas") + "/" + specR);
                if (specR > ready) return new KStatus("InProgress", "Ready: " + ready + "/" + specR);
                if (specR > avail) return new KStatus("InProgress", "Available: " + avail + "/" + specR);
                return new KStatus("Current", "ReplicaSet is available. Replicas: " + num(status, "replicas"));
            }
            case "Pod": {
                String phase = String.valueOf(status.get("phase"));
                if ("Succeeded".equals(phase)) return new KStatus("Current", "Pod has completed successfully");
                if ("Failed".equals(phase)) return new KStatus("Failed", "Pod has completed, but not successfully");
                if ("Running".equals(phase) && condition(status, "Ready")) return new KStatus("Current", "Pod is Ready");
                if (status.get("phase") == null) return new KStatus("InProgress", "Pod phase not available");
                return new KStatus("InProgress", "Pod is not Ready");
            }
            case "PersistentVolumeClaim":
                if ("Bound".equals(status.get("phase"))) return new KStatus("Current", "PVC is Bound");
                return new KStatus("InProgress", "PVC is not Bound. phase: " + status.get("phase"));
            case "Service":
                if ("LoadBalancer".equals(spec.get("type"))
                        && !(map(status.get("loadBalancer")).get("ingress") instanceof List<?> l && !l.isEmpty())) {
                    return new KStatus("InProgress", "Pending external IP");
                }
                return new KStatus("Current", "Service is ready");
            case "Job": {
                if (!withJobs) return new KStatus("Current", "Resource is current");
                long parallelism = spec.containsKey("parallelism") ? num(spec, "parallelism") : 1;
                long completions = spec.containsKey("completions") ? num(spec, "completions") : parallelism;
                if (status.get("conditions") instanceof List<?> cs) {
                    for (Object c : cs) {
                        Map<String, Object> m = map(c);
                        if (!"True".equals(m.get("status"))) continue;
                        if ("Complete".equals(m.get("type"))) {
                            return new KStatus("Current", "Job Completed. succeeded: " + num(status, "succeeded") + "/" + completions);
                        }
                        if ("Failed".equals(m.get("type"))) {
                            return new KStatus("Failed", "Job Failed. failed: " + num(status, "failed") + "/" + completions);
                        }
                    }
                }
                return new KStatus("InProgress", status.get("startTime") == null ? "Job not started" : "Job in progress");
            }
            default:
                return new KStatus("Current", "Resource is current");
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
        waitStatus(rc, List.of(i), timeoutMillis, true, true);
    }
}

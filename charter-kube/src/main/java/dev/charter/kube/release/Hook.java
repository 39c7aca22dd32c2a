package dev.charter.kube.release;

import dev.charter.yaml.GoJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helm's {@code release.Hook} with its {@code HookExecution}. */
public final class Hook {
    public static final String ANNOTATION = "helm.sh/hook";
    public static final String WEIGHT_ANNOTATION = "helm.sh/hook-weight";
    public static final String DELETE_ANNOTATION = "helm.sh/hook-delete-policy";
    public static final String OUTPUT_LOG_ANNOTATION = "helm.sh/hook-output-log-policy";

    public String name = "";
    public String kind = "";
    public String path = "";
    public String manifest = "";
    public List<String> events = new ArrayList<>();
    public GoTime startedAt;
    public GoTime completedAt;
    public String phase = "";
    public int weight;
    public List<String> deletePolicies = new ArrayList<>();
    public List<String> outputLogPolicies = new ArrayList<>();

    Map<String, Object> toJson() {
        Map<String, Object> o = new GoJsonWriter.Struct();
        if (!name.isEmpty()) o.put("name", name);
        if (!kind.isEmpty()) o.put("kind", kind);
        if (!path.isEmpty()) o.put("path", path);
        if (!manifest.isEmpty()) o.put("manifest", manifest);
        if (!events.isEmpty()) o.put("events", events);
        Map<String, Object> lr = new GoJsonWriter.Struct();
        if (startedAt != null) lr.put("started_at", startedAt.rfc3339Nano());
        if (completedAt != null) lr.put("completed_at", completedAt.rfc3339Nano());
        lr.put("phase", phase);
        o.put("last_run", lr);
        if (weight != 0) o.put("weight", weight);
        if (!deletePolicies.isEmpty()) o.put("delete_policies", deletePolicies);
        if (!outputLogPolicies.isEmpty()) o.put("output_log_policies", outputLogPolicies);
        return o;
    }

    @SuppressWarnings("unchecked")
    static Hook fromJson(Map<String, Object> m) {
        Hook h = new Hook();
        h.name = Info.str(m.get("name"));
        h.kind = Info.str(m.get("kind"));
        h.path = Info.str(m.get("path"));
        h.manifest = Info.str(m.get("manifest"));
        h.events = strings(m.get("events"));
        if (m.get("last_run") instanceof Map<?, ?> lr) {
            h.startedAt = GoTime.parse(Info.str(lr.get("started_at")));
            h.completedAt = GoTime.parse(Info.str(lr.get("completed_at")));
            h.phase = Info.str(lr.get("phase"));
        }
        h.weight = m.get("weight") instanceof Number n ? n.intValue() : 0;
        h.deletePolicies = strings(m.get("delete_policies"));
        h.outputLogPolicies = strings(m.get("output_log_policies"));
        return h;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) out.add(Info.str(x));
        return out;
    }

    public boolean hasDeletePolicy(String p) {
        return deletePolicies.contains(p);
    }
}

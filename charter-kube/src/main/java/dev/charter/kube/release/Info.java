package dev.charter.kube.release;

import dev.charter.yaml.GoJsonWriter;
import java.util.Map;

/** Helm's {@code release.Info}. {@code resources} is only filled by status (kind key to objects). */
public final class Info {
    public GoTime firstDeployed;
    public GoTime lastDeployed;
    public GoTime deleted;
    public String description = "";
    public String status = "";
    public String notes = "";
    public Map<String, java.util.List<Object>> resources;

    public Info copy() {
        Info i = new Info();
        i.firstDeployed = firstDeployed;
        i.lastDeployed = lastDeployed;
        i.deleted = deleted;
        i.description = description;
        i.status = status;
        i.notes = notes;
        i.resources = resources;
        return i;
    }

    Map<String, Object> toJson() {
        Map<String, Object> o = new GoJsonWriter.Struct();
        if (firstDeployed != null) o.put("first_deployed", firstDeployed.rfc3339Nano());
        if (lastDeployed != null) o.put("last_deployed", lastDeployed.rfc3339Nano());
        if (deleted != null) o.put("deleted", deleted.rfc3339Nano());
        if (!description.isEmpty()) o.put("description", description);
        if (!status.isEmpty()) o.put("status", status);
        if (!notes.isEmpty()) o.put("notes", notes);
        if (resources != null && !resources.isEmpty()) o.put("resources", resources);
        return o;
    }

    @SuppressWarnings("unchecked")
    static Info fromJson(Map<String, Object> m) {
        Info i = new Info();
        if (m == null) return i;
        i.firstDeployed = GoTime.parse(str(m.get("first_deployed")));
        i.lastDeployed = GoTime.parse(str(m.get("last_deployed")));
        i.deleted = GoTime.parse(str(m.get("deleted")));
        i.description = str(m.get("description"));
        i.status = str(m.get("status"));
        i.notes = str(m.get("notes"));
        if (m.get("resources") instanceof Map<?, ?> r) i.resources = (Map<String, java.util.List<Object>>) r;
        return i;
    }

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}

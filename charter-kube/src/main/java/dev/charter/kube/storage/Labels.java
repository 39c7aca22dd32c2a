package dev.charter.kube.storage;

import dev.charter.kube.release.Release;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

final class Labels {
    static final List<String> SYSTEM = List.of("name", "owner", "status", "version", "createdAt", "modifiedAt");

    private Labels() {
    }

    static Map<String, String> filterSystem(Map<String, String> in) {
        Map<String, String> out = new TreeMap<>();
        if (in != null) in.forEach((k, v) -> { if (!SYSTEM.contains(k)) out.put(k, v); });
        return out;
    }

    /** The labels of a stored record: custom ones, then the system ones (which win). */
    static Map<String, String> forRecord(Release r, String stamp, long unix) {
        Map<String, String> l = new TreeMap<>();
        if (r.labels != null) l.putAll(r.labels);
        l.put(stamp, Long.toString(unix));
        l.put("name", r.name);
        l.put("owner", "helm");
        l.put("status", r.info.status);
        l.put("version", Integer.toString(r.version));
        return l;
    }

    static boolean matches(Map<String, String> have, Map<String, String> want) {
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) return false;
        }
        return true;
    }

    static String selector(Map<String, String> labels) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> {
            if (b.length() > 0) b.append(',');
            b.append(k).append('=').append(v);
        });
        return b.toString();
    }
}

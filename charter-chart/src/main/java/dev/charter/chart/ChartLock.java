package dev.charter.chart;

import dev.charter.yaml.GoYaml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart.lock (or requirements.lock). {@code generated} is the lock time as Go formats
 * {@code time.Time} (RFC 3339 with nanoseconds, trailing zeros dropped), or null when absent.
 */
public record ChartLock(Instant generated, String generatedText, String digest, List<Dependency> dependencies) {

    /** The lock as Helm re-serialises it into a package (sigs.k8s.io/yaml of the Lock struct). */
    public String toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generated", generatedText == null ? "0001-01-01T00:00:00Z" : generatedText);
        m.put("digest", digest == null ? "" : digest);
        if (dependencies == null) {
            m.put("dependencies", null);
        } else {
            List<Object> deps = new ArrayList<>();
            for (Dependency d : dependencies) {
                deps.add(d == null ? null : MetadataJson.dependency(d));
            }
            m.put("dependencies", deps);
        }
        return GoYaml.marshal(m);
    }
}

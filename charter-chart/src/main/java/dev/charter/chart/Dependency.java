package dev.charter.chart;

import java.util.List;

/**
 * A dependency from Chart.yaml, requirements.yaml or a lock file. {@code importValues} items are
 * strings or maps ({@code child}/{@code parent}) in Helm's JSON model.
 */
public record Dependency(String name, String version, String repository, String condition, List<String> tags,
                         boolean enabled, List<Object> importValues, String alias) {

    public Dependency {
        tags = tags == null ? null : List.copyOf(tags);
        importValues = importValues == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(importValues));
    }

    /** Go's {@code json.Marshal} model of {@code chart.Dependency} (struct order, omitempty), as Chart.lock digests and config blobs use it. */
    public java.util.Map<String, Object> toJsonModel() {
        return MetadataJson.dependency(this);
    }
}

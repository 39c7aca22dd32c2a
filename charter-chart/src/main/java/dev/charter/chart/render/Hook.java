package dev.charter.chart.render;

import java.util.List;

/** Helm's {@code release.Hook} as the manifest sorter builds it. */
public record Hook(String name, String kind, String path, String manifest, List<String> events, int weight,
                   List<String> deletePolicies, List<String> outputLogPolicies) {

    public boolean isTest() {
        return events.contains("test");
    }
}

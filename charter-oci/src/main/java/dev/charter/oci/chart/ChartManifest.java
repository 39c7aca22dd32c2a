package dev.charter.oci.chart;

import dev.charter.oci.GoJson;
import dev.charter.oci.registry.Descriptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The image manifest Helm pushes, byte for byte: compact Go JSON, no top-level {@code mediaType},
 * layers sorted by digest string, annotations sorted by key.
 */
public final class ChartManifest {

    private ChartManifest() {
    }

    public static byte[] build(Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
        List<Descriptor> sorted = new ArrayList<>(layers);
        sorted.sort(Comparator.comparing(Descriptor::digest));
        StringJoiner layerJson = new StringJoiner(",", "[", "]");
        sorted.forEach(d -> layerJson.add(d.toJson()));
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"config\":").append(config.toJson())
                .append(",\"layers\":").append(layerJson);
        if (!annotations.isEmpty()) {
            StringJoiner a = new StringJoiner(",", "{", "}");
            annotations.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> a.add(GoJson.quote(e.getKey()) + ":" + GoJson.quote(e.getValue())));
            json.append(",\"annotations\":").append(a);
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}

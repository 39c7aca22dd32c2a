package dev.charter.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * JSON text exactly as Go's {@code encoding/json} writes it: strings HTML-escaped ({@code <}, {@code >},
 * {@code &} as {@code \u003c}…), U+2028/U+2029 escaped, other non-ASCII kept as UTF-8; compact or
 * {@code MarshalIndent(v, "", "\t")}. Digests of what Helm pushes depend on these bytes.
 */
public final class GoJson {

    private GoJson() {
    }

    /** A JSON string literal with Go's escaping (the one implementation in charter-chart). */
    public static String quote(String s) {
        return dev.charter.yaml.GoJson.quote(s);
    }

    /**
     * {@code MarshalIndent} with tabs. Objects keep their order except those for which
     * {@code sortKeys} says yes (Go maps are written with sorted keys; structs and raw messages are not).
     */
    public static String indent(JsonNode node, Predicate<List<String>> sortKeys) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0, new ArrayList<>(), sortKeys);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out, int depth, List<String> path, Predicate<List<String>> sortKeys) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            if (fields.isEmpty()) {
                out.append("{}");
                return;
            }
            if (sortKeys.test(path)) {
                fields.sort(Map.Entry.comparingByKey());
            }
            out.append("{\n");
            for (int i = 0; i < fields.size(); i++) {
                out.append("\t".repeat(depth + 1)).append(quote(fields.get(i).getKey())).append(": ");
                path.add(fields.get(i).getKey());
                write(fields.get(i).getValue(), out, depth + 1, path, sortKeys);
                path.remove(path.size() - 1);
                out.append(i + 1 < fields.size() ? ",\n" : "\n");
            }
            out.append("\t".repeat(depth)).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append("\t".repeat(depth + 1));
                path.add("[]");
                write(node.get(i), out, depth + 1, path, sortKeys);
                path.remove(path.size() - 1);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append("\t".repeat(depth)).append(']');
        } else if (node.isTextual()) {
            out.append(quote(node.textValue()));
        } else if (node.isBigDecimal()) {
            out.append(((BigDecimal) node.numberValue()).toString());
        } else {
            out.append(node.toString());
        }
    }
}

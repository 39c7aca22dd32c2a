package dev.charter.yaml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads YAML the way Helm does through {@code sigs.k8s.io/yaml} (go-yaml v2 underneath): plain
 * scalars are resolved with go-yaml v2's YAML 1.1 rules ({@link GoYamlResolver}), timestamps stay
 * strings, {@code <<} merges, duplicate keys keep the last value. SnakeYAML Engine does the
 * parsing; only the composed node tree is used, so its own (YAML 1.2) resolution never applies.
 */
public final class YamlReader {

    private YamlReader() {
    }

    /**
     * One YAML document as go-yaml v2 would decode it into {@code interface{}}: Map (String keys,
     * insertion order), List, String, Boolean, Long/BigInteger, Double or null. Empty input gives null.
     */
    public static Object parse(String yaml) {
        List<Object> docs = parseAll(yaml);
        return docs.isEmpty() ? null : docs.get(0);
    }

    /** Every document of a multi-document stream. */
    public static List<Object> parseAll(String yaml) {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setUseMarks(true)
                .build();
        List<Object> docs = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(yaml)) {
                docs.add(convert(node, new IdentityHashMap<>()));
            }
        } catch (MarkedYamlEngineException e) {
            throw new YamlException(goMessage(e));
        } catch (YamlEngineException e) {
            throw new YamlException("yaml: " + e.getMessage());
        }
        return docs;
    }

    /** Helm's values: JSON-normalised (every number a Double, as Go's float64). */
    public static Object toJsonModel(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put((String) k, toJsonModel(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(toJsonModel(x)));
            return out;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v;
    }

    private static Object convert(Node node, IdentityHashMap<Node, Boolean> active) {
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (active.containsKey(node)) {
            throw new YamlException("yaml: anchor cycle");
        }
        active.put(node, Boolean.TRUE);
        try {
            if (node instanceof SequenceNode seq) {
                List<Object> list = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    list.add(convert(item, active));
                }
                return list;
            }
            MappingNode map = (MappingNode) node;
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                Object key = convert(t.getKeyNode(), active);
                if (key == GoYamlResolver.MERGE) {
                    merge(out, convert(t.getValueNode(), active));
                    continue;
                }
                out.put(keyString(key), convert(t.getValueNode(), active));
            }
            return out;
        } finally {
            active.remove(node);
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Object source) {
        if (source instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach(into::putIfAbsent);
        } else if (source instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    ((Map<String, Object>) m).forEach(into::putIfAbsent);
                } else {
                    throw new YamlException("yaml: map merge requires map or sequence of maps as the value");
                }
            }
        } else {
            throw new YamlException("yaml: map merge requires map or sequence of maps as the value");
        }
    }

    /** sigs.k8s.io/yaml turns every key into a JSON object key (floats with 32-bit %g). */
    private static String keyString(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Double d) {
            return GoFloat.format32(d);
        }
        if (key instanceof GoYamlResolver.Timestamp t) {
            return t.text();
        }
        return key.toString();
    }

    private static Object scalar(ScalarNode s) {
        if (!s.isPlain()) {
            return s.getValue();
        }
        // SnakeYAML's own (YAML 1.2) tag is ignored: go-yaml v2's YAML 1.1 rules decide
        Object v = GoYamlResolver.resolve(s.getValue());
        if (v instanceof GoYamlResolver.Timestamp t) {
            return t.text();
        }
        return v;
    }

    /** go-yaml's {@code yaml: line N: problem} from SnakeYAML's marked exception. */
    private static String goMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
        String text;
        if (problem.startsWith("mapping values are not allowed")) {
            text = "mapping values are not allowed in this context";
        } else if (problem.contains("could not find expected ':'")) {
            text = "could not find expected ':'";
        } else if (problem.contains("expected <block end>")) {
            text = "did not find expected key";
            line = e.getContextMark().map(m -> m.getLine() + 1).orElse(line);
        } else if (problem.contains("cannot start any token")) {
            text = "found character that cannot start any token";
        } else if (problem.contains("found undefined alias") || problem.contains("found undefined anchor")) {
            text = "unknown anchor '" + problem.replaceAll(".*(?:alias|anchor) ", "") + "' referenced";
        } else {
            text = problem;
        }
        return "yaml: line " + line + ": " + text;
    }
}

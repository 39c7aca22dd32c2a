package dev.charter.chart.jsonpath;

import dev.charter.template.fmt.GoFmt;
import dev.charter.yaml.GoJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' JSONPath templates ({@code k8s.io/client-go/util/jsonpath}), which Helm's
 * {@code show values --jsonpath} runs over a chart's values: text with {@code {…}} actions of
 * fields, {@code [i]}/{@code [a:b:c]} slices, {@code [*]}, unions, {@code ..} descent,
 * {@code [?(@.x==y)]} filters and {@code range}/{@code end}. Results print as Go's {@code fmt.Print}
 * for scalars and compact {@code encoding/json} for maps and lists, separated by spaces.
 *
 * <p>Go walks maps in random order for {@code *} and {@code ..}; Charter uses sorted key order.
 */
public final class JsonPath {

    private final List<JsonPathNode> nodes;

    private JsonPath(List<JsonPathNode> nodes) {
        this.nodes = nodes;
    }

    /** Parses a template; errors carry client-go's texts. */
    public static JsonPath parse(String template) {
        return new JsonPath(new JsonPathParser(template).parse().nodes());
    }

    /** {@code JSONPath.Execute} with missing keys as errors; nothing is written when it fails. */
    public String execute(Object data) {
        Evaluation evaluation = new Evaluation();
        List<List<Value>> results = evaluation.findResults(new ArrayList<>(nodes), data);
        StringBuilder out = new StringBuilder();
        for (List<Value> result : results) {
            for (int i = 0; i < result.size(); i++) {
                out.append(text(result.get(i).value()));
                if (i != result.size() - 1) {
                    out.append(' ');
                }
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return GoJsonWriter.write(value);
        }
        return GoFmt.sprint(java.util.Collections.singletonList(value));
    }

    /** A value found by the walk (null is a present key holding null, Go's nil interface). */
    record Value(Object value) {
    }

    /** One execution: the range bookkeeping of client-go's walker. */
    private static final class Evaluation {
        private int beginRange;
        private int inRange;
        private int endRange;
        private JsonPathNode lastEndNode;

        List<List<Value>> findResults(List<JsonPathNode> nodes, Object data) {
            List<Value> cur = List.of(new Value(data));
            List<List<Value>> full = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                JsonPathNode node = nodes.get(i);
                List<Value> results = walk(cur, node);
                if (endRange > 0 && endRange <= inRange) {
                    endRange--;
                    lastEndNode = node;
                    break;
                }
                if (beginRange > 0) {
                    beginRange--;
                    inRange++;
                    List<JsonPathNode> rest = nodes.subList(i + 1, nodes.size());
                    if (!results.isEmpty()) {
                        for (Value v : results) {
                            full.addAll(findResults(rest, v.value()));
                        }
                    } else {
                        findResults(rest, null);
                    }
                    inRange--;
                    for (int k = i + 1; k < nodes.size(); k++) {
                        if (nodes.get(k) == lastEndNode) {
                            i = k;
                            break;
                        }
                    }
                    continue;
                }
                full.add(results);
            }
            return full;
        }

        List<Value> walk(List<Value> input, JsonPathNode node) {
            return switch (node) {
                case JsonPathNode.ListNode list -> evalList(input, list);
                case JsonPathNode.Text t -> List.of(new Value(t.text()));
                case JsonPathNode.Field f -> evalField(input, f);
                case JsonPathNode.Array a -> evalArray(input, a);
                case JsonPathNode.Filter f -> evalFilter(input, f);
                case JsonPathNode.Int n -> constant(input, n.value());
                case JsonPathNode.Float n -> constant(input, n.value());
                case JsonPathNode.Bool n -> constant(input, n.value());
                case JsonPathNode.Wildcard w -> evalWildcard(input);
                case JsonPathNode.Recursive r -> evalRecursive(input);
                case JsonPathNode.Union u -> evalUnion(input, u);
                case JsonPathNode.Identifier id -> evalIdentifier(input, id);
            };
        }

        private static List<Value> constant(List<Value> input, Object value) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                out.add(new Value(value));
            }
            return out;
        }

        private List<Value> evalList(List<Value> input, JsonPathNode.ListNode list) {
            List<Value> cur = input;
            for (JsonPathNode n : list.nodes()) {
                cur = walk(cur, n);
            }
            return cur;
        }

        private List<Value> evalIdentifier(List<Value> input, JsonPathNode.Identifier id) {
            switch (id.name()) {
                case "range" -> {
                    beginRange++;
                    return input;
                }
                case "end" -> {
                    if (inRange > 0) {
                        endRange++;
                        return List.of();
                    }
                    throw new JsonPathException("not in range, nothing to end");
                }
                default -> throw new JsonPathException("unrecognized identifier " + id.name());
            }
        }

        private static List<Value> evalField(List<Value> input, JsonPathNode.Field field) {
            List<Value> results = new ArrayList<>();
            if (input.isEmpty()) {
                return results;
            }
            for (Value v : input) {
                if (v.value() instanceof Map<?, ?> m && m.containsKey(field.name())) {
                    results.add(new Value(m.get(field.name())));
                }
            }
            if (results.isEmpty()) {
                throw new JsonPathException(field.name() + " is not found");
            }
            return results;
        }

        private static List<Value> evalArray(List<Value> input, JsonPathNode.Array array) {
            List<Value> result = new ArrayList<>();
            for (Value v : input) {
                if (v.value() == null) {
                    continue;
                }
                if (!(v.value() instanceof List<?> list)) {
                    throw new JsonPathException(goType(v.value()) + " is not array or slice");
                }
                JsonPathNode.Param[] p = array.params();
                int len = list.size();
                int start = p[0].known() ? p[0].value() : 0;
                if (start < 0) {
                    start += len;
                }
                int end = p[1].known() ? p[1].value() : len;
                // [i] is parsed as [i:i+1] with i as written: [-1] ends at "0", meaning the end
                if (end < 0 || (end == 0 && p[1].derived())) {
                    end += len;
                }
                if (end == start) {
                    return result;
                }
                if (start >= len || start < 0) {
                    throw new JsonPathException("array index out of bounds: index " + start + ", length " + len);
                }
                if (end > len || end < 0) {
                    throw new JsonPathException("array index out of bounds: index " + (end - 1) + ", length " + len);
                }
                if (start > end) {
                    throw new JsonPathException("starting index " + start + " is greater than ending index " + end);
                }
                int step = 1;
                if (p[2].known()) {
                    if (p[2].value() <= 0) {
                        throw new JsonPathException("step must be > 0");
                    }
                    step = p[2].value();
                }
                for (int i = start; i < end; i += step) {
                    result.add(new Value(list.get(i)));
                }
            }
            return result;
        }

        private List<Value> evalUnion(List<Value> input, JsonPathNode.Union union) {
            List<Value> result = new ArrayList<>();
            for (JsonPathNode.ListNode l : union.alternatives()) {
                result.addAll(evalList(input, l));
            }
            return result;
        }

        private static List<Value> children(Object value) {
            List<Value> out = new ArrayList<>();
            if (value instanceof Map<?, ?> m) {
                m.keySet().stream().map(String::valueOf).sorted().forEach(k -> out.add(new Value(m.get(k))));
            } else if (value instanceof List<?> l) {
                l.forEach(x -> out.add(new Value(x)));
            } else if (value instanceof String s) {
                // Go indexes a string by byte: uint8 values
                for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.add(new Value((long) (b & 0xff)));
                }
            }
            return out;
        }

        private static List<Value> evalWildcard(List<Value> input) {
            List<Value> results = new ArrayList<>();
            for (Value v : input) {
                if (v.value() != null) {
                    results.addAll(children(v.value()));
                }
            }
            return results;
        }

        private static List<Value> evalRecursive(List<Value> input) {
            List<Value> result = new ArrayList<>();
            for (Value v : input) {
                if (v.value() == null) {
                    continue;
                }
                List<Value> kids = children(v.value());
                if (!kids.isEmpty()) {
                    result.add(v);
                    result.addAll(evalRecursive(kids));
                }
            }
            return result;
        }

        private List<Value> evalFilter(List<Value> input, JsonPathNode.Filter filter) {
            List<Value> results = new ArrayList<>();
            for (Value v : input) {
                if (!(v.value() instanceof List<?> list)) {
                    throw new JsonPathException(GoFmt.sprint(java.util.Collections.singletonList(v.value()))
                            + " is not array or slice and cannot be filtered");
                }
                for (Object element : list) {
                    List<Value> temp = List.of(new Value(element));
                    List<Value> lefts;
                    JsonPathException leftError = null;
                    try {
                        lefts = evalList(temp, filter.left());
                    } catch (JsonPathException e) {
                        lefts = List.of();
                        leftError = e;
                    }
                    if (filter.operator().equals("exists")) {
                        if (!lefts.isEmpty()) {
                            results.add(new Value(element));
                        }
                        continue;
                    }
                    if (leftError != null) {
                        throw leftError;
                    }
                    if (lefts.isEmpty()) {
                        continue;
                    }
                    if (lefts.size() > 1) {
                        throw new JsonPathException("can only compare one element at a time");
                    }
                    List<Value> rights = evalList(temp, filter.right());
                    if (rights.isEmpty()) {
                        continue;
                    }
                    if (rights.size() > 1) {
                        throw new JsonPathException("can only compare one element at a time");
                    }
                    if (Compare.passes(filter.operator(), lefts.get(0).value(), rights.get(0).value())) {
                        results.add(new Value(element));
                    }
                }
            }
            return results;
        }
    }

    static String goType(Object v) {
        if (v instanceof Map<?, ?>) {
            return "map[string]interface {}";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float64";
        }
        if (v instanceof Number) {
            return "int64";
        }
        return "interface {}";
    }
}

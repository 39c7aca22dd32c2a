package dev.charter.chart.render;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.charter.chart.values.ChartNode;
import dev.charter.chart.values.Values;
import dev.charter.template.value.GoInt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Helm's {@code ValidateAgainstSchema}: every chart's values.schema.json against its values, with
 * santhosh-tekuri/jsonschema v6's message layout ({@code - at '/x': got string, want integer}).
 */
public final class SchemaValidator {
    private SchemaValidator() {}

    /** The combined error text, or null when every schema is satisfied. */
    public static String validateAgainstSchema(ChartNode chart, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder();
        if (chart.schema() != null) {
            String err = validateSingle(values, chart.schema());
            if (err != null) {
                sb.append(chart.name()).append(":\n").append(err);
            }
        }
        for (ChartNode sub : chart.children()) {
            Object raw = values.get(sub.name());
            if (raw == null) {
                continue;
            }
            if (!(raw instanceof Map)) {
                sb.append(sub.name()).append(":\ninvalid type for values: expected object (map), got ")
                        .append(Values.goType(raw)).append('\n');
                continue;
            }
            String err = validateAgainstSchema(sub, Values.asTable(raw));
            if (err != null) {
                sb.append(err);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** One schema against one values map; null when valid. */
    public static String validateSingle(Map<String, Object> values, byte[] schemaJson) {
        Schema schema;
        try {
            SchemaRegistry reg = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            schema = reg.getSchema(new String(schemaJson, StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (RuntimeException e) {
            return "unable to validate schema: " + e.getMessage() + "\n";
        }
        List<Error> errors;
        try {
            errors = schema.validate(toNode(values));
        } catch (RuntimeException e) {
            return "unable to validate schema: " + e.getMessage() + "\n";
        }
        if (errors.isEmpty()) {
            return null;
        }
        Node root = new Node("");
        Map<String, Msg> combined = new TreeMap<>();
        // santhosh-tekuri nests the failures of oneOf/anyOf/allOf alternatives under the combinator's
        // own error; networknt reports them flat (and has no error of its own for anyOf/allOf), so
        // the tree is rebuilt from the evaluation paths
        Map<String, Msg> combinators = new LinkedHashMap<>();
        // santhosh-tekuri stops at a failed "type": the other keywords of that schema are not reported
        java.util.Set<String> typeFailed = new java.util.HashSet<>();
        for (Error e : errors) {
            if ("type".equals(e.getKeyword())) {
                typeFailed.add(parentOf(e.getEvaluationPath().toString()));
            }
        }
        errors = errors.stream().filter(e -> "type".equals(e.getKeyword())
                || !typeFailed.contains(parentOf(e.getEvaluationPath().toString()))).toList();
        for (Error e : errors) {
            if ("oneOf".equals(e.getKeyword())) {
                Msg m = new Msg("oneOf", pointer(instancePath(e)), null, message(e));
                m.instancePath = instancePath(e);
                combinators.put(e.getEvaluationPath().toString(), m);
            }
        }
        for (Error e : errors) {
            List<String> path = instancePath(e);
            String kw = e.getKeyword() == null ? "" : e.getKeyword();
            String pointer = pointer(path);
            String eval = e.getEvaluationPath().toString();
            if (combinators.containsKey(eval)) {
                continue;
            }
            Msg msg;
            if (kw.equals("required") || kw.equals("additionalProperties")) {
                String key = kw + "@" + pointer + "@" + parentCombinator(eval);
                Msg m = combined.get(key);
                String prop = e.getProperty() != null ? e.getProperty() : String.valueOf(e.getArguments()[0]);
                if (m != null) {
                    m.props.add(prop);
                    continue;
                }
                m = new Msg(kw, pointer, new ArrayList<>(List.of(prop)));
                combined.put(key, m);
                msg = m;
            } else {
                msg = new Msg(kw, pointer, null, message(e));
            }
            msg.instancePath = path;
            attach(root, combinators, eval, msg);
        }
        for (Map.Entry<String, Msg> c : combinators.entrySet()) {
            if (!c.getValue().attached) {
                attach(root, combinators, c.getKey(), c.getValue());
            }
        }
        StringBuilder sb = new StringBuilder();
        root.print(sb, 0);
        return sb.toString();
    }

    private static String parentOf(String eval) {
        int i = eval.lastIndexOf('/');
        return i < 0 ? "" : eval.substring(0, i);
    }

    private static List<String> instancePath(Error e) {
        List<String> path = new ArrayList<>();
        var loc = e.getInstanceLocation();
        for (int i = 0; i < loc.getNameCount(); i++) {
            path.add(loc.getName(i));
        }
        return path;
    }

    /** The evaluation path of the innermost combinator alternative holding {@code eval}, plus its index. */
    private static String parentCombinator(String eval) {
        String[] segs = eval.split("/", -1);
        for (int i = segs.length - 3; i >= 0; i--) {
            if ((segs[i].equals("oneOf") || segs[i].equals("anyOf") || segs[i].equals("allOf"))
                    && segs[i + 1].matches("\\d+")) {
                return String.join("/", java.util.Arrays.copyOfRange(segs, 0, i + 2));
            }
        }
        return null;
    }

    private static void attach(Node root, Map<String, Msg> combinators, String eval, Msg msg) {
        msg.attached = true;
        String alt = parentCombinator(eval);
        if (alt == null) {
            root.add(msg.instancePath, 0, msg);
            return;
        }
        int slash = alt.lastIndexOf('/');
        String cEval = alt.substring(0, slash);
        int index = Integer.parseInt(alt.substring(slash + 1));
        Msg c = combinators.get(cEval);
        if (c == null) {
            String kw = cEval.substring(cEval.lastIndexOf('/') + 1);
            c = new Msg(kw, msg.pointer, null, "'" + kw + "' failed");
            c.instancePath = msg.instancePath;
            combinators.put(cEval, c);
            attach(root, combinators, cEval, c);
        } else if (!c.attached) {
            attach(root, combinators, cEval, c);
        }
        if (msg.instancePath.size() < c.instancePath.size()) {
            c.instancePath = msg.instancePath;
        }
        c.alternatives.computeIfAbsent(index, k -> new ArrayList<>()).add(msg);
    }

    private static String pointer(List<String> path) {
        StringBuilder b = new StringBuilder();
        for (String p : path) {
            b.append('/').append(p.replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    private static final class Msg {
        final String keyword;
        final String pointer;
        final List<String> props;
        final String text;
        List<String> instancePath = List.of();
        boolean attached;
        /** A combinator's failed alternatives by index (santhosh-tekuri's causes). */
        final Map<Integer, List<Msg>> alternatives = new TreeMap<>();

        Msg(String keyword, String pointer, List<String> props) {
            this(keyword, pointer, props, null);
        }

        Msg(String keyword, String pointer, List<String> props, String text) {
            this.keyword = keyword;
            this.pointer = pointer;
            this.props = props;
            this.text = text;
        }

        String text() {
            if (text != null) {
                return text;
            }
            List<String> q = new ArrayList<>();
            for (String p : props) {
                q.add(quote(p));
            }
            if (keyword.equals("required")) {
                return (props.size() == 1 ? "missing property " : "missing properties ") + String.join(", ", q);
            }
            return "additional properties " + String.join(", ", q) + " not allowed";
        }
    }

    private static final class Node {
        final String name;
        final List<Msg> own = new ArrayList<>();
        final Map<String, Node> children = new TreeMap<>();

        Node(String name) {
            this.name = name;
        }

        void add(List<String> path, int i, Msg m) {
            if (i == path.size()) {
                own.add(m);
                return;
            }
            children.computeIfAbsent(path.get(i), Node::new).add(path, i + 1, m);
        }

        int count() {
            int n = own.size();
            for (Node c : children.values()) {
                n += c.count();
            }
            return n;
        }

        List<Msg> all() {
            List<Msg> out = new ArrayList<>(own);
            for (Node c : children.values()) {
                out.addAll(c.all());
            }
            return out;
        }

        void print(StringBuilder sb, int depth) {
            for (Msg m : own) {
                line(sb, depth, m);
            }
            for (Node c : children.values()) {
                c.printAsChild(sb, depth);
            }
        }

        void printAsChild(StringBuilder sb, int depth) {
            if (count() == 1) {
                line(sb, depth, all().get(0));
                return;
            }
            String ptr = null;
            for (Msg m : all()) {
                ptr = ptr == null || m.pointer.length() < ptr.length() ? m.pointer : ptr;
            }
            // the pointer of this node: the shortest pointer reaching it
            line(sb, depth, nodePointer(ptr), "validation failed");
            print(sb, depth + 1);
        }

        private String nodePointer(String anyPtr) {
            int idx = anyPtr.indexOf("/" + name.replace("~", "~0").replace("/", "~1"));
            String seg = "/" + name.replace("~", "~0").replace("/", "~1");
            if (idx < 0) {
                return anyPtr;
            }
            int end = idx + seg.length();
            while (end <= anyPtr.length()) {
                if (end == anyPtr.length() || anyPtr.charAt(end) == '/') {
                    return anyPtr.substring(0, end);
                }
                idx = anyPtr.indexOf(seg, idx + 1);
                if (idx < 0) {
                    return anyPtr;
                }
                end = idx + seg.length();
            }
            return anyPtr;
        }
    }

    private static void line(StringBuilder sb, int depth, String pointer, String text) {
        sb.append("  ".repeat(depth)).append("- at '").append(pointer).append("': ").append(text).append('\n');
    }

    /** One error and its causes: an alternative with several failures is a "validation failed" group. */
    private static void line(StringBuilder sb, int depth, Msg m) {
        line(sb, depth, m.pointer, m.text());
        for (List<Msg> alt : m.alternatives.values()) {
            if (alt.size() == 1) {
                line(sb, depth + 1, alt.get(0));
            } else {
                line(sb, depth + 1, m.pointer, "validation failed");
                // the schema's own keywords (required, …) come before its properties' failures
                List<Msg> sorted = new ArrayList<>(alt);
                sorted.sort(java.util.Comparator.comparingInt(x -> x.instancePath.size()));
                for (Msg x : sorted) {
                    line(sb, depth + 2, x);
                }
            }
        }
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static String jsonText(JsonNode n) {
        if (n == null) {
            return "null";
        }
        if (n.isString()) {
            return quote(n.asString());
        }
        if (n.isNumber()) {
            return number(n);
        }
        return n.toString();
    }

    private static String number(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue().toString();
        }
        double d = n.asDouble();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new java.math.BigDecimal(n.asString()).stripTrailingZeros().toPlainString();
    }

    private static String typeName(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isString()) {
            return "string";
        }
        if (n.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String message(Error e) {
        String kw = e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode inst = e.getInstanceNode();
        JsonNode sch = e.getSchemaNode();
        JsonNode kv = sch != null && sch.isObject() && sch.has(kw) ? sch.get(kw) : sch;
        switch (kw) {
            case "type" -> {
                List<String> want = new ArrayList<>();
                if (kv != null && kv.isArray()) {
                    kv.forEach(x -> want.add(x.asString()));
                } else if (kv != null) {
                    want.add(kv.asString());
                }
                java.util.Collections.sort(want);
                return "got " + typeName(inst) + ", want " + String.join(" or ", want);
            }
            case "enum" -> {
                List<String> vals = new ArrayList<>();
                if (kv != null && kv.isArray()) {
                    kv.forEach(x -> vals.add(jsonText(x)));
                }
                return "value must be one of " + String.join(", ", vals);
            }
            case "const" -> {
                return "value must be " + jsonText(kv);
            }
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> {
                return kw + ": got " + number(inst) + ", want " + (kv == null ? "" : number(kv));
            }
            case "minLength", "maxLength" -> {
                String s = inst.asString();
                return kw + ": got " + s.codePointCount(0, s.length()) + ", want " + (kv == null ? "" : number(kv));
            }
            case "minItems", "maxItems" -> {
                return kw + ": got " + inst.size() + ", want " + (kv == null ? "" : number(kv));
            }
            case "minProperties", "maxProperties" -> {
                return kw + ": got " + inst.size() + ", want " + (kv == null ? "" : number(kv));
            }
            case "pattern" -> {
                return quote(inst.asString()) + " does not match pattern " + quote(kv == null ? "" : kv.asString());
            }
            case "uniqueItems" -> {
                for (int i = 0; i < inst.size(); i++) {
                    for (int j = i + 1; j < inst.size(); j++) {
                        if (inst.get(i).equals(inst.get(j))) {
                            return "items at " + i + " and " + j + " are equal";
                        }
                    }
                }
                return "items are not unique";
            }
            case "oneOf" -> {
                return "'oneOf' failed, none matched";
            }
            case "anyOf" -> {
                return "'anyOf' failed";
            }
            case "allOf" -> {
                return "'allOf' failed";
            }
            case "not" -> {
                return "'not' failed";
            }
            case "false" -> {
                return "false schema";
            }
            default -> {
                return e.getMessage();
            }
        }
    }

    private static JsonNode toNode(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), toNode(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            for (Object x : l) {
                a.add(toNode(x));
            }
            return a;
        }
        if (v instanceof String s) {
            return f.stringNode(s);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof GoInt g) {
            return f.numberNode(g.bits());
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
                return f.numberNode(d.longValue());
            }
            return f.numberNode(d);
        }
        if (v instanceof Number n) {
            return f.numberNode(n.longValue());
        }
        return f.stringNode(String.valueOf(v));
    }
}

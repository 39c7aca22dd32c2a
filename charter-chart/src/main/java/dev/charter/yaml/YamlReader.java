package dev.charter.yaml;

import dev.charter.yaml.GoYamlParser.E;
import dev.charter.yaml.GoYamlParser.Event;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads YAML the way Helm does through {@code sigs.k8s.io/yaml}: go-yaml v2's scanner and parser
 * ({@link GoYamlParser}, a port), its decoder into {@code interface{}} (YAML 1.1 resolution via
 * {@link GoYamlResolver}, timestamps kept as strings, v2's {@code <<} merge, last duplicate key
 * wins) and sigs.k8s.io's conversion to JSON (keys stringified, Inf/NaN rejected). Errors carry
 * go-yaml's texts and its {@code line N:} quirks.
 */
public final class YamlReader {

    private YamlReader() {
    }

    private static final String STR = "tag:yaml.org,2002:str";
    private static final String BINARY = "tag:yaml.org,2002:binary";
    private static final String PREFIX = "tag:yaml.org,2002:";

    /**
     * {@code yaml.Unmarshal} into {@code interface{}}: the first document only, as Map (String keys,
     * insertion order), List, String, Boolean, Long/BigInteger, Double or null. Empty input gives null.
     */
    public static Object parse(String yaml) {
        Object v = unmarshal(yaml);
        Object json = toJsonable(v);
        checkJson(json);
        return json;
    }

    /**
     * Every document of a stream as Helm's {@code LoadValues} reads them: split into documents by
     * {@code k8s.io/apimachinery}'s YAMLReader (lines starting with {@code ---}), each unmarshalled.
     */
    public static List<Object> parseAll(String yaml) {
        List<Object> docs = new ArrayList<>();
        for (String chunk : splitDocuments(yaml)) {
            docs.add(parse(chunk));
        }
        return docs;
    }

    /** A document separator line with content after it, as k8s.io's YAMLReader rejects it. */
    public static final class SeparatorException extends YamlException {
        public SeparatorException(String message) {
            super(message);
        }
    }

    /** k8s.io/apimachinery/pkg/util/yaml.YAMLReader: line based, CR LF folded to LF. */
    public static List<String> splitDocuments(String yaml) {
        List<String> out = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int i = 0;
        int n = yaml.length();
        while (i < n) {
            int nl = yaml.indexOf('\n', i);
            int end = nl < 0 ? n : nl;
            String line = yaml.substring(i, end);
            if (nl >= 0 && line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            i = nl < 0 ? n : nl + 1;
            if (line.startsWith("---")) {
                String trimmed = line.substring(3).strip();
                if (!trimmed.isEmpty() && trimmed.charAt(0) != '#') {
                    throw new SeparatorException("invalid Yaml document separator: " + trimmed);
                }
                if (!buffer.isEmpty()) {
                    out.add(buffer.toString());
                    buffer.setLength(0);
                    continue;
                }
            }
            buffer.append(line).append('\n');
        }
        if (!buffer.isEmpty()) {
            out.add(buffer.toString());
        }
        return out;
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

    // ------------------------------------------------------------------ go-yaml v2 decode.go

    private static final int DOC = 0;
    private static final int SCALAR = 1;
    private static final int SEQ = 2;
    private static final int MAP = 3;
    private static final int ALIAS = 4;

    private static final class Node {
        final int kind;
        String value;
        String tag;
        boolean implicit;
        final List<Node> children = new ArrayList<>();
        Node alias;

        Node(int kind) {
            this.kind = kind;
        }
    }

    private static final class Composer {
        final GoYamlParser parser;
        Event event;
        Map<String, Node> anchors;

        Composer(String text) {
            parser = new GoYamlParser(text);
        }

        E peek() {
            if (event == null) {
                event = next();
            }
            return event == null ? null : event.type;
        }

        Event next() {
            try {
                return parser.parse();
            } catch (GoYamlParser.Error e) {
                throw fail(e);
            }
        }

        void expect(E type) {
            if (event == null) {
                event = next();
            }
            if (event != null && event.type == E.STREAM_END) {
                throw new YamlException("yaml: attempted to go past the end of stream; corrupted value?");
            }
            event = null;
        }

        Node parse() {
            E t = peek();
            if (t == null) {
                return null;
            }
            return switch (t) {
                case SCALAR -> {
                    Node n = new Node(SCALAR);
                    n.value = event.value;
                    n.tag = event.tag;
                    n.implicit = event.implicit;
                    anchor(n, event.anchor);
                    expect(E.SCALAR);
                    yield n;
                }
                case ALIAS -> {
                    Node n = new Node(ALIAS);
                    n.value = event.anchor;
                    n.alias = anchors.get(n.value);
                    if (n.alias == null) {
                        throw new YamlException("yaml: unknown anchor '" + n.value + "' referenced");
                    }
                    expect(E.ALIAS);
                    yield n;
                }
                case MAPPING_START, SEQUENCE_START -> {
                    boolean map = t == E.MAPPING_START;
                    Node n = new Node(map ? MAP : SEQ);
                    anchor(n, event.anchor);
                    expect(t);
                    E end = map ? E.MAPPING_END : E.SEQUENCE_END;
                    while (peek() != end) {
                        n.children.add(parse());
                    }
                    expect(end);
                    yield n;
                }
                case DOCUMENT_START -> {
                    Node n = new Node(DOC);
                    anchors = new java.util.HashMap<>();
                    expect(E.DOCUMENT_START);
                    n.children.add(parse());
                    expect(E.DOCUMENT_END);
                    yield n;
                }
                case STREAM_END -> null;
                default -> throw new YamlException("yaml: attempted to parse unknown event: " + t);
            };
        }

        void anchor(Node n, String anchor) {
            if (anchor != null) {
                anchors.put(anchor, n);
            }
        }
    }

    /** decode.go's {@code (*parser).fail}: parser errors report the 0-based line, scanner errors 1-based. */
    private static YamlException fail(GoYamlParser.Error e) {
        int line = 0;
        if (e.problemMark != null && e.problemMark.line() != 0) {
            line = e.problemMark.line();
            if (e.scanner) {
                line++;
            }
        } else if (e.contextMark != null && e.contextMark.line() != 0) {
            line = e.contextMark.line();
        }
        String where = line != 0 ? "line " + line + ": " : "";
        String msg = e.problem == null || e.problem.isEmpty() ? "unknown problem parsing YAML content" : e.problem;
        return new YamlException("yaml: " + where + msg);
    }

    private static boolean allowedChar(int c) {
        return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** {@code yaml.Unmarshal(data, &interface{})} in go-yaml v2, before sigs.k8s.io's JSON step. */
    static Object unmarshal(String text) {
        if (text.isEmpty()) {
            text = "\n";
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (!text.codePoints().allMatch(YamlReader::allowedChar)) {
            throw new YamlException("yaml: control characters are not allowed");
        }
        Composer c = new Composer(text);
        c.expect(E.STREAM_START);
        Node n = c.parse();
        if (n == null) {
            return null;
        }
        return new Decoder().unmarshal(n);
    }

    private static final class Decoder {
        final IdentityHashMap<Node, Boolean> aliases = new IdentityHashMap<>();
        int decodeCount;
        int aliasCount;
        int aliasDepth;

        Object unmarshal(Node n) {
            decodeCount++;
            if (aliasDepth > 0) {
                aliasCount++;
            }
            if (aliasCount > 100 && decodeCount > 1000
                    && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
                throw new YamlException("yaml: document contains excessive aliasing");
            }
            return switch (n.kind) {
                case SCALAR -> scalar(n);
                case ALIAS -> alias(n);
                case DOC -> unmarshal(n.children.get(0));
                case SEQ -> {
                    List<Object> l = new ArrayList<>(n.children.size());
                    for (Node c : n.children) {
                        l.add(unmarshal(c));
                    }
                    yield l;
                }
                default -> {
                    Map<Object, Object> m = new LinkedHashMap<>();
                    mapping(n, m);
                    yield m;
                }
            };
        }

        static double allowedAliasRatio(int decodeCount) {
            if (decodeCount <= 400000) {
                return 0.99;
            }
            if (decodeCount >= 4000000) {
                return 0.10;
            }
            return 0.99 - 0.89 * ((double) (decodeCount - 400000) / 3600000);
        }

        Object alias(Node n) {
            if (aliases.containsKey(n)) {
                throw new YamlException("yaml: anchor '" + n.value + "' value contains itself");
            }
            aliases.put(n, Boolean.TRUE);
            aliasDepth++;
            Object v = unmarshal(n.alias);
            aliasDepth--;
            aliases.remove(n);
            return v;
        }

        void mapping(Node n, Map<Object, Object> out) {
            for (int i = 0; i + 1 < n.children.size(); i += 2) {
                Node k = n.children.get(i);
                if (k.kind == SCALAR && k.value.equals("<<") && (k.implicit || (PREFIX + "merge").equals(k.tag))) {
                    merge(n.children.get(i + 1), out);
                    continue;
                }
                Object key = unmarshal(k);
                if (key instanceof Map || key instanceof List) {
                    throw new YamlException("yaml: invalid map key: " + goSyntax(key));
                }
                out.put(key, unmarshal(n.children.get(i + 1)));
            }
        }

        void merge(Node n, Map<Object, Object> out) {
            switch (n.kind) {
                case MAP -> intoMap(n, out);
                case ALIAS -> {
                    if (n.alias != null && n.alias.kind != MAP) {
                        throw wantMap();
                    }
                    intoMap(n, out);
                }
                case SEQ -> {
                    for (int i = n.children.size() - 1; i >= 0; i--) {
                        Node c = n.children.get(i);
                        if (c.kind == ALIAS) {
                            if (c.alias != null && c.alias.kind != MAP) {
                                throw wantMap();
                            }
                        } else if (c.kind != MAP) {
                            throw wantMap();
                        }
                        intoMap(c, out);
                    }
                }
                default -> throw wantMap();
            }
        }

        /** {@code d.unmarshal(n, out)} with {@code out} an existing map: keys are set over it. */
        @SuppressWarnings("unchecked")
        void intoMap(Node n, Map<Object, Object> out) {
            Object v = unmarshal(n);
            if (v instanceof Map<?, ?> m) {
                out.putAll((Map<Object, Object>) m);
            }
        }

        static YamlException wantMap() {
            return new YamlException("yaml: map merge requires map or sequence of maps as the value");
        }

        Object scalar(Node n) {
            if (n.tag.isEmpty() && !n.implicit) {
                return n.value;
            }
            String tag = n.tag;
            if (tag.equals(BINARY)) {
                try {
                    return new String(Base64.getDecoder().decode(n.value), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new YamlException("yaml: !!binary value contains invalid base64 data");
                }
            }
            boolean resolvable = tag.isEmpty() || tag.equals(STR) || tag.equals(PREFIX + "bool")
                    || tag.equals(PREFIX + "null") || tag.equals(PREFIX + "int") || tag.equals(PREFIX + "float")
                    || tag.equals(PREFIX + "timestamp");
            if (!resolvable || tag.equals(STR)) {
                return n.value;
            }
            Object out = GoYamlResolver.resolve(n.value);
            if (out instanceof GoYamlResolver.Timestamp && !tag.isEmpty() && !tag.equals(PREFIX + "timestamp")) {
                // go-yaml only tries timestamps for untagged or !!timestamp scalars: otherwise it is a !!str
                out = n.value;
            }
            String rtag = out == null ? "null" : out instanceof Boolean ? "bool"
                    : out instanceof Long || out instanceof BigInteger ? "int" : out instanceof Double ? "float"
                    : out instanceof GoYamlResolver.Timestamp ? "timestamp" : out == GoYamlResolver.MERGE ? "merge" : "str";
            if (!tag.isEmpty() && !tag.equals(PREFIX + rtag)) {
                if (tag.equals(PREFIX + "float") && rtag.equals("int")) {
                    out = ((Number) out).doubleValue();
                } else {
                    throw new YamlException("yaml: cannot decode !!" + rtag + " `" + n.value + "` as a !!"
                            + tag.substring(PREFIX.length()));
                }
            }
            if (out instanceof GoYamlResolver.Timestamp || out == GoYamlResolver.MERGE) {
                return n.value;
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ sigs.k8s.io/yaml

    /** convertToJSONableObject: map keys become strings as sigs.k8s.io/yaml writes them. */
    private static Object toJsonable(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey();
                String key;
                if (k instanceof String s) {
                    key = s;
                } else if (k instanceof Long l) {
                    key = l.toString();
                } else if (k instanceof Double d) {
                    key = d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf") : GoFloat.format32(d);
                } else if (k instanceof Boolean bo) {
                    key = bo.toString();
                } else {
                    String type = k == null ? "%!s(<nil>)" : "uint64";
                    throw new YamlException("unsupported map key of type: " + type + ", key: " + goSyntax(k)
                            + ", value: " + goSyntax(e.getValue()));
                }
                out.put(key, toJsonable(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(toJsonable(o));
            }
            return out;
        }
        return v;
    }

    /** json.Marshal rejects infinities and NaN. */
    private static void checkJson(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new YamlException("json: unsupported value: " + (d.isNaN() ? "NaN" : d > 0 ? "+Inf" : "-Inf"));
        }
        if (v instanceof Map<?, ?> m) {
            // encoding/json writes object members in sorted key order
            for (Object x : new TreeMap<>(m).values()) {
                checkJson(x);
            }
        } else if (v instanceof List<?> l) {
            for (Object x : l) {
                checkJson(x);
            }
        }
    }

    /** Go's {@code %#v} for the values go-yaml v2 produces. */
    static String goSyntax(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String s) {
            return GoJson.quote(s);
        }
        if (v instanceof BigInteger b) {
            return "0x" + b.toString(16);
        }
        if (v instanceof Double d) {
            return GoFloat.format64(d);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(goSyntax(k) + ":" + goSyntax(x)));
            java.util.Collections.sort(parts);
            return "map[interface {}]interface {}{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(goSyntax(x)));
            return "[]interface {}{" + String.join(", ", parts) + "}";
        }
        return v.toString();
    }
}

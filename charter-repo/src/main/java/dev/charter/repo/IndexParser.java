package dev.charter.repo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads an index.yaml (or its JSON form) into plain maps, lists and scalars in one streaming pass
 * over SnakeYAML Engine's parser events: no node graph, no per-scalar type resolution beyond what
 * Helm's struct needs (plain {@code null}/{@code ~}/empty become null, YAML 1.1 booleans become
 * Boolean, every other scalar stays text — Go decodes them into string fields anyway).
 */
final class IndexParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "\u0001";

    private IndexParser() {
    }

    static Object parse(byte[] data) {
        if (looksLikeJson(data)) {
            try {
                return JSON.readValue(data, Object.class);
            } catch (IOException e) {
                // not valid JSON: Helm falls back to YAML
            }
        }
        String text = new String(data, StandardCharsets.UTF_8);
        if (!"false".equals(System.getProperty("charter.index.fast"))) {
            Object fast = FastIndexParser.parse(text);
            if (fast != null) {
                return fast;
            }
        }
        if (data.length >= PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1
                && !"false".equals(System.getProperty("charter.index.parallel"))) {
            Object parallel = parseInParallel(text);
            if (parallel != null) {
                return parallel;
            }
        }
        try {
            return parseYaml(text, false);
        } catch (RepoException e) {
            // marks (line numbers) cost time; only an error message needs them
            return parseYaml(text, true);
        }
    }

    private static final int PARALLEL_THRESHOLD = 4 << 20;

    /**
     * Big block-style indexes (what Helm and chart museums write) are split at chart boundaries
     * below {@code entries:} and the pieces parsed on several cores. Anything unusual (flow style,
     * anchors, other top-level layouts, any error) returns null and the whole text is parsed in one
     * pass, which also produces the error messages.
     */
    private static Object parseInParallel(String text) {
        int entries = text.startsWith("entries:\n") ? 0 : text.indexOf("\nentries:\n");
        if (entries < 0 || text.contains("<<:") || text.contains(": *") || text.contains("- *")) {
            return null;
        }
        int start = entries == 0 ? "entries:\n".length() : entries + "\nentries:\n".length();
        // the entries block ends at the next line starting in column 0
        int end = start;
        while (true) {
            int nl = text.indexOf('\n', end);
            if (nl < 0 || nl + 1 >= text.length()) {
                end = text.length();
                break;
            }
            char c = text.charAt(nl + 1);
            if (c != ' ' && c != '\n' && c != '#' && c != '-') {
                end = nl + 1;
                break;
            }
            end = nl + 1;
        }
        // chart keys are the lines indented by exactly two spaces
        int pieces = Math.min(8, Runtime.getRuntime().availableProcessors()) * 2;
        int target = Math.max(1, (end - start) / pieces);
        List<int[]> ranges = new ArrayList<>();
        int from = start;
        int cursor = start + target;
        while (cursor < end) {
            int nl = text.indexOf("\n  ", cursor);
            while (nl >= 0 && nl + 3 < end && (text.charAt(nl + 3) == ' ' || text.charAt(nl + 3) == '-' || text.charAt(nl + 3) == '#')) {
                nl = text.indexOf("\n  ", nl + 1);
            }
            if (nl < 0 || nl + 1 >= end) {
                break;
            }
            ranges.add(new int[] {from, nl + 1});
            from = nl + 1;
            cursor = from + target;
        }
        ranges.add(new int[] {from, end});
        if (ranges.size() < 2) {
            return null;
        }
        String rest = text.substring(0, entries == 0 ? 0 : entries + 1) + text.substring(end);
        try {
            List<java.util.concurrent.CompletableFuture<Object>> parts = new ArrayList<>();
            for (int[] r : ranges) {
                String piece = "entries:\n" + text.substring(r[0], r[1]);
                parts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> parseYaml(piece, false)));
            }
            Object head = parseYaml(rest.isBlank() ? "{}" : rest, false);
            if (!(head instanceof Map<?, ?> headMap) || headMap.containsKey("entries")) {
                return null;
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            for (java.util.concurrent.CompletableFuture<Object> f : parts) {
                if (!(f.join() instanceof Map<?, ?> m) || !(m.get("entries") instanceof Map<?, ?> es)) {
                    return null;
                }
                for (Map.Entry<?, ?> e : es.entrySet()) {
                    if (merged.put(e.getKey().toString(), e.getValue()) != null) {
                        return null; // a key split across pieces or duplicated: let the single pass decide
                    }
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = new LinkedHashMap<>((Map<String, Object>) headMap);
            result.put("entries", merged);
            return result;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object parseYaml(String text, boolean marks) {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setUseMarks(marks)
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .build();
        Deque<Object> stack = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        Map<String, Object> anchors = new HashMap<>();
        Object root = null;
        boolean done = false;
        final String NO_KEY = "\u0000";
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                Object value;
                boolean container = false;
                switch (event.getEventId()) {
                    case Scalar -> {
                        ScalarEvent s = (ScalarEvent) event;
                        value = scalar(s);
                    }
                    case MappingStart -> {
                        value = new LinkedHashMap<String, Object>();
                        container = true;
                    }
                    case SequenceStart -> {
                        value = new ArrayList<Object>();
                        container = true;
                    }
                    case Alias -> value = anchors.get(((AliasEvent) event).getAlias().getValue());
                    case MappingEnd, SequenceEnd -> {
                        stack.pop();
                        keys.pop();
                        continue;
                    }
                    case DocumentEnd -> {
                        done = root != null;
                        continue;
                    }
                    default -> {
                        continue;
                    }
                }
                if (done) {
                    continue; // only the first document counts
                }
                if (event instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
                    anchors.put(ne.getAnchor().get().getValue(), value);
                }
                if (stack.isEmpty()) {
                    root = value;
                } else {
                    Object parent = stack.peek();
                    if (parent instanceof List<?>) {
                        @SuppressWarnings("unchecked")
                        List<Object> l = (List<Object>) parent;
                        l.add(value);
                    } else {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) parent;
                        String pending = keys.pop();
                        if (pending.equals(NO_KEY)) {
                            // this value is a key
                            keys.push(value == null ? "null" : value.toString());
                            if (container) {
                                throw new RepoException("yaml: invalid map key");
                            }
                            continue;
                        }
                        if (pending.equals("<<") && value instanceof Map<?, ?> merge) {
                            merge.forEach((k, v) -> m.putIfAbsent(k.toString(), v));
                        } else {
                            m.put(pending, value);
                        }
                        keys.push(NO_KEY);
                    }
                }
                if (container) {
                    stack.push(value);
                    if (value instanceof Map<?, ?>) {
                        keys.push(NO_KEY);
                    } else {
                        keys.push(LIST); // one entry per open container
                    }
                }
            }
        } catch (MarkedYamlEngineException e) {
            String go = goYamlMessage(e);
            if (go != null) {
                throw new RepoException("error converting YAML to JSON: " + go, e);
            }
            // the chart engineers' reader words other SnakeYAML errors as go-yaml does
            try {
                dev.charter.yaml.YamlReader.parse(text);
            } catch (RuntimeException goStyle) {
                throw new RepoException("error converting YAML to JSON: " + goStyle.getMessage(), e);
            }
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new RepoException("error converting YAML to JSON: yaml: line " + line + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new RepoException("error converting YAML to JSON: yaml: " + e.getMessage());
        }
        return root;
    }

    /** go-yaml v2's wording and line numbering (parser errors 0-based, scanner errors 1-based) of common errors. */
    private static String goYamlMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        boolean scanner = e instanceof org.snakeyaml.engine.v2.exceptions.ScannerException;
        String text;
        if (problem.startsWith("expected the node content")) {
            text = "did not find expected node content";
        } else if (problem.startsWith("expected <block end>")) {
            text = context.contains("collection") || context.contains("sequence") ? "did not find expected '-' indicator"
                    : "did not find expected key";
        } else if (problem.startsWith("mapping values are not allowed")) {
            text = "mapping values are not allowed in this context";
        } else if (problem.startsWith("could not find expected ':'") || problem.startsWith("found character that cannot start any token")) {
            text = problem;
        } else {
            return null;
        }
        int line = e.getProblemMark().map(m -> m.getLine()).orElse(0) + (scanner ? 1 : 0);
        return "yaml: line " + line + ": " + text;
    }

    private static Object scalar(ScalarEvent s) {
        String v = s.getValue();
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            return v;
        }
        switch (v) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y":
                return Boolean.TRUE;
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N":
                return Boolean.FALSE;
            default:
                return v;
        }
    }

    private static boolean looksLikeJson(byte[] data) {
        for (byte b : data) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }
}

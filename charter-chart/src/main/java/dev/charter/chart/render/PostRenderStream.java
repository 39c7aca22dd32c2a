package dev.charter.chart.render;

import dev.charter.yaml.YamlException;
import dev.charter.yaml.YamlNode;
import dev.charter.yaml.YamlNodeReader;
import dev.charter.yaml.YamlNodeWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document stream a post-renderer sees and returns, as Helm v4's {@code annotateAndMerge} and
 * {@code splitAndDeannotate} build it with kustomize's kyaml: each rendered file's documents are
 * re-encoded by go-yaml v3 (so quoting, flow style and anchors survive but layout is normalised)
 * and carry a {@code postrenderer.helm.sh/postrender-filename} annotation; on the way back the
 * annotation groups documents into files again, unannotated ones becoming
 * {@code generated-by-postrender-N.yaml}. kyaml's reader/writer bookkeeping (index annotations
 * set and cleared, empty {@code annotations}/{@code metadata} dropped, a lone {@code List}
 * unwrapped) is reproduced because it shows in the output.
 */
public final class PostRenderStream {

    static final String FILENAME_ANNOTATION = "postrenderer.helm.sh/postrender-filename";
    private static final String INDEX = "internal.config.kubernetes.io/index";
    private static final String LEGACY_INDEX = "config.kubernetes.io/index";
    private static final Pattern SEPARATOR = Pattern.compile("\n---[^\n]*\n");

    private PostRenderStream() {
    }

    /** A failure of the stream handling, with kyaml's wording. */
    public static final class StreamException extends RuntimeException {
        StreamException(String message) {
            super(message, null, false, false);
        }
    }

    /** Helm's {@code annotateAndMerge}: files (sorted by name) into one annotated stream. */
    public static String merge(Map<String, String> files) {
        List<YamlNode> combined = new ArrayList<>();
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            String name = f.getKey();
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (base.startsWith("_") || f.getValue().strip().isEmpty()) {
                continue;
            }
            List<YamlNode> docs;
            try {
                docs = parseAll(fixDocSeparators(f.getValue()));
                for (YamlNode d : docs) {
                    setAnnotation(d, FILENAME_ANNOTATION, name);
                }
            } catch (StreamException e) {
                throw new StreamException("parsing " + name + ": " + e.getMessage());
            }
            combined.addAll(docs);
        }
        return stringAll(combined);
    }

    /** Helm's {@code splitAndDeannotate}: a post-rendered stream back into files. */
    public static Map<String, String> split(String postRendered) {
        List<YamlNode> docs;
        try {
            docs = parseAll(postRendered);
        } catch (StreamException e) {
            throw new StreamException("error parsing YAML: " + e.getMessage());
        }
        Map<String, List<YamlNode>> byName = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            YamlNode d = docs.get(i);
            if (!hasMeta(d)) {
                throw new StreamException("getting metadata: missing Resource metadata");
            }
            String name = annotation(d, FILENAME_ANNOTATION);
            if (name.isEmpty()) {
                name = "generated-by-postrender-" + i + ".yaml";
            }
            clearAnnotation(d, FILENAME_ANNOTATION);
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
        }
        Map<String, String> files = new LinkedHashMap<>();
        byName.forEach((name, list) -> files.put(name, stringAll(list)));
        return files;
    }

    /** Helm's {@code fixDocSeparators}: "---" run into content ({@code ---apiVersion}) gets its newline. */
    static String fixDocSeparators(String content) {
        StringBuilder b = new StringBuilder();
        String remaining = content;
        while (true) {
            int idx = remaining.indexOf("---");
            if (idx == -1) {
                b.append(remaining);
                break;
            }
            if (idx > 0 && remaining.charAt(idx - 1) != '\n') {
                b.append(remaining, 0, idx + 3);
                remaining = remaining.substring(idx + 3);
                continue;
            }
            b.append(remaining, 0, idx + 3);
            remaining = remaining.substring(idx + 3);
            if (!remaining.isEmpty()) {
                char c = remaining.charAt(0);
                if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    // ---- kyaml's kio.ByteReader / ByteWriter ----------------------------------------------------

    /** {@code kio.ParseAll}: documents split on "---" lines, each decoded and index-annotated. */
    static List<YamlNode> parseAll(String text) {
        List<String> chunks = splitDocuments(text.replace("\r\n", "\n"));
        List<YamlNode> out = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = i != chunks.size() - 1 ? chunks.get(i) + "\n" : chunks.get(i);
            YamlNode root;
            try {
                root = YamlNodeReader.readFirst(chunk);
            } catch (YamlException e) {
                throw new StreamException("MalformedYAMLError: " + e.getMessage());
            }
            if (root == null || root.isNull()) {
                continue;
            }
            setAnnotation(root, LEGACY_INDEX, Integer.toString(index));
            setAnnotation(root, INDEX, Integer.toString(index));
            String kind = scalarField(root, "kind");
            if (chunks.size() == 1 && (kind.equals("ResourceList") || kind.equals("List"))
                    && (root.field("items") != null || root.field("functionConfig") != null)) {
                YamlNode items = root.field("items");
                if (items != null) {
                    out.addAll(items.content());
                }
                continue;
            }
            out.add(root);
            index++;
        }
        return out;
    }

    private static List<String> splitDocuments(String s) {
        List<String> docs = new ArrayList<>();
        if (s.isEmpty()) {
            return docs;
        }
        Matcher m = SEPARATOR.matcher(s);
        int prev = 0;
        while (m.find()) {
            String separator = m.group();
            String after = separator.substring(4).strip();
            if (!after.isEmpty() && after.charAt(0) != '#') {
                throw new StreamException("invalid document separator: " + separator.strip());
            }
            docs.add(s.substring(prev, m.start()));
            prev = m.end();
        }
        docs.add(s.substring(prev));
        return docs;
    }

    /** {@code kio.StringAll}: reader annotations cleared, empty metadata dropped, go-yaml v3 encoding. */
    static String stringAll(List<YamlNode> nodes) {
        List<YamlNode> copies = new ArrayList<>();
        for (YamlNode n : nodes) {
            YamlNode c = n.copy();
            clearAnnotation(c, INDEX);
            clearAnnotation(c, LEGACY_INDEX);
            clearAnnotation(c, "internal.config.kubernetes.io/seqindent");
            clearEmptyAnnotations(c);
            copies.add(c);
        }
        return YamlNodeWriter.writeAll(copies);
    }

    // ---- kyaml's annotation filters ---------------------------------------------------------------

    /** {@code yaml.SetAnnotation}: a single-quoted value under metadata.annotations, created as needed. */
    static void setAnnotation(YamlNode root, String key, String value) {
        requireMapping(root);
        clearEmptyAnnotations(root);
        YamlNode metadata = child(root, "metadata");
        YamlNode annotations = child(metadata, "annotations");
        YamlNode v = YamlNode.scalar(value, YamlNode.Style.SINGLE_QUOTED);
        YamlNode existing = annotations.field(key);
        if (existing != null) {
            // kyaml's FieldSetter keeps the style of the value it replaces
            v.style(existing.style());
        }
        annotations.setField(key, v);
    }

    /** kyaml's {@code PathGetter} with {@code Create: MappingNode} for one step. */
    private static YamlNode child(YamlNode parent, String key) {
        YamlNode c = parent.field(key);
        if (c == null || c.isNull()) {
            if (c != null) {
                parent.removeField(key);
            }
            c = YamlNode.mapping(false);
            parent.setField(key, c);
        }
        requireMapping(c);
        return c;
    }

    static void clearAnnotation(YamlNode root, String key) {
        YamlNode metadata = root.field("metadata");
        if (metadata == null || metadata.kind() != YamlNode.Kind.MAPPING) {
            return;
        }
        YamlNode annotations = metadata.field("annotations");
        if (annotations == null || annotations.kind() != YamlNode.Kind.MAPPING) {
            return;
        }
        annotations.removeField(key);
    }

    /** {@code yaml.ClearEmptyAnnotations}: annotations, then metadata, removed when they hold nothing. */
    static void clearEmptyAnnotations(YamlNode root) {
        requireMapping(root);
        YamlNode metadata = root.field("metadata");
        if (metadata != null && !metadata.isNull()) {
            requireMapping(metadata);
            removeIfEmpty(metadata, "annotations");
        }
        removeIfEmpty(root, "metadata");
    }

    private static void removeIfEmpty(YamlNode map, String key) {
        YamlNode v = map.field(key);
        if (v != null && v.content().isEmpty()) {
            map.removeField(key);
        }
    }

    private static void requireMapping(YamlNode n) {
        if (n.kind() != YamlNode.Kind.MAPPING && !n.isNull()) {
            String kind = switch (n.kind()) {
                case SCALAR -> "ScalarNode";
                case SEQUENCE -> "SequenceNode";
                case ALIAS -> "AliasNode";
                case MAPPING -> "MappingNode";
            };
            throw new StreamException("wrong node kind: expected MappingNode but got " + kind + ": node contents:\n"
                    + YamlNodeWriter.writeAll(List.of(n)));
        }
    }

    /** kyaml's {@code GetMeta} finds something: apiVersion, kind or metadata present and non-empty. */
    private static boolean hasMeta(YamlNode root) {
        for (String f : List.of("apiVersion", "kind", "metadata")) {
            YamlNode v = root.field(f);
            if (v != null && !v.isNull() && !(v.kind() != YamlNode.Kind.SCALAR && v.content().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static String annotation(YamlNode root, String key) {
        YamlNode metadata = root.field("metadata");
        YamlNode annotations = metadata == null ? null : metadata.field("annotations");
        YamlNode v = annotations == null ? null : annotations.field(key);
        return v == null || v.kind() != YamlNode.Kind.SCALAR ? "" : v.value();
    }

    private static String scalarField(YamlNode root, String key) {
        YamlNode v = root.field(key);
        return v == null || v.kind() != YamlNode.Kind.SCALAR ? "" : v.value();
    }
}

package dev.charter.yaml;

import dev.charter.yaml.GoYamlParser.E;
import dev.charter.yaml.GoYamlParser.Event;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the first document of a YAML text into a {@link YamlNode} tree, as go-yaml v3's
 * {@code Decoder.Decode(&yaml.Node{})} does: styles, explicit tags and anchors are kept, aliases
 * stay aliases. The scanner and parser are {@link GoYamlParser}, whose language and error texts
 * are go-yaml's; errors are reported with v3's line rule (context mark first).
 */
public final class YamlNodeReader {

    private final GoYamlParser parser;
    private Event event;
    private final Set<String> anchors = new HashSet<>();

    private YamlNodeReader(String text) {
        parser = new GoYamlParser(text);
    }

    /**
     * The root node of the first document, or null when the text holds no document at all
     * (go-yaml's {@code io.EOF}). An empty document gives a null plain scalar.
     */
    public static YamlNode readFirst(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        YamlNodeReader r = new YamlNodeReader(text);
        r.expect(E.STREAM_START);
        if (r.peek() == E.STREAM_END) {
            return null;
        }
        r.expect(E.DOCUMENT_START);
        return r.node();
    }

    private E peek() {
        if (event == null) {
            event = next();
        }
        return event.type;
    }

    private Event take() {
        peek();
        Event e = event;
        event = null;
        return e;
    }

    private void expect(E type) {
        Event e = take();
        if (e.type != type) {
            throw new YamlException("yaml: expected " + type + " but got " + e.type);
        }
    }

    private Event next() {
        try {
            return parser.parse();
        } catch (GoYamlParser.Error e) {
            int line = 0;
            if (e.contextMark != null && e.contextMark.line() != 0) {
                line = e.contextMark.line() + (e.scanner ? 1 : 0);
            } else if (e.problemMark != null && e.problemMark.line() != 0) {
                line = e.problemMark.line() + (e.scanner ? 1 : 0);
            }
            String msg = e.problem == null || e.problem.isEmpty() ? "unknown problem parsing YAML content" : e.problem;
            throw new YamlException("yaml: " + (line != 0 ? "line " + line + ": " : "") + msg);
        }
    }

    private YamlNode node() {
        Event e = take();
        YamlNode n;
        switch (e.type) {
            case SCALAR -> {
                n = YamlNode.scalar(e.value, switch (e.style) {
                    case GoYamlParser.SINGLE -> YamlNode.Style.SINGLE_QUOTED;
                    case GoYamlParser.DOUBLE -> YamlNode.Style.DOUBLE_QUOTED;
                    case GoYamlParser.LITERAL -> YamlNode.Style.LITERAL;
                    case GoYamlParser.FOLDED -> YamlNode.Style.FOLDED;
                    default -> YamlNode.Style.PLAIN;
                });
                tagAndAnchor(n, e);
            }
            case ALIAS -> {
                if (!anchors.contains(e.anchor)) {
                    throw new YamlException("yaml: unknown anchor '" + e.anchor + "' referenced");
                }
                n = YamlNode.alias(e.anchor);
            }
            case MAPPING_START, SEQUENCE_START -> {
                boolean map = e.type == E.MAPPING_START;
                n = map ? YamlNode.mapping(e.flow) : YamlNode.sequence(e.flow);
                tagAndAnchor(n, e);
                E end = map ? E.MAPPING_END : E.SEQUENCE_END;
                while (peek() != end) {
                    n.content().add(node());
                }
                take();
            }
            default -> throw new YamlException("yaml: attempted to parse unknown event: " + e.type);
        }
        return n;
    }

    private void tagAndAnchor(YamlNode n, Event e) {
        if (e.tag != null && !e.tag.isEmpty() && !e.tag.equals("!")) {
            n.explicitTag(e.tag);
        }
        if (e.anchor != null) {
            n.anchor(e.anchor);
            anchors.add(e.anchor);
        }
    }
}

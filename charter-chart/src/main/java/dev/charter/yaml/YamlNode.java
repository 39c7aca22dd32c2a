package dev.charter.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML representation node as go-yaml v3's {@code yaml.Node} keeps it for round trips: kind,
 * presentation style, explicit tag, anchor and children, so that re-encoding writes the document
 * back the way it was written (quoting, block/flow, anchors). Comments are not kept.
 * Read with {@link YamlNodeReader}, written with {@link YamlNodeWriter}.
 */
public final class YamlNode {

    /** The node kinds of go-yaml v3 (documents are not modelled: a reader returns the root). */
    public enum Kind { SCALAR, MAPPING, SEQUENCE, ALIAS }

    /** Presentation styles; {@code FLOW} applies to collections, the rest to scalars. */
    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED, FLOW, BLOCK }

    private final Kind kind;
    private Style style;
    private String value;
    private String anchor;
    /** The tag as written in the source (full form), or null when it was implicit. */
    private String explicitTag;
    private final List<YamlNode> content = new ArrayList<>();

    private YamlNode(Kind kind, Style style, String value) {
        this.kind = kind;
        this.style = style;
        this.value = value;
    }

    public static YamlNode scalar(String value, Style style) {
        return new YamlNode(Kind.SCALAR, style, value);
    }

    public static YamlNode mapping(boolean flow) {
        return new YamlNode(Kind.MAPPING, flow ? Style.FLOW : Style.BLOCK, null);
    }

    public static YamlNode sequence(boolean flow) {
        return new YamlNode(Kind.SEQUENCE, flow ? Style.FLOW : Style.BLOCK, null);
    }

    /** An alias ({@code *name}). */
    public static YamlNode alias(String anchorName) {
        return new YamlNode(Kind.ALIAS, Style.PLAIN, anchorName);
    }

    public Kind kind() {
        return kind;
    }

    public Style style() {
        return style;
    }

    public void style(Style s) {
        style = s;
    }

    /** A scalar's text, or an alias's anchor name. */
    public String value() {
        return value;
    }

    public String anchor() {
        return anchor;
    }

    public void anchor(String a) {
        anchor = a;
    }

    public String explicitTag() {
        return explicitTag;
    }

    public void explicitTag(String tag) {
        explicitTag = tag;
    }

    /** Children: items of a sequence, alternating keys and values of a mapping. Mutable. */
    public List<YamlNode> content() {
        return content;
    }

    /** A plain scalar that reads as null (or an explicit {@code !!null}). */
    public boolean isNull() {
        if (kind != Kind.SCALAR) {
            return false;
        }
        if (explicitTag != null) {
            return explicitTag.equals("tag:yaml.org,2002:null");
        }
        return style == Style.PLAIN
                && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null") || value.equals("NULL"));
    }

    /** A mapping's value for {@code key}, or null. */
    public YamlNode field(String key) {
        if (kind != Kind.MAPPING) {
            return null;
        }
        for (int i = 0; i + 1 < content.size(); i += 2) {
            if (content.get(i).value != null && content.get(i).value.equals(key)) {
                return content.get(i + 1);
            }
        }
        return null;
    }

    /** Removes a mapping's {@code key} (the first match) and returns its value, or null. */
    public YamlNode removeField(String key) {
        for (int i = 0; i + 1 < content.size(); i += 2) {
            if (content.get(i).value != null && content.get(i).value.equals(key)) {
                YamlNode v = content.get(i + 1);
                content.remove(i + 1);
                content.remove(i);
                return v;
            }
        }
        return null;
    }

    /** Sets {@code key}: a present key's value node is replaced in place, a missing one is appended. */
    public void setField(String key, YamlNode v) {
        for (int i = 0; i + 1 < content.size(); i += 2) {
            if (content.get(i).value != null && content.get(i).value.equals(key)) {
                content.set(i + 1, v);
                return;
            }
        }
        content.add(scalar(key, Style.PLAIN));
        content.add(v);
    }

    /** A deep copy (aliases keep their anchor name). */
    public YamlNode copy() {
        YamlNode n = new YamlNode(kind, style, value);
        n.anchor = anchor;
        n.explicitTag = explicitTag;
        for (YamlNode c : content) {
            n.content.add(c.copy());
        }
        return n;
    }
}

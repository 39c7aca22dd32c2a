package dev.charter.template.parse;

import dev.charter.template.text.Strconv;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's parse tree nodes. Each node knows its byte position and the {@link Source} it came from, so
 * execution errors can report {@code name:line:col} against the text of the right parse, and
 * renders itself as Go's {@code String()} does, because that text appears in error messages.
 */
public sealed interface Node {
    int pos();

    Source src();

    void writeTo(StringBuilder sb);

    default String text() {
        StringBuilder sb = new StringBuilder();
        writeTo(sb);
        return sb.toString();
    }

    record ListNode(int pos, Source src, List<Node> nodes) implements Node {
        public ListNode(int pos, Source src) {
            this(pos, src, new ArrayList<>());
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (Node n : nodes) {
                n.writeTo(sb);
            }
        }
    }

    record TextNode(int pos, Source src, String content) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(content);
        }
    }

    record CommentNode(int pos, Source src, String content) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{").append(content).append("}}");
        }
    }

    /** A pipeline; {@code isAssign} is set while parsing, hence a class. */
    final class PipeNode implements Node {
        private final int pos;
        private final Source src;
        public final int line;
        public boolean isAssign;
        public final List<VariableNode> decl = new ArrayList<>();
        public final List<CommandNode> cmds = new ArrayList<>();

        PipeNode(int pos, Source src, int line) {
            this.pos = pos;
            this.src = src;
            this.line = line;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public Source src() {
            return src;
        }

        @Override
        public void writeTo(StringBuilder sb) {
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    decl.get(i).writeTo(sb);
                }
                sb.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                cmds.get(i).writeTo(sb);
            }
        }

        @Override
        public String toString() {
            return text();
        }
    }

    record ActionNode(int pos, Source src, int line, PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{");
            pipe.writeTo(sb);
            sb.append("}}");
        }
    }

    record CommandNode(int pos, Source src, List<Node> args) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                Node arg = args.get(i);
                if (arg instanceof PipeNode p) {
                    sb.append('(');
                    p.writeTo(sb);
                    sb.append(')');
                    continue;
                }
                arg.writeTo(sb);
            }
        }
    }

    record IdentifierNode(int pos, Source src, String ident) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(ident);
        }
    }

    record VariableNode(int pos, Source src, List<String> ident) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(String.join(".", ident));
        }
    }

    record DotNode(int pos, Source src) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append('.');
        }
    }

    record NilNode(int pos, Source src) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("nil");
        }
    }

    record FieldNode(int pos, Source src, List<String> ident) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            for (String id : ident) {
                sb.append('.').append(id);
            }
        }
    }

    record ChainNode(int pos, Source src, Node node, List<String> field) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            if (node instanceof PipeNode) {
                sb.append('(');
                node.writeTo(sb);
                sb.append(')');
            } else {
                node.writeTo(sb);
            }
            for (String f : field) {
                sb.append('.').append(f);
            }
        }
    }

    record BoolNode(int pos, Source src, boolean value) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(value ? "true" : "false");
        }
    }

    /** A numeric constant with every interpretation Go's parser allows for it. */
    record NumberNode(int pos, Source src, String literal, boolean isInt, boolean isUint, boolean isFloat,
                      boolean isComplex, long int64, long uint64, double float64, double re, double im)
            implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(literal);
        }
    }

    record StringNode(int pos, Source src, String quoted, String value) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(quoted);
        }
    }

    record EndNode(int pos, Source src) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{end}}");
        }
    }

    record ElseNode(int pos, Source src, int line) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{else}}");
        }
    }

    /** The three branch kinds share Go's BranchNode layout. */
    enum BranchKind { IF, RANGE, WITH }

    record BranchNode(BranchKind kind, int pos, Source src, int line, PipeNode pipe, ListNode list,
                      ListNode elseList) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{").append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
            pipe.writeTo(sb);
            sb.append("}}");
            list.writeTo(sb);
            if (elseList != null) {
                sb.append("{{else}}");
                elseList.writeTo(sb);
            }
            sb.append("{{end}}");
        }
    }

    record BreakNode(int pos, Source src, int line) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{break}}");
        }
    }

    record ContinueNode(int pos, Source src, int line) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{continue}}");
        }
    }

    record TemplateNode(int pos, Source src, int line, String name, PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{template ").append(Strconv.quote(name));
            if (pipe != null) {
                sb.append(' ');
                pipe.writeTo(sb);
            }
            sb.append("}}");
        }
    }
}

package dev.charter.chart.jsonpath;

import java.util.List;

/** The syntax tree of a JSONPath template, client-go's node set. */
sealed interface JsonPathNode {

    /** A sequence: the whole template, one {@code {…}} action, or a filter/union operand. */
    record ListNode(List<JsonPathNode> nodes) implements JsonPathNode {
    }

    record Text(String text) implements JsonPathNode {
    }

    record Field(String name) implements JsonPathNode {
    }

    /** One slice bound: given or not; {@code derived} marks the end made from {@code [i]}. */
    record Param(int value, boolean known, boolean derived) {
    }

    record Array(Param[] params) implements JsonPathNode {
    }

    record Filter(ListNode left, ListNode right, String operator) implements JsonPathNode {
    }

    record Int(long value) implements JsonPathNode {
    }

    record Float(double value) implements JsonPathNode {
    }

    record Bool(boolean value) implements JsonPathNode {
    }

    record Wildcard() implements JsonPathNode {
    }

    record Recursive() implements JsonPathNode {
    }

    record Union(List<ListNode> alternatives) implements JsonPathNode {
    }

    /** {@code range} and {@code end}. */
    record Identifier(String name) implements JsonPathNode {
    }
}

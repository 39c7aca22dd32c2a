package dev.charter.chart.jsonpath;

/**
 * Filter comparisons with the rules of client-go's forked {@code text/template} functions: only
 * values of one basic kind compare (bool, integer, float, string; integers never equal floats).
 * (Newer client-go forks add {@code =~}; the one Helm v4 links does not.)
 */
final class Compare {

    private Compare() {
    }

    private enum Kind { BOOL, INT, FLOAT, STRING }

    private static Kind kind(Object v) {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Double || v instanceof java.lang.Float || v instanceof java.math.BigDecimal) {
            return Kind.FLOAT;
        }
        if (v instanceof Number) {
            return Kind.INT;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        throw new JsonPathException("invalid type for comparison");
    }

    static boolean passes(String operator, Object left, Object right) {
        Kind k1 = kind(left);
        Kind k2 = kind(right);
        if (k1 != k2) {
            throw new JsonPathException("incompatible types for comparison");
        }
        int c = switch (k1) {
            case BOOL -> {
                if (!operator.equals("==") && !operator.equals("!=")) {
                    throw new JsonPathException("invalid type for comparison");
                }
                yield left.equals(right) ? 0 : 1;
            }
            case INT -> Long.compare(((Number) left).longValue(), ((Number) right).longValue());
            case FLOAT -> Double.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
            case STRING -> ((String) left).compareTo((String) right);
        };
        return switch (operator) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            default -> throw new JsonPathException("unrecognized filter operator " + operator);
        };
    }
}

package dev.charter.cli.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The RESOURCES section of {@code status}: server-side {@code meta.k8s.io/v1} Tables printed as kubectl's
 * HumanReadablePrinter does (one tabwriter per object, a header whenever the column set changes,
 * priority-0 columns only). Helm iterates a Go map, so its section order is random; Charter sorts.
 */
final class ResourceTables {

    private ResourceTables() {
    }

    static String render(Map<String, List<Object>> resources) {
        StringBuilder buf = new StringBuilder();
        Printer printer = new Printer();
        for (Map.Entry<String, List<Object>> e : new TreeMap<>(resources).entrySet()) {
            buf.append("==> ").append(e.getKey()).append('\n');
            for (Object o : e.getValue()) {
                if (o instanceof Map<?, ?> table && "Table".equals(table.get("kind"))) {
                    printer.print(table, buf);
                } else {
                    buf.append("failed to print object type ").append(e.getKey()).append(": not a table\n");
                }
            }
            buf.append('\n');
        }
        return buf.toString();
    }

    /** kubectl's HumanReadablePrinter state: the last column definitions and whether headers were printed. */
    private static final class Printer {
        private Object lastColumns;
        private boolean printedHeaders;

        void print(Map<?, ?> table, StringBuilder out) {
            List<?> cols = table.get("columnDefinitions") instanceof List<?> l ? l : List.of();
            List<?> rows = table.get("rows") instanceof List<?> l ? l : List.of();
            boolean noHeaders = printedHeaders && (cols.isEmpty() || cols.equals(lastColumns));
            if (cols.isEmpty()) {
                cols = lastColumns instanceof List<?> l ? l : List.of();
            } else if (!cols.equals(lastColumns)) {
                lastColumns = cols;
                printedHeaders = false;
            }
            if (!rows.isEmpty()) printedHeaders = true;
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                Object p = ((Map<?, ?>) cols.get(i)).get("priority");
                if (!(p instanceof Number n) || n.intValue() == 0) shown.add(i);
            }
            List<List<String>> lines = new ArrayList<>();
            if (!noHeaders) {
                List<String> h = new ArrayList<>();
                for (int i : shown) h.add(String.valueOf(((Map<?, ?>) cols.get(i)).get("name")).toUpperCase(Locale.ROOT));
                lines.add(h);
            }
            for (Object r : rows) {
                List<?> cells = ((Map<?, ?>) r).get("cells") instanceof List<?> c ? c : List.of();
                List<String> line = new ArrayList<>();
                for (int i : shown) {
                    if (i >= cells.size()) break;
                    line.add(cell(cells.get(i)));
                }
                lines.add(line);
            }
            out.append(tabwrite(lines));
        }

        private static String cell(Object v) {
            if (v == null) return "";
            if (v instanceof String s) {
                int brk = -1;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\f' || c == '\n' || c == '\r') {
                        brk = i;
                        break;
                    }
                }
                return brk >= 0 ? s.substring(0, brk) + "..." : s;
            }
            if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return String.valueOf(d.longValue());
            if (v instanceof Boolean || v instanceof Number) return String.valueOf(v);
            return String.valueOf(v);
        }

        /** Go's tabwriter (minwidth 6, padding 3, spaces): every cell but the last of a line is a column cell. */
        private static String tabwrite(List<List<String>> lines) {
            int maxCols = 0;
            for (List<String> l : lines) maxCols = Math.max(maxCols, l.size() - 1);
            int[] width = new int[Math.max(maxCols, 0)];
            for (List<String> l : lines) {
                for (int i = 0; i < l.size() - 1; i++) width[i] = Math.max(width[i], l.get(i).length() + 3);
            }
            for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], 6);
            StringBuilder b = new StringBuilder();
            for (List<String> l : lines) {
                for (int i = 0; i < l.size(); i++) {
                    String c = l.get(i);
                    b.append(c);
                    if (i < l.size() - 1) b.append(" ".repeat(width[i] - c.length()));
                }
                b.append('\n');
            }
            return b.toString();
        }
    }
}

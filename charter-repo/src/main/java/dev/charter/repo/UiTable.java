package dev.charter.repo;

import java.util.ArrayList;
import java.util.List;

/**
 * gosuri/uitable as Helm uses it: every cell padded to its column's width (the last one too),
 * columns joined by a tab, cells wider than {@code maxColWidth} cut with {@code ...}.
 */
public final class UiTable {

    private final int maxColWidth;
    private final List<String[]> rows = new ArrayList<>();

    public UiTable(int maxColWidth) {
        this.maxColWidth = maxColWidth;
    }

    public UiTable addRow(String... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = truncate(cells[i] == null ? "" : cells[i]);
        }
        rows.add(row);
        return this;
    }

    private String truncate(String s) {
        if (maxColWidth <= 0 || s.codePointCount(0, s.length()) <= maxColWidth) {
            return s;
        }
        int keep = Math.max(0, maxColWidth - 3);
        return s.substring(0, s.offsetByCodePoints(0, keep)) + "...";
    }

    /** The rows joined by newlines, without a trailing newline. */
    @Override
    public String toString() {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append('\t');
                }
                b.append(row[i]);
                b.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length())));
            }
            if (r + 1 < rows.size()) {
                b.append('\n');
            }
        }
        return b.toString();
    }
}

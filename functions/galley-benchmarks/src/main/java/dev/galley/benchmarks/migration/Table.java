package dev.galley.benchmarks.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows under a header, printed as aligned plain text or as a Markdown table. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    String text() {
        int[] widths = new int[header.size()];
        for (List<String> row : withHeader()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : withHeader()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(header));
        out.append(markdownRow(header.stream().map(cell -> "---").toList()));
        rows.forEach(row -> out.append(markdownRow(row)));
        return out.toString();
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    /** Pipes are escaped (GitHub's tables want that even in code spans), so a cell cannot break the table. */
    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|").replace("\n", " ")).toList()) + " |\n";
    }
}

package org.truce.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of {@code bench --compare}: each case with its N, Truce's figure, SQLite's and
 * PostgreSQL's (or why one was skipped), the ratio and whether the goal was met; printed as one table
 * at the end. Not thread-safe.
 */
final class CompareTable {
    /** One line of the table; figures are already formatted, "—" where a column does not apply. */
    record Row(String what, String n, String truce, String sqlite, String postgres, String ratio, String goal) {}

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        System.out.printf("  %s | N %s | Truce %s | SQLite %s | PostgreSQL %s | %s | %s%n", row.what(), row.n(), row.truce(),
                row.sqlite(), row.postgres(), row.ratio(), row.goal());
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Prints the table in Markdown, so that it can be pasted into the README as it is. */
    void print() {
        System.out.println();
        System.out.println("| case | N | Truce (in process) | SQLite (JDBC) | PostgreSQL (JDBC) | ratio | goal |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", r.what(), r.n(), r.truce(), r.sqlite(), r.postgres(), r.ratio(), r.goal());
        }
    }

    /** Median, min and max of repeated measurements. */
    record Stats(double median, double min, double max) {
        static Stats of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            return new Stats(v[v.length / 2], v[0], v[v.length - 1]);
        }

        String format(String unitFormat) {
            return String.format(unitFormat, median) + " (" + String.format(unitFormat, min) + "–" + String.format(unitFormat, max) + ")";
        }
    }
}

package org.truce.web.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the desk's import page shows of an upload's answer ({@code POST /api/v1/imports}'s JSON): one
 * column per field found in the sheet, with its letter; every row with its number, status, the value
 * of each cell and the errors beside the cell they are of (errors of no column beside the row); the
 * counts; and the file, carried in the page so that the commit needs no second upload. Immutable.
 *
 * @param content the uploaded file, base64, or null when the page offers no commit
 * @param options the options and file-wide values the upload was checked with, carried to the commit
 */
public record ImportView(List<Column> columns, List<Row> rows, Map<String, Integer> counts, boolean committed,
                         boolean dryRun, String content, String fileName, Map<String, String> options) {
    /** A column of the sheet: the field it holds and its letter (or "(file)" for a value of the whole file). */
    public record Column(String field, String letter) {}

    /** A row: its number as the spreadsheet shows it, its status, its cells (in {@link #columns} order), its other errors. */
    public record Row(int number, String status, List<Cell> cells, List<String> errors) {
        public boolean bad() {
            return status.equals("error");
        }
    }

    /** A cell's value as read, and the errors of its field. */
    public record Cell(String value, List<String> errors) {
        public boolean bad() {
            return !errors.isEmpty();
        }
    }

    public ImportView {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        counts = Map.copyOf(counts);
        options = Map.copyOf(options);
    }

    /** Whether the page offers to record the file: a dry run without errors and something new. */
    public boolean committable() {
        return dryRun && content != null && counts.getOrDefault("error", 0) == 0
                && counts.getOrDefault("new", 0) + counts.getOrDefault("correction", 0) > 0;
    }

    public int toRecord() {
        return counts.getOrDefault("new", 0) + counts.getOrDefault("correction", 0);
    }

    /** The view of an answer. */
    public static ImportView of(JsonNode answer, String content, String fileName, Map<String, String> options) {
        List<Column> columns = new ArrayList<>();
        answer.path("file").path("columns").properties().forEach(e -> columns.add(new Column(e.getKey(), e.getValue().asText())));
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : answer.path("rows")) {
            Map<String, List<String>> byField = new LinkedHashMap<>();
            List<String> other = new ArrayList<>();
            for (JsonNode e : r.path("errors")) {
                String field = e.path("field").isTextual() ? e.path("field").asText() : null;
                boolean shown = field != null && columns.stream().anyMatch(c -> c.field().equals(field));
                if (shown) byField.computeIfAbsent(field, k -> new ArrayList<>()).add(e.path("detail").asText());
                else other.add((field == null ? "" : field + ": ") + e.path("detail").asText());
            }
            List<Cell> cells = new ArrayList<>();
            for (Column c : columns) {
                JsonNode v = r.path("values").path(c.field());
                cells.add(new Cell(v.isMissingNode() || v.isNull() ? "" : v.asText(), byField.getOrDefault(c.field(), List.of())));
            }
            if (r.has("note")) other.add(0, r.get("note").asText());
            rows.add(new Row(r.path("row").asInt(), r.path("status").asText(), cells, other));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        answer.path("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return new ImportView(columns, rows, counts, answer.path("committed").asBoolean(), answer.path("dryRun").asBoolean(),
                content, fileName, options);
    }
}

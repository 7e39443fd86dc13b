package org.truce.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a sheet holds which field of a report, and where its data starts. Found from, in
 * this order: a saved mapping (field to header text or column letter), an HXL tag row (the first
 * non-blank row, or the row under the header row, as Truce's own CSV exports write it), the header
 * words of {@link Headers} in the five languages. Columns that name nothing are listed as ignored.
 * Immutable.
 *
 * @param columns   field to 0-based column index, in column order
 * @param headerRow the index in {@link Sheet#rows()} of the header row, or -1 when the sheet has tags only
 * @param firstData the index in {@link Sheet#rows()} of the first data row
 * @param language  the language the headers are in, or null when they do not tell
 * @param how       "saved", "hxl" or "headers": what the mapping mostly came from
 * @param ignored   the headers (or tags) of the columns no field was found for, with their letters
 */
public record ColumnMapping(Map<String, Integer> columns, int headerRow, int firstData, String language, String how,
                            List<String> ignored) {
    public ColumnMapping {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        ignored = List.copyOf(ignored);
    }

    /** A column of the sheet: its letter, its header (or tag) as written, and the field found for it (null: none). */
    public record Found(String letter, String header, String field) {}

    /** Every column of the sheet's header (or tag) row, with the field found for each, in column order. */
    public List<Found> found(Sheet sheet) {
        int head = headerRow >= 0 ? headerRow : firstData - 1;
        if (head < 0 || head >= sheet.rows().size()) return List.of();
        Map<Integer, String> fields = new LinkedHashMap<>();
        columns.forEach((field, c) -> fields.put(c, field));
        int width = sheet.rows().get(head).cells().size();
        for (int c : columns.values()) width = Math.max(width, c + 1);
        List<Found> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String text = sheet.rows().get(head).cell(c).text().strip();
            if (text.isEmpty() && !fields.containsKey(c)) continue;
            out.add(new Found(Sheet.letter(c), text, fields.get(c)));
        }
        return out;
    }

    /** The letter of the column that holds {@code field}, or null when none does. */
    public String letter(String field) {
        Integer c = columns.get(field);
        return c == null ? null : Sheet.letter(c);
    }

    /**
     * @param saved a saved mapping (field to header text or column letter), or null
     * @throws Unreadable when the sheet is empty, the saved mapping names no column, or two columns name one field
     */
    public static ColumnMapping detect(Sheet sheet, Map<String, String> saved, Headers headers) {
        List<Sheet.Row> rows = sheet.rows();
        int h = 0;
        while (h < rows.size() && rows.get(h).blank()) h++;
        if (h == rows.size()) throw new Unreadable("file", "the sheet has no rows");
        int header = h;
        int tags = -1;
        if (tagRow(rows.get(h))) {
            header = -1;
            tags = h;
        } else if (h + 1 < rows.size() && tagRow(rows.get(h + 1))) {
            tags = h + 1;
        }
        int data = Math.max(header, tags) + 1;
        int width = 0;
        for (int i = h; i < data; i++) width = Math.max(width, rows.get(i).cells().size());
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<Integer, String> taken = new LinkedHashMap<>();
        if (saved != null) {
            for (var e : saved.entrySet()) {
                int c = savedColumn(rows, header, e.getKey(), e.getValue());
                put(columns, taken, e.getKey(), c);
            }
        }
        List<String> ignored = new ArrayList<>();
        List<String> headerTexts = new ArrayList<>();
        int byTag = 0;
        for (int c = 0; c < width; c++) {
            String head = header < 0 ? "" : rows.get(header).cell(c).text().trim();
            String tag = tags < 0 ? "" : rows.get(tags).cell(c).text().trim();
            if (!head.isEmpty()) headerTexts.add(head);
            if (taken.containsKey(c)) continue;
            Optional<String> field = tag.isEmpty() ? Optional.empty() : HxlTags.field(tag);
            if (field.isPresent()) byTag++;
            if (field.isEmpty() && tag.isEmpty() && !head.isEmpty()) field = headers.match(head).map(Headers.Match::field);
            if (field.isEmpty()) {
                if (!head.isEmpty() || !tag.isEmpty()) ignored.add(Sheet.letter(c) + ": " + (head.isEmpty() ? tag : head));
                continue;
            }
            if (saved != null && saved.containsKey(field.get())) continue;
            put(columns, taken, field.get(), c);
        }
        String how = saved != null && !saved.isEmpty() ? "saved" : byTag > 0 ? "hxl" : "headers";
        return new ColumnMapping(columns, header, data, headers.language(headerTexts), how, ignored);
    }

    private static void put(Map<String, Integer> columns, Map<Integer, String> taken, String field, int c) {
        Integer other = columns.putIfAbsent(field, c);
        if (other != null && other != c) {
            throw new Unreadable("columns", "columns " + Sheet.letter(other) + " and " + Sheet.letter(c) + " both name "
                    + field + "; keep one, or rename the other");
        }
        taken.put(c, field);
    }

    private static int savedColumn(List<Sheet.Row> rows, int header, String field, String column) {
        if (header >= 0) {
            Sheet.Row head = rows.get(header);
            for (int c = 0; c < head.cells().size(); c++) {
                if (Words.normal(head.cell(c).text()).equals(Words.normal(column))) return c;
            }
        }
        int byLetter = Sheet.index(column.trim());
        if (byLetter >= 0) return byLetter;
        throw new Unreadable("mapping", "maps " + field + " to \"" + column + "\", which is no header of this sheet nor a column letter");
    }

    private static boolean tagRow(Sheet.Row row) {
        int cells = 0;
        int tagged = 0;
        for (Sheet.Cell c : row.cells()) {
            if (c.blank()) continue;
            cells++;
            if (HxlTags.isTag(c.text())) tagged++;
        }
        return tagged > 0 && tagged * 2 >= cells;
    }
}

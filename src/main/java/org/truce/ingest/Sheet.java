package org.truce.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The cells of one spreadsheet as its author sees them: rows numbered from 1 as the spreadsheet shows
 * them (blank rows keep their number), columns named by letter (A, B, ... Z, AA). A cell keeps its
 * text; an XLSX cell also keeps what Excel stored (a number, or a date for a date-formatted cell), so
 * nothing is re-read from a rendering. Immutable.
 *
 * @param format    "csv" or "xlsx"
 * @param charset   the character set a CSV was read in (null for XLSX)
 * @param delimiter the delimiter a CSV was split on (null for XLSX)
 */
public record Sheet(String format, String charset, String delimiter, List<Row> rows) {
    public Sheet {
        rows = List.copyOf(rows);
    }

    /** One row: its number in the spreadsheet and its cells from column A. */
    public record Row(int number, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell in column {@code index} (0 for A); a blank cell past the row's end. */
        public Cell cell(int index) {
            return index < cells.size() ? cells.get(index) : Cell.BLANK;
        }

        public boolean blank() {
            return cells.stream().allMatch(Cell::blank);
        }
    }

    /**
     * One cell: its text, and for an XLSX cell the number or date Excel stored (else null).
     */
    public record Cell(String text, BigDecimal number, LocalDate date) {
        public static final Cell BLANK = new Cell("", null, null);

        public static Cell text(String text) {
            return new Cell(text == null ? "" : text, null, null);
        }

        public boolean blank() {
            return number == null && date == null && text.isBlank();
        }
    }

    /** The spreadsheet's letter of column {@code index} (0 is A, 26 is AA). */
    public static String letter(int index) {
        if (index < 0) throw new IllegalArgumentException("a column index must not be negative");
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) s.insert(0, (char) ('A' + (n - 1) % 26));
        return s.toString();
    }

    /** The index of column letter {@code letters} (A is 0), or -1 if it is not a column letter. */
    public static int index(String letters) {
        if (letters == null || !letters.matches("[A-Za-z]{1,3}")) return -1;
        int n = 0;
        for (char c : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) n = n * 26 + (c - 'A' + 1);
        return n - 1;
    }
}

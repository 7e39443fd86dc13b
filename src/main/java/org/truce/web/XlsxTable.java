package org.truce.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.truce.incidents.Csv;

/**
 * An {@link ExportTable} as an Office Open XML workbook (Apache POI, streaming: a window of rows in
 * memory, the rest in a temporary file): one sheet, a header row, the HXL hashtag row as the second
 * row (as HXL places it), then the rows. Numbers are numeric cells, dates and instants (UTC) date
 * cells with a date format, booleans boolean cells; a cell whose text does not read as its type is
 * kept as text. Text cells get the formula guard of {@link Csv#defused}. Stateless.
 */
final class XlsxTable {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Excel's limit on the characters of a cell. */
    static final int MAX_CELL = 32_767;
    static final String CUT = " [cut: the CSV holds the whole text]";

    private XlsxTable() {}

    static void write(ExportTable table, List<List<String>> rows, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle instant = book.createCellStyle();
            instant.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Sheet sheet = book.createSheet(table.file());
            text(sheet.createRow(0), table.names());
            text(sheet.createRow(1), table.tags());
            int r = 2;
            for (List<String> cells : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    String v = cells.get(i);
                    if (v != null) put(row.createCell(i), table.columns().get(i).type(), v, date, instant);
                }
            }
            book.write(out);
        } finally {
            book.dispose();
            book.close();
        }
    }

    private static void text(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) row.createCell(i).setCellValue(values.get(i));
    }

    private static void put(Cell cell, Column.Type type, String v, CellStyle date, CellStyle instant) {
        try {
            switch (type) {
                case NUMBER -> cell.setCellValue(new BigDecimal(v).doubleValue());
                case DATE -> {
                    cell.setCellValue(LocalDate.parse(v));
                    cell.setCellStyle(date);
                }
                case INSTANT -> {
                    cell.setCellValue(LocalDateTime.ofInstant(Instant.parse(v), ZoneOffset.UTC));
                    cell.setCellStyle(instant);
                }
                case BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) throw new IllegalArgumentException(v);
                    cell.setCellValue(Boolean.parseBoolean(v));
                }
                case TEXT -> cell.setCellValue(fitted(Csv.defused(v)));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            cell.setCellValue(fitted(Csv.defused(v)));
        }
    }

    private static String fitted(String v) {
        return v.length() <= MAX_CELL ? v : v.substring(0, MAX_CELL - CUT.length()) + CUT;
    }
}

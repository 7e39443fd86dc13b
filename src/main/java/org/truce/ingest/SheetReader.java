package org.truce.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded file into a {@link Sheet}: XLSX with Apache POI (recognised by its ZIP
 * signature), anything else as CSV with Commons CSV. A CSV's character set is the declared one, else
 * UTF-8 when a byte-order mark says so or the bytes decode as UTF-8, else Windows-1251 (the
 * single-byte Cyrillic set Excel writes on Russian systems); its delimiter is the one of comma,
 * semicolon, tab or bar that the first line uses most outside quotes. Stateless.
 */
public final class SheetReader {
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private SheetReader() {}

    /**
     * @param charset the character set the caller declares for a CSV, or null to detect it
     * @param sheet   the XLSX sheet to read by name, or null for the first
     * @throws Unreadable when the file is not a CSV or XLSX, or cannot be read as declared
     */
    public static Sheet read(byte[] bytes, String charset, String sheet) {
        if (bytes.length == 0) throw Unreadable.notASheet("the file is empty");
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) return xlsx(bytes, sheet);
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw Unreadable.notASheet("the file is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV");
        }
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw Unreadable.notASheet("the file is a PDF, not CSV or XLSX");
        return csv(bytes, charset);
    }

    static Sheet csv(byte[] bytes, String declared) {
        Decoded text = decode(bytes, declared);
        for (int i = 0; i < Math.min(text.text().length(), 65_536); i++) {
            char c = text.text().charAt(i);
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f')) {
                throw Unreadable.notASheet("the file is neither CSV (it holds control characters, as binary files do) nor XLSX");
            }
        }
        char delimiter = delimiter(text.text());
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), format)) {
            int number = 0;
            for (CSVRecord record : parser) {
                List<Sheet.Cell> cells = new ArrayList<>(record.size());
                for (String value : record) cells.add(Sheet.Cell.text(value));
                rows.add(new Sheet.Row(++number, cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw Unreadable.notASheet("the file does not read as CSV: " + e.getMessage());
        }
        return new Sheet("csv", text.charset(), delimiter == '\t' ? "tab" : String.valueOf(delimiter), rows);
    }

    private record Decoded(String text, String charset) {}

    private static Decoded decode(byte[] bytes, String declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8, "charset"), "UTF-8");
        if (startsWith(bytes, 0xFF, 0xFE)) return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE, "charset"), "UTF-16LE");
        if (startsWith(bytes, 0xFE, 0xFF)) return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE, "charset"), "UTF-16BE");
        if (declared != null && !declared.isBlank()) {
            Charset c;
            try {
                c = Charset.forName(declared.trim());
            } catch (IllegalArgumentException e) {
                throw new Unreadable("charset", "names no character set this node knows: " + declared);
            }
            return new Decoded(strict(bytes, 0, c, "charset"), c.name());
        }
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString(), "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, WINDOWS_1251), WINDOWS_1251.name());
        }
    }

    private static String strict(byte[] bytes, int skip, Charset c, String field) {
        try {
            return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(field, "the file does not decode as " + c.name());
        }
    }

    /** The candidate used most on the first non-blank line, outside double quotes; a comma when none is. */
    static char delimiter(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) start++;
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == '\n' || c == '\r')) break;
            if (quoted) continue;
            for (int d = 0; d < DELIMITERS.length; d++) if (c == DELIMITERS[d]) counts[d]++;
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) if (counts[d] > counts[best]) best = d;
        return DELIMITERS[best];
    }

    static Sheet xlsx(byte[] bytes, String name) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = name == null || name.isBlank() ? book.getSheetAt(0) : book.getSheet(name);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < book.getNumberOfSheets(); i++) names.add(book.getSheetName(i));
                throw new Unreadable("sheet", "names no sheet of this workbook: " + name + " (it has " + names + ")");
            }
            List<Sheet.Row> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                XSSFRow row = sheet.getRow(r);
                List<Sheet.Cell> cells = new ArrayList<>();
                if (row != null) for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) cells.add(cell(row.getCell(c)));
                rows.add(new Sheet.Row(r + 1, cells));
            }
            return new Sheet("xlsx", null, null, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) throw u;
            throw Unreadable.notASheet("the file is a ZIP archive but not a readable XLSX workbook");
        }
    }

    private static Sheet.Cell cell(XSSFCell c) {
        if (c == null) return Sheet.Cell.BLANK;
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    var date = c.getLocalDateTimeCellValue().toLocalDate();
                    yield new Sheet.Cell(date.toString(), null, date);
                }
                String text = NumberToTextConverter.toText(c.getNumericCellValue());
                yield new Sheet.Cell(text, new BigDecimal(text), null);
            }
            case STRING -> Sheet.Cell.text(c.getStringCellValue());
            case BOOLEAN -> Sheet.Cell.text(String.valueOf(c.getBooleanCellValue()));
            default -> Sheet.Cell.BLANK;
        };
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}

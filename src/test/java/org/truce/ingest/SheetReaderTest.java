package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SheetReaderTest {

    static byte[] resource(String name) {
        try (InputStream in = SheetReaderTest.class.getResourceAsStream("/intake/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "figures-ru-utf8.csv,UTF-8,','",
            "figures-ru-bom-semicolon.csv,UTF-8,;",
            "figures-ru-1251-semicolon.csv,windows-1251,;",
            "figures-ru-tab.tsv,UTF-8,tab",
    })
    void a_csv_is_read_in_its_charset_with_its_delimiter(String file, String charset, String delimiter) {
        Sheet sheet = SheetReader.read(resource(file), null, null);
        assertThat(sheet.format()).isEqualTo("csv");
        assertThat(sheet.charset()).isEqualTo(charset);
        assertThat(sheet.delimiter()).isEqualTo(delimiter);
        assertThat(sheet.rows().get(0).cell(0).text()).isEqualTo("Показатель");
        assertThat(sheet.rows().get(2).cell(1).text()).isEqualTo("более 479,2");
        assertThat(sheet.rows().get(2).number()).isEqualTo(3);
    }

    @Test
    void a_declared_charset_is_used_and_one_that_does_not_decode_is_refused() {
        Sheet sheet = SheetReader.read(resource("figures-ru-1251-semicolon.csv"), "windows-1251", null);
        assertThat(sheet.rows().get(0).cell(0).text()).isEqualTo("Показатель");
        assertThatThrownBy(() -> SheetReader.read(resource("figures-ru-1251-semicolon.csv"), "UTF-8", null))
                .isInstanceOf(Unreadable.class).hasMessageContaining("does not decode as UTF-8");
    }

    @Test
    void an_xlsx_keeps_excel_numbers_and_date_cells() throws IOException {
        Sheet sheet = SheetReader.read(xlsx(), null, null);
        assertThat(sheet.format()).isEqualTo("xlsx");
        Sheet.Row row = sheet.rows().get(1);
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.cell(1).number()).isEqualByComparingTo("48241");
        assertThat(row.cell(2).date()).isEqualTo(LocalDate.of(2021, 1, 11));
        assertThat(row.cell(3).text()).isEqualTo("более 479,2");
    }

    @Test
    void a_file_that_is_neither_csv_nor_xlsx_is_not_a_sheet() {
        assertThatThrownBy(() -> SheetReader.read("%PDF-1.7 ...".getBytes(), null, null))
                .isInstanceOf(Unreadable.class).matches(e -> ((Unreadable) e).notASheet());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        assertThatThrownBy(() -> SheetReader.read(png, null, null)).isInstanceOf(Unreadable.class).matches(e -> ((Unreadable) e).notASheet());
        assertThatThrownBy(() -> SheetReader.read(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}, null, null))
                .isInstanceOf(Unreadable.class).hasMessageContaining("not a readable XLSX");
    }

    @Test
    void column_letters_run_past_z() {
        assertThat(Sheet.letter(0)).isEqualTo("A");
        assertThat(Sheet.letter(25)).isEqualTo("Z");
        assertThat(Sheet.letter(26)).isEqualTo("AA");
        assertThat(Sheet.letter(27)).isEqualTo("AB");
        assertThat(Sheet.index("AB")).isEqualTo(27);
    }

    /** A workbook as Excel saves one: a header row, a number cell, a date-formatted date cell, a text cell. */
    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Данные");
            XSSFRow head = sheet.createRow(0);
            String[] heads = {"Показатель", "Значение", "Дата", "Примечание"};
            for (int i = 0; i < heads.length; i++) head.createCell(i).setCellValue(heads[i]);
            CreationHelper helper = book.getCreationHelper();
            XSSFCellStyle date = book.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("dd.mm.yyyy"));
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("returnees");
            row.createCell(1).setCellValue(48241);
            var d = row.createCell(2);
            d.setCellValue(LocalDate.of(2021, 1, 11));
            d.setCellStyle(date);
            row.createCell(3).setCellValue("более 479,2");
            book.write(out);
            return out.toByteArray();
        }
    }
}

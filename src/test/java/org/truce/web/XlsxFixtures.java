package org.truce.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX workbooks as Excel saves them (built with POI): Russian headers, number cells, date cells. */
final class XlsxFixtures {
    private XlsxFixtures() {}

    /**
     * Two figures of the Russian peacekeepers for 11 January 2021, dates as Excel date cells.
     *
     * @param bad whether the second row names a place the catalog does not have (row 3, column D)
     */
    static byte[] russianFigures(boolean bad) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Сводка");
            String[] heads = {"Показатель", "Значение", "Дата", "Место", "Источник", "Атрибуция"};
            XSSFRow head = sheet.createRow(0);
            for (int i = 0; i < heads.length; i++) head.createCell(i).setCellValue(heads[i]);
            XSSFCellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Object[][] rows = {
                    {"вернувшиеся жители", 48241.0, LocalDate.of(2021, 1, 11), "Нагорный Карабах", "ru-peacekeepers", "Вернулись 48 241 человек"},
                    {"дороги, очищенные от мин и взрывоопасных предметов", "около 182,8", LocalDate.of(2021, 1, 11),
                            bad ? "Атлантида" : "nk", "ru-peacekeepers", "Очищено около 182,8 км дорог"},
            };
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    var cell = row.createCell(c);
                    Object v = rows[r][c];
                    if (v instanceof Double d) cell.setCellValue(d);
                    else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else cell.setCellValue((String) v);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}

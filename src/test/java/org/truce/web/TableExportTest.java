package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.BodySigner;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Every table's downloads read back with Commons CSV and Apache POI, for a full and an empty answer:
 * the same fixed columns and HXL row whatever the rows, and no JSON field without a column.
 */
class TableExportTest {
    /** A table, a query with rows in the demo, and one without rows (null: the table always has rows). */
    record Case(ExportTable table, String full, String empty) {}

    static final List<Case> CASES = List.of(
            new Case(Tables.SOURCES, "/api/v1/sources?", "/api/v1/sources?atSize=0&"),
            new Case(Tables.METRICS, "/api/v1/metrics?", "/api/v1/metrics?atSize=0&"),
            new Case(Tables.UNITS, "/api/v1/units?", "/api/v1/units?atSize=0&"),
            new Case(Tables.ALIASES, "/api/v1/aliases?", "/api/v1/aliases?atSize=0&"),
            new Case(Tables.MAPPINGS, "/api/v1/mappings?", "/api/v1/mappings?atSize=0&"),
            new Case(Tables.PLACES, "/api/v1/places?", "/api/v1/places?atSize=0&"),
            new Case(Tables.REPORTS, "/api/v1/reports?", "/api/v1/reports?atSize=0&"),
            new Case(Tables.BREAKDOWNS, "/api/v1/reports/breakdowns?", "/api/v1/reports/breakdowns?atSize=0&"),
            // a series has a row a day, with or without a value
            new Case(Tables.SERIES, "/api/v1/figures/series?metric=returnees&source=ru-defence-ministry&place=nk&from=2020-11-30&to=2021-01-11&", null),
            new Case(Tables.RECONCILED, "/api/v1/figures/reconciled?metric=returnees&place=nk&asOf=2021-01-11&",
                    "/api/v1/figures/reconciled?metric=returnees&place=nk&asOf=1990-01-01&"),
            new Case(Tables.AGREEMENTS, "/api/v1/agreements?", "/api/v1/agreements?atSize=0&"),
            new Case(Tables.OBLIGATIONS, "/api/v1/obligations?asOf=2021-01-11&", "/api/v1/obligations?asOf=2021-01-11&atSize=0&"),
            new Case(Tables.OVERDUE, "/api/v1/obligations/overdue?asOf=2021-12-31&", "/api/v1/obligations/overdue?asOf=2021-12-31&atSize=0&"),
            new Case(Tables.UPCOMING, "/api/v1/obligations/upcoming?from=2020-11-10&days=3660&",
                    "/api/v1/obligations/upcoming?from=2020-11-10&days=3660&atSize=0&"),
            new Case(Tables.ASSESSMENTS, "/api/v1/assessments?", "/api/v1/assessments?atSize=0&"),
            new Case(Tables.GROUPS, "/api/v1/working-groups?", "/api/v1/working-groups?atSize=0&"),
            new Case(Tables.MEETINGS, "/api/v1/meetings?", "/api/v1/meetings?atSize=0&"),
            new Case(Tables.INCIDENTS, "/api/v1/incidents?", "/api/v1/incidents?atSize=0&"),
            new Case(Tables.NIL_REPORTS, "/api/v1/nil-reports?", "/api/v1/nil-reports?atSize=0&"),
            new Case(Tables.PUBLICATIONS, "/api/v1/publications?", "/api/v1/publications?date=1990-01-01&"));

    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        // the demo declares no unit of its own: one here, so that the units table has a row
        assertThat(node.post("/api/v1/units", "{\"id\":\"patrols\",\"names\":{\"en\":\"{n, plural, one {# patrol} other {# patrols}}\"}}",
                node.token).status()).isEqualTo(201);
        // nor an alias or a saved mapping
        assertThat(node.post("/api/v1/aliases", "{\"kind\":\"place\",\"alias\":\"NK\",\"id\":\"nk\"}", node.token).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/mappings", "{\"name\":\"weekly\",\"columns\":{\"value\":\"B\"},\"locale\":\"ru\"}",
                node.token).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static HttpResponse<byte[]> bytes(String path) throws Exception {
        return TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<CSVRecord> csv(String path) throws Exception {
        HttpResponse<byte[]> r = bytes(path + "format=csv");
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return CSVFormat.RFC4180.parse(new StringReader(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))).getRecords();
    }

    static Sheet xlsx(String path) throws Exception {
        HttpResponse<byte[]> r = bytes(path + "format=xlsx");
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue(XlsxTable.CONTENT_TYPE);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).as(path).endsWith(".xlsx\"");
        byte[] b = r.body();
        // the body ends with the ZIP's end-of-central-directory record (no trailing bytes after the workbook)
        assertThat(java.util.Arrays.copyOfRange(b, b.length - 22, b.length - 18)).as(path).containsExactly(0x50, 0x4b, 0x05, 0x06);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(b))) {
            return book.getSheetAt(0);
        }
    }

    static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell c : row) out.add(c.getStringCellValue());
        return out;
    }

    static List<String> values(CSVRecord r) {
        return r.toList();
    }

    @Test
    void every_exported_table_is_tested_here() {
        assertThat(CASES.stream().map(Case::table).toList()).containsExactlyInAnyOrderElementsOf(Tables.ALL);
    }

    @Test
    void every_field_of_every_json_row_has_a_declared_column() {
        for (Case c : CASES) {
            JsonNode answer = node.get(c.full() + "limit=1000").json();
            assertThat(TableRows.of(c.table(), answer)).as(c.full()).isNotEmpty();
            assertThat(TableRows.undeclared(c.table(), answer)).as(c.full()).isEmpty();
        }
    }

    @Test
    void a_field_that_no_column_names_is_found() throws Exception {
        JsonNode answer = TestNode.JSON.readTree("{\"items\":[{\"id\":\"a\",\"unit\":\"people\",\"names\":{\"en\":\"x\",\"fr\":\"y\"},"
                + "\"breakdowns\":[],\"colour\":{\"r\":1}}]}");
        assertThat(TableRows.undeclared(Tables.METRICS, answer)).containsExactly("colour.r", "names.fr");
        assertThat(CsvTables.csv(Tables.METRICS, answer)).startsWith("id,unit,breakdowns,names.en,").doesNotContain("colour");
    }

    @Test
    void a_full_and_an_empty_answer_have_the_same_columns_and_hxl_row_in_csv_and_xlsx() throws Exception {
        for (Case c : CASES) {
            for (String q : c.empty() == null ? List.of(c.full()) : List.of(c.full(), c.empty())) {
                int rows = TableRows.of(c.table(), node.get(q + "limit=1000").json()).size();
                List<CSVRecord> records = csv(q);
                assertThat(values(records.get(0))).as(q).isEqualTo(c.table().names());
                assertThat(values(records.get(1))).as(q).isEqualTo(c.table().tags());
                assertThat(records).as(q).hasSize(2 + rows);
                Sheet sheet = xlsx(q);
                assertThat(texts(sheet.getRow(0))).as(q).isEqualTo(c.table().names());
                assertThat(texts(sheet.getRow(1))).as(q).isEqualTo(c.table().tags());
                assertThat(sheet.getLastRowNum() + 1).as(q).isEqualTo(2 + rows);
                if (q.equals(c.empty())) assertThat(rows).as(q).isZero();
            }
        }
    }

    @Test
    void numbers_dates_and_flags_are_typed_cells_in_xlsx() throws Exception {
        Sheet reports = xlsx("/api/v1/reports?metric=medical_assistance&");
        List<String> names = Tables.REPORTS.names();
        Row row = reports.getRow(2);
        assertThat(row.getCell(names.indexOf("id")).getStringCellValue()).isEqualTo("4522866a-e74b-5cee-a254-fbdd84362274");
        Cell value = row.getCell(names.indexOf("value"));
        assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(value.getNumericCellValue()).isEqualTo(1200.0);
        Cell asOf = row.getCell(names.indexOf("asOf"));
        assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
        assertThat(asOf.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2021, 1, 11));
        Cell recordedAt = row.getCell(names.indexOf("recordedAt"));
        assertThat(DateUtil.isCellDateFormatted(recordedAt)).isTrue();
        assertThat(recordedAt.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 28, 10, 0));
        assertThat(row.getCell(names.indexOf("status")).getStringCellValue()).isEqualTo("current");
        assertThat(row.getCell(names.indexOf("corrects"))).isNull();

        Sheet series = xlsx(CASES.stream().filter(c -> c.table() == Tables.SERIES).findFirst().orElseThrow().full());
        Cell reported = series.getRow(2 + 1).getCell(Tables.SERIES.names().indexOf("reported")); // 1 December 2020
        assertThat(reported.getCellType()).isEqualTo(CellType.BOOLEAN);
        assertThat(reported.getBooleanCellValue()).isTrue();
    }

    @Test
    void a_text_cell_that_a_spreadsheet_would_run_is_defused_in_xlsx_too() throws Exception {
        String body = "{\"id\":\"src-formula-xlsx\",\"roles\":[\"media\"],\"partOf\":null,\"names\":{\"en\":\"=HYPERLINK(\\\"http://x\\\")\"},\"reportsOn\":[]}";
        assertThat(node.post("/api/v1/sources", body, node.token).status()).isEqualTo(201);
        Sheet sheet = xlsx("/api/v1/sources?");
        List<String> names = Tables.SOURCES.names();
        String found = null;
        for (Row row : sheet) {
            Cell id = row.getCell(names.indexOf("id"));
            if (id != null && id.getStringCellValue().equals("src-formula-xlsx")) found = row.getCell(names.indexOf("names.en")).getStringCellValue();
        }
        assertThat(found).isEqualTo("'=HYPERLINK(\"http://x\")");
    }

    @Test
    void a_series_says_on_which_days_the_source_reported_and_which_values_are_carried_forward() {
        JsonNode points = node.get("/api/v1/figures/series?metric=returnees&source=ru-defence-ministry&place=nk&from=2020-11-30&to=2020-12-04").json().get("points");
        List<String> got = new ArrayList<>();
        for (JsonNode p : points) {
            got.add(p.get("date").asText() + " " + p.get("value").asText() + " " + p.get("reported").asBoolean() + " " + p.get("carriedForward").asBoolean());
        }
        // 1 December: a total of more than 27,000 and an increment the same day (included in it); 3 December: an increment
        assertThat(got).containsExactly("2020-11-30 null false false", "2020-12-01 27000 true false", "2020-12-02 27000 false true",
                "2020-12-03 28950 true false", "2020-12-04 28000 true false");
    }

    @Test
    void the_reports_table_says_how_each_report_is_signed_in_csv_and_xlsx() throws Exception {
        String az = "az-government";
        BodySigner signer = new BodySigner(az);
        assertThat(signer.register(node).status()).isEqualTo(201);
        var signed = Reports.valid("5e1f0000-0000-4000-8000-000000000001").put("source", az).put("value", 1310);
        signed.remove("document");
        assertThat(signer.post(node, "/api/v1/reports", signed, node.account(az, az, "rep-az-table", Role.REPORTER)).status()).isEqualTo(201);
        var transcribed = Reports.valid("5e1f0000-0000-4000-8000-000000000002").put("source", az).put("value", 1320);
        assertThat(node.post("/api/v1/reports", transcribed.toString(), node.account("unhcr", "unhcr", "trans-table", Role.TRANSCRIBER))
                .status()).isEqualTo(201);
        java.util.Map<String, String> expected = java.util.Map.of("4522866a-e74b-5cee-a254-fbdd84362274", "unsigned",
                "5e1f0000-0000-4000-8000-000000000001", "signed", "5e1f0000-0000-4000-8000-000000000002", "transcribed");
        List<String> names = Tables.REPORTS.names();
        assertThat(Tables.REPORTS.tags().get(names.indexOf("signature"))).isEqualTo("#meta+signature");

        java.util.Map<String, String> inCsv = new java.util.HashMap<>();
        for (CSVRecord r : csv("/api/v1/reports?metric=medical_assistance&")) {
            if (expected.containsKey(r.get(0))) inCsv.put(r.get(0), r.get(names.indexOf("signature")));
        }
        assertThat(inCsv).isEqualTo(expected);
        java.util.Map<String, String> inXlsx = new java.util.HashMap<>();
        for (Row row : xlsx("/api/v1/reports?metric=medical_assistance&")) {
            String id = row.getCell(names.indexOf("id")).getStringCellValue();
            if (expected.containsKey(id)) inXlsx.put(id, row.getCell(names.indexOf("signature")).getStringCellValue());
        }
        assertThat(inXlsx).isEqualTo(expected);
    }

    @Test
    void a_format_that_is_not_offered_is_refused_by_name() {
        var r = node.get("/api/v1/reports?format=ods");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).contains("format");
    }
}

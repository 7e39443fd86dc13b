package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.accounts.Role;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** {@code POST /api/v1/imports} over real HTTP against a demo node. */
@ExtendWith(DemoNodeExtension.class)
class ImportsApiTest {
    static final String HEAD = "Показатель;Значение;Дата;Место;Источник;Атрибуция\r\n";
    TestNode node;
    String reporter;

    @BeforeEach
    void reporterOfThePeacekeepers() {
        reporter = node.account("ru-peacekeepers", "ru-peacekeepers", "pk-reporter", Role.REPORTER);
    }

    static String row(String metric, String value, String date, String place, String source) {
        return metric + ";" + value + ";" + date + ";" + place + ";" + source + ";По данным миротворцев\r\n";
    }

    static final String GOOD = HEAD
            + row("вернувшиеся жители", "48 241", "11.01.2021", "Нагорный Карабах", "Российский миротворческий контингент")
            + row("территория, очищенная от мин и взрывоопасных предметов", "более 479,2", "11.01.2021", "nk", "ru-peacekeepers");

    TestNode.Response upload(String csv, String query, String token) {
        return upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", query, token);
    }

    TestNode.Response upload(byte[] body, String type, String query, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/imports" + query))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return node.send(b.build());
    }

    static List<String> errors(JsonNode row) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : row.get("errors")) out.add(e.get("row").asInt() + ":" + e.get("column").asText() + ":" + e.get("field").asText());
        return out;
    }

    @Test
    void a_dry_run_previews_every_row_and_writes_nothing() {
        long size = node.truce.ledger().size();
        var r = upload(GOOD, "", reporter);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.at("/file/locale").asText()).isEqualTo("ru");
        assertThat(body.at("/file/delimiter").asText()).isEqualTo(";");
        assertThat(body.at("/rows/0/row").asInt()).isEqualTo(2);
        assertThat(body.at("/rows/0/status").asText()).isEqualTo("new");
        assertThat(body.at("/rows/0/entry/value").decimalValue()).isEqualByComparingTo("48241");
        assertThat(body.at("/rows/0/entry/metric").asText()).isEqualTo("returnees");
        assertThat(body.at("/rows/0/entry/source").asText()).isEqualTo("ru-peacekeepers");
        assertThat(body.at("/rows/0/entry/asOf").asText()).isEqualTo("2021-01-11");
        assertThat(body.at("/rows/1/entry/value").decimalValue()).isEqualByComparingTo("479.2");
        assertThat(body.at("/rows/1/entry/qualifier").asText()).isEqualTo("more_than");
        assertThat(body.at("/counts/new").asInt()).isEqualTo(2);
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_dry_run_names_every_error_of_every_row_in_one_pass_by_row_and_column() {
        String csv = HEAD
                + row("вернувшиеся жители", "48 241", "11.01.2021", "nk", "ru-peacekeepers")
                // three errors of its own cells, and the record's rule on its date
                + row("вернувшиеся жители", "много", "11.01.2030", "Атлантида", "ru-peacekeepers")
                + row("нет такого показателя", "1 000", "12.01.2021", "nk", "az-government");
        var r = upload(csv, "", reporter);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode rows = r.json().get("rows");
        assertThat(rows.get(0).get("status").asText()).isEqualTo("new");
        assertThat(rows.get(1).get("status").asText()).isEqualTo("error");
        assertThat(errors(rows.get(1))).containsExactlyInAnyOrder("3:B:value", "3:D:place", "3:C:asOf");
        assertThat(rows.get(1).toString()).contains("must not be in the future");
        // an unknown metric, and in the name of a body the reporter does not speak for
        assertThat(errors(rows.get(2))).containsExactlyInAnyOrder("4:A:metric", "4:E:source");
        assertThat(r.json().at("/counts/error").asInt()).isEqualTo(2);
    }

    @Test
    void a_commit_with_any_error_is_422_with_the_preview_and_writes_nothing() {
        long size = node.truce.ledger().size();
        String csv = GOOD + row("вернувшиеся жители", "12", "12.01.2021", "Атлантида", "ru-peacekeepers");
        var r = upload(csv, "?dryRun=false", reporter);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/rows/2/status").asText()).isEqualTo("error");
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/rows/2/values/place");
        assertThat(r.json().at("/errors/0/detail").asText()).startsWith("row 4, column D: ");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_commit_writes_every_row_and_uploading_the_same_file_again_creates_nothing() {
        long size = node.truce.ledger().size();
        var first = upload(GOOD, "?dryRun=false", reporter);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("committed").asBoolean()).isTrue();
        assertThat(first.json().at("/rows/0/created").asBoolean()).isTrue();
        assertThat(node.truce.ledger().size()).isEqualTo(size + 2);
        String id = first.json().at("/rows/0/entry/id").asText();
        assertThat(node.truce.figures().report(id)).isPresent();

        var again = upload(GOOD, "?dryRun=false", reporter);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/counts/unchanged").asInt()).isEqualTo(2);
        assertThat(again.json().at("/counts/new").asInt()).isEqualTo(0);
        assertThat(node.truce.ledger().size()).isEqualTo(size + 2);
    }

    @Test
    void a_changed_row_is_an_error_naming_the_report_it_would_change_unless_corrections_are_asked() {
        var first = upload(GOOD, "?dryRun=false", reporter);
        String old = first.json().at("/rows/0/entry/id").asText();
        long size = node.truce.ledger().size();
        String changed = GOOD.replace("48 241", "48 300");

        var refused = upload(changed, "?dryRun=false", reporter);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/rows/0/errors/0/detail").asText()).contains(old).contains("corrections=true");
        assertThat(refused.json().at("/rows/0/errors/0/column").asText()).isEqualTo("B");
        assertThat(node.truce.ledger().size()).isEqualTo(size);

        var corrected = upload(changed, "?dryRun=false&corrections=true", reporter);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().at("/rows/0/status").asText()).isEqualTo("correction");
        assertThat(corrected.json().at("/rows/0/corrects").asText()).isEqualTo(old);
        assertThat(corrected.json().at("/rows/1/status").asText()).isEqualTo("unchanged");
        assertThat(node.truce.ledger().size()).isEqualTo(size + 1);
        assertThat(node.truce.figures().report(old).orElseThrow().current()).isFalse();
    }

    @Test
    void a_transcription_without_a_document_is_refused_at_the_rows_document_and_one_for_the_file_is_enough() {
        var missing = upload(GOOD, "?dryRun=false", node.token);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/rows/0/errors/0/field").asText()).isEqualTo("document");
        assertThat(missing.json().at("/rows/0/errors/0/detail").asText()).contains("must cite the document");

        var cited = upload(GOOD, "?dryRun=false&document.title=" + java.net.URLEncoder.encode("Брифинг Минобороны", StandardCharsets.UTF_8)
                + "&document.publisher=TASS&document.date=2021-01-11", node.token);
        assertThat(cited.status()).as(cited.body()).isEqualTo(200);
        assertThat(cited.json().at("/rows/0/entry/document/title").asText()).isEqualTo("Брифинг Минобороны");
        assertThat(cited.json().at("/file/columns/document.title").asText()).isEqualTo("(file)");
    }

    @Test
    void a_file_that_is_not_csv_or_xlsx_is_415() {
        var pdf = upload("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1), "text/csv", "", reporter);
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.json().at("/errors/0/pointer").asText()).isEqualTo("/file");
        var json = upload("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "application/json", "", reporter);
        assertThat(json.status()).isEqualTo(415);
        var fakeXlsx = upload("not a zip".getBytes(StandardCharsets.UTF_8), ImportRoutes.XLSX, "", reporter);
        assertThat(fakeXlsx.status()).isIn(415, 422);
    }

    @Test
    void an_unknown_mapping_name_is_400_naming_the_parameter() {
        var r = upload(GOOD, "?mapping=monthly-unhcr", reporter);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("?mapping");
        assertThat(r.json().at("/errors/0/detail").asText()).contains("monthly-unhcr");
    }

    @Test
    void a_sheet_without_a_column_for_a_required_field_is_422_naming_it() {
        var r = upload("Показатель;Значение\r\nreturnees;5\r\n", "", reporter);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/columns");
        assertThat(r.json().at("/detail").asText()).contains("asOf").contains("place").contains("source").contains("attribution");
    }

    @Test
    void an_xlsx_with_excel_dates_and_numbers_is_read_like_its_csv() throws Exception {
        var r = upload(XlsxFixtures.russianFigures(false), ImportRoutes.XLSX, "?dryRun=false", reporter);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/file/format").asText()).isEqualTo("xlsx");
        assertThat(r.json().at("/rows/0/entry/asOf").asText()).isEqualTo("2021-01-11");
        assertThat(r.json().at("/rows/0/entry/value").decimalValue()).isEqualByComparingTo("48241");
        assertThat(r.json().at("/counts/new").asInt()).isEqualTo(2);
    }

    @Test
    void truces_own_series_csv_reads_back_without_a_mapping() {
        String series = node.get("/api/v1/figures/series?metric=returnees&source=ru-unnamed&place=nk&from=2021-01-11&to=2021-01-11&format=csv").body();
        assertThat(series.lines().skip(1).findFirst().orElseThrow()).startsWith("#indicator+code");
        String pk = series.replace("ru-unnamed", "ru-peacekeepers");
        var r = upload(pk, "?attribution=" + java.net.URLEncoder.encode("As the series said", StandardCharsets.UTF_8), reporter);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/file/mappedBy").asText()).isEqualTo("hxl");
        assertThat(r.json().at("/rows/0/row").asInt()).isEqualTo(3);
        assertThat(r.json().at("/rows/0/entry/value").decimalValue()).isEqualByComparingTo("48241");
        assertThat(r.json().at("/rows/0/status").asText()).isEqualTo("new");
    }

    @Test
    void a_multipart_upload_carries_the_file_and_its_options_as_fields() {
        String boundary = "----truce" + 42;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"locale\"\r\n\r\nru\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"figures.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + GOOD + "\r\n--" + boundary + "--\r\n";
        var r = upload(body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary, "", reporter);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/counts/new").asInt()).isEqualTo(2);
    }
}

package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/** {@code GET /api/v1/exports/everything.zip} over real HTTP on the demo, opened with java.util.zip and Commons CSV. */
class EverythingZipTest {
    /** The tables that need no key (a series and a reconciliation need a metric and a place; upcoming, a window). */
    static final List<ExportTable> IN_ZIP = List.of(Tables.SOURCES, Tables.METRICS, Tables.PLACES, Tables.REPORTS, Tables.BREAKDOWNS,
            Tables.AGREEMENTS, Tables.OBLIGATIONS, Tables.OVERDUE, Tables.ASSESSMENTS, Tables.GROUPS, Tables.MEETINGS,
            Tables.INCIDENTS, Tables.NIL_REPORTS, Tables.PUBLICATIONS);
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static HttpResponse<byte[]> get(String query) throws Exception {
        return TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/exports/everything.zip?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The ZIP's files, in order, each read as CSV records. */
    static Map<String, List<CSVRecord>> open(byte[] zip) throws Exception {
        Map<String, List<CSVRecord>> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.put(e.getName(), CSVFormat.RFC4180.parse(new StringReader(text)).getRecords());
            }
        }
        return out;
    }

    @Test
    void the_zip_holds_one_csv_per_table_and_a_dictionary_of_every_column() throws Exception {
        HttpResponse<byte[]> r = get("asOf=2021-01-11");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"truce-everything-2021-01-11.zip\"");
        Map<String, List<CSVRecord>> files = open(r.body());
        List<String> expected = new java.util.ArrayList<>(IN_ZIP.stream().map(t -> t.file() + ".csv").toList());
        expected.add("dictionary.csv");
        assertThat(files.keySet()).containsExactlyElementsOf(expected);
        for (ExportTable t : IN_ZIP) {
            List<CSVRecord> csv = files.get(t.file() + ".csv");
            assertThat(csv.get(0).toList()).as(t.file()).isEqualTo(t.names());
            assertThat(csv.get(1).toList()).as(t.file()).isEqualTo(t.tags());
        }
        List<CSVRecord> dictionary = files.get("dictionary.csv");
        assertThat(dictionary.get(0).toList()).containsExactly("table", "column", "hxl", "type", "meaning");
        Set<String> described = new HashSet<>();
        for (CSVRecord d : dictionary.subList(1, dictionary.size())) {
            described.add(d.get(0) + "/" + d.get(1));
            assertThat(d.get(4)).as(d.get(0) + "/" + d.get(1)).isNotBlank();
        }
        for (var f : files.entrySet()) {
            if (f.getKey().equals("dictionary.csv")) continue;
            String table = f.getKey().replace(".csv", "");
            for (String column : f.getValue().get(0)) assertThat(described).as(table).contains(table + "/" + column);
        }
        // the demo's reports dated up to 11 January 2021, one row each, as GET /api/v1/reports gives them
        assertThat(files.get("reports.csv")).hasSize(2 + 18);
        assertThat(files.get("report-breakdowns.csv")).hasSize(2 + 1);
        // how each report is signed: a fixed column; no body of the demo has a key
        assertThat(dictionary.stream().filter(d -> d.get(0).equals("reports") && d.get(1).equals("signature")).map(d -> d.get(2)).toList())
                .containsExactly("#meta+signature");
        int signature = Tables.REPORTS.names().indexOf("signature");
        List<CSVRecord> reports = files.get("reports.csv");
        assertThat(reports.subList(2, reports.size()).stream().map(c -> c.get(signature)).distinct().toList()).containsExactly("unsigned");
    }

    @Test
    void the_zip_holds_what_is_dated_up_to_the_day_asked_as_the_ledger_size_asked_knew_it() throws Exception {
        Map<String, List<CSVRecord>> early = open(get("asOf=2020-12-01").body());
        List<CSVRecord> reports = early.get("reports.csv");
        assertThat(reports.subList(2, reports.size()).stream().map(r -> r.get(0).substring(0, 8)).toList()).containsExactly("ff834513", "eea3754b");
        assertThat(early.get("incidents.csv")).hasSize(2);
        assertThat(early.get("publications.csv")).hasSize(2 + 1);
        assertThat(early.get("publications.csv").get(2).get(1)).isEqualTo("2020-12-01");

        Map<String, List<CSVRecord>> empty = open(get("asOf=2021-01-11&atSize=0").body());
        for (ExportTable t : IN_ZIP) {
            if (t == Tables.PUBLICATIONS) continue; // publications are read from the published bulletins, not at a ledger size
            assertThat(empty.get(t.file() + ".csv")).as(t.file()).hasSize(2);
        }
    }

    @Test
    void the_same_question_gives_the_same_bytes() throws Exception {
        assertThat(get("asOf=2021-01-11").body()).isEqualTo(get("asOf=2021-01-11").body());
    }

    @Test
    void the_day_is_required_and_checked() {
        var missing = node.get("/api/v1/exports/everything.zip");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/pointer").asText()).isEqualTo("?asOf");
        assertThat(node.get("/api/v1/exports/everything.zip?asOf=2021-13-01").status()).isEqualTo(400);
        assertThat(node.get("/api/v1/exports/everything.zip?asOf=2021-01-11&atSize=-1").json().at("/errors/0/pointer").asText()).isEqualTo("?atSize");
    }
}

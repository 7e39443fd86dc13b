package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * {@code GET /api/v1/reports} and {@code /reports/breakdowns} over real HTTP on the demo, with a
 * report corrected and another retracted an hour apart: each filter gives exactly its rows.
 */
class ReportListApiTest {
    static final String A = "00000000-0000-4000-8000-0000000000a1";
    static final String B = "00000000-0000-4000-8000-0000000000b1";
    static final String C = "00000000-0000-4000-8000-0000000000c1";
    static final String R = "00000000-0000-4000-8000-0000000000d1";
    /** The demo's medical assistance figure of 11 January 2021 (Russia, the carrier naming no body). */
    static final String DEMO_MEDICAL = "4522866a-e74b-5cee-a254-fbdd84362274";
    @TempDir
    static Path dir;
    static TestNode node;
    static long demoSize, sizeAfterA;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        demoSize = head();
        node.clock.advance(Duration.ofHours(1)); // 11:00
        assertThat(node.post("/api/v1/reports", Reports.valid(A).toString()).status()).isEqualTo(201);
        sizeAfterA = head();
        node.clock.advance(Duration.ofHours(1)); // 12:00
        var b = Reports.valid(B).put("value", 1350).put("corrects", A);
        b.putObject("breakdown").put("children", 170);
        assertThat(node.post("/api/v1/reports", b.toString()).status()).isEqualTo(201);
        node.clock.advance(Duration.ofHours(1)); // 13:00
        var c = Reports.valid(C).put("source", "ru-unnamed").put("place", "town-khankendi-stepanakert").put("asOf", "2021-01-21");
        assertThat(node.post("/api/v1/reports", c.toString()).status()).isEqualTo(201);
        String retraction = "{\"id\":\"" + R + "\",\"source\":\"ru-unnamed\",\"retracts\":\"" + C + "\",\"reason\":\"entered twice\"}";
        assertThat(node.post("/api/v1/reports", retraction).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static long head() {
        return node.get("/api/v1/ledger/head").json().get("size").asLong();
    }

    /** The rows as "id status endedBy" (ids cut to 8 characters). */
    static List<String> rows(String query) {
        var r = node.get("/api/v1/reports?limit=1000&" + query);
        assertThat(r.status()).as(query).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode n : r.json().get("items")) {
            out.add(n.get("id").asText().substring(0, 8) + " " + n.get("status").asText() + " " + n.get("endedBy").asText().replace("null", "-"));
        }
        return out;
    }

    static String cut(String id) {
        return id.substring(0, 8);
    }

    @Test
    void every_version_is_listed_with_whether_it_is_current_corrected_or_retracted() {
        List<String> all = rows("");
        assertThat(all).hasSize(18 + 3);
        assertThat(all.subList(18, 21)).containsExactly(cut(A) + " corrected " + B, cut(B) + " current -", cut(C) + " retracted " + R);
        assertThat(rows("status=corrected")).containsExactly(cut(A) + " corrected " + B);
        assertThat(rows("status=retracted")).containsExactly(cut(C) + " retracted " + R);
        assertThat(rows("status=current")).hasSize(19).doesNotContain(cut(A) + " corrected " + B);
    }

    @Test
    void a_row_holds_the_quote_the_document_the_entry_and_a_review_state() {
        JsonNode b = node.get("/api/v1/reports?metric=medical_assistance&status=current&source=ru-peacekeepers").json().get("items").get(0);
        assertThat(b.get("id").asText()).isEqualTo(B);
        assertThat(b.get("value").decimalValue()).isEqualByComparingTo("1350");
        assertThat(b.get("kind").asText()).isEqualTo("total");
        assertThat(b.get("corrects").asText()).isEqualTo(A);
        assertThat(b.get("attribution").asText()).startsWith("Russian military medics");
        assertThat(b.get("attributionKind").asText()).isEqualTo("paraphrase");
        assertThat(b.at("/document/publisher").asText()).isEqualTo("Test outlet");
        assertThat(b.at("/document/url").asText()).isEqualTo("https://example.org/bulletin");
        assertThat(b.get("seq").asLong()).isEqualTo(sizeAfterA);
        assertThat(b.get("recordedAt").asText()).isEqualTo("2026-11-28T12:00:00.000Z");
        assertThat(b.get("review").asText()).isEqualTo("none");
        assertThat(b.has("breakdown")).isFalse();
    }

    @Test
    void each_filter_gives_exactly_its_rows() {
        assertThat(rows("metric=medical_assistance")).containsExactly(cut(DEMO_MEDICAL) + " current -",
                cut(A) + " corrected " + B, cut(B) + " current -", cut(C) + " retracted " + R);
        assertThat(rows("metric=medical_assistance&source=ru-unnamed")).containsExactly(cut(DEMO_MEDICAL) + " current -", cut(C) + " retracted " + R);
        assertThat(rows("place=town-khankendi-stepanakert")).containsExactly(cut(C) + " retracted " + R);
        assertThat(rows("from=2021-01-20&to=2021-01-20")).containsExactly(cut(A) + " corrected " + B, cut(B) + " current -");
        assertThat(rows("from=2021-01-21")).containsExactly(cut(C) + " retracted " + R);
        assertThat(rows("to=2020-12-01")).containsExactly("ff834513 current -", "eea3754b current -");
        assertThat(rows("recordedFrom=2026-11-28T10:30:00Z")).containsExactly(cut(A) + " corrected " + B, cut(B) + " current -", cut(C) + " retracted " + R);
        assertThat(rows("recordedFrom=2026-11-28T11:00:00Z&recordedTo=2026-11-28T12:00:00Z")).containsExactly(cut(A) + " corrected " + B, cut(B) + " current -");
        assertThat(rows("recordedTo=2026-11-28T10:59:59Z")).hasSize(18);
        assertThat(rows("recordedFrom=2026-11-28&recordedTo=2026-11-28")).hasSize(21);
        assertThat(rows("recordedTo=2026-11-27")).isEmpty();
        assertThat(rows("place=az-district-kalbajar")).isEmpty();
    }

    @Test
    void a_past_ledger_size_shows_the_record_as_it_was() {
        assertThat(rows("atSize=" + demoSize)).hasSize(18);
        assertThat(rows("metric=medical_assistance&atSize=" + sizeAfterA)).containsExactly(cut(DEMO_MEDICAL) + " current -", cut(A) + " current -");
        assertThat(rows("status=corrected&atSize=" + sizeAfterA)).isEmpty();
        assertThat(rows("metric=medical_assistance&knownAt=2026-11-28T12:30:00Z"))
                .containsExactly(cut(DEMO_MEDICAL) + " current -", cut(A) + " corrected " + B, cut(B) + " current -");
    }

    @Test
    void the_list_pages_as_the_other_lists_do() {
        JsonNode first = node.get("/api/v1/reports?limit=20").json();
        assertThat(first.get("items")).hasSize(20);
        assertThat(first.get("total").asInt()).isEqualTo(21);
        assertThat(first.get("next").asInt()).isEqualTo(20);
        JsonNode last = node.get("/api/v1/reports?offset=20&limit=20").json();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("next").isNull()).isTrue();
        assertThat(node.get("/api/v1/reports").json().get("items")).hasSize(21);
    }

    @Test
    void breakdowns_are_a_long_table_of_their_own() {
        var r = node.get("/api/v1/reports/breakdowns?metric=medical_assistance");
        List<String> got = new ArrayList<>();
        for (JsonNode n : r.json().get("items")) {
            got.add(cut(n.get("report").asText()) + " " + n.get("metric").asText() + " " + n.get("breakdown").asText() + " " + n.get("value").asText());
        }
        assertThat(got).containsExactly(cut(DEMO_MEDICAL) + " medical_assistance children 153", cut(A) + " medical_assistance children 160",
                cut(B) + " medical_assistance children 170", cut(C) + " medical_assistance children 160");
        assertThat(node.get("/api/v1/reports/breakdowns?metric=medical_assistance&status=current").json().get("total").asInt()).isEqualTo(2);
        assertThat(node.get("/api/v1/reports/breakdowns?metric=returnees").json().get("items")).isEmpty();
    }

    @Test
    void a_bad_filter_is_refused_by_name_and_the_reason() {
        assertThat(pointer("status=withdrawn")).isEqualTo("?status");
        assertThat(pointer("metric=no_such_metric")).isEqualTo("?metric");
        assertThat(pointer("source=no-such-body")).isEqualTo("?source");
        assertThat(pointer("place=nowhere")).isEqualTo("?place");
        assertThat(pointer("from=2021-02-01&to=2021-01-01")).isEqualTo("?to");
        assertThat(pointer("recordedFrom=yesterday")).isEqualTo("?recordedFrom");
        assertThat(pointer("recordedFrom=2026-11-29&recordedTo=2026-11-28")).isEqualTo("?recordedTo");
        assertThat(pointer("limit=0")).isEqualTo("?limit");
        assertThat(pointer("atSize=999999")).isEqualTo("?atSize");
    }

    static String pointer(String query) {
        var r = node.get("/api/v1/reports?" + query);
        assertThat(r.status()).as(query).isEqualTo(400);
        return r.json().at("/errors/0/pointer").asText();
    }
}

package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.support.Reports;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

@ExtendWith(DemoNodeExtension.class)
class ReportsApiTest {
    TestNode node;

    @Test
    void a_new_report_answers_201_with_its_seq_leaf_hash_and_record_time() {
        long before = node.truce.ledger().size();
        var r = node.post("/api/v1/reports", Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").toString());
        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("seq").asLong()).isEqualTo(before);
        assertThat(body.get("leafHash").asText()).matches("[0-9a-f]{64}");
        assertThat(body.get("recordedAt").asText()).isEqualTo("2026-11-28T10:00:00.000Z");
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
    }

    @Test
    void the_same_id_and_content_again_is_a_retry_answering_200_with_the_original_seq() {
        String body = Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").toString();
        var first = node.post("/api/v1/reports", body);
        var again = node.post("/api/v1/reports", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("seq")).isEqualTo(first.json().get("seq"));
        assertThat(again.json().get("leafHash")).isEqualTo(first.json().get("leafHash"));
    }

    @Test
    void the_same_id_with_other_content_is_a_409_conflict_and_writes_nothing() {
        node.post("/api/v1/reports", Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").toString());
        long size = node.truce.ledger().size();
        var r = node.post("/api/v1/reports", Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").put("value", 1301).toString());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/id");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void an_array_answers_one_result_per_item_with_created_flags() {
        node.post("/api/v1/reports", Reports.valid("00000000-0000-4000-8000-000000000001").toString());
        ArrayNode batch = TestNode.JSON.createArrayNode();
        batch.add(Reports.valid("00000000-0000-4000-8000-000000000001"));
        batch.add(Reports.valid("00000000-0000-4000-8000-000000000002").put("asOf", "2021-01-21"));
        var r = node.post("/api/v1/reports", batch.toString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(2);
        assertThat(r.json().get(0).get("created").asBoolean()).isFalse();
        assertThat(r.json().get(1).get("created").asBoolean()).isTrue();
    }

    @Test
    void one_invalid_item_refuses_the_whole_array() {
        long size = node.truce.ledger().size();
        ArrayNode batch = TestNode.JSON.createArrayNode();
        batch.add(Reports.valid("00000000-0000-4000-8000-000000000001"));
        batch.add(Reports.valid("00000000-0000-4000-8000-000000000002").put("metric", "no_such_metric"));
        var r = node.post("/api/v1/reports", batch.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/1/metric");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void twenty_threads_sending_the_same_id_at_once_make_one_entry() throws Exception {
        long size = node.truce.ledger().size();
        String body = Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").toString();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<org.truce.support.TestNode.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return node.post("/api/v1/reports", body);
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (var f : answers) {
            var r = f.get();
            statuses.add(r.status());
            seqs.add(r.json().get("seq").asLong());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(seqs).containsOnly(size);
        assertThat(node.truce.ledger().size()).isEqualTo(size + 1);
    }

    @Test
    void writes_need_the_bearer_token_checked_before_the_body() {
        var none = node.post("/api/v1/reports", "{not json", null);
        assertThat(none.status()).isEqualTo(401);
        var wrong = node.post("/api/v1/reports", "{not json", "wrong-token-0123456789");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).contains("token");
    }

    @Test
    void a_correction_is_invisible_before_its_record_time() {
        node.post("/api/v1/reports", Reports.valid("00000000-0000-4000-8000-00000000000a").toString());
        String before = "2026-11-28T10:00:00Z";
        node.clock.advance(java.time.Duration.ofHours(1));
        ObjectNode correction = Reports.valid("00000000-0000-4000-8000-00000000000b").put("value", 1350)
                .put("corrects", "00000000-0000-4000-8000-00000000000a");
        assertThat(node.post("/api/v1/reports", correction.toString()).status()).isEqualTo(201);
        String q = "/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=2021-01-25";
        assertThat(node.get(q).json().get("value").decimalValue()).isEqualByComparingTo("1350");
        var past = node.get(q + "&knownAt=" + before);
        assertThat(past.json().get("value").decimalValue()).isEqualByComparingTo("1300");
        assertThat(past.json().get("knownAt").asText()).isEqualTo(before);
    }

    @Test
    void a_retraction_withdraws_the_report_and_the_earlier_figure_shows_again() {
        // the demo's 1,200 of 11 January is the figure of "Russia (the carrier names no body)"
        node.post("/api/v1/reports", Reports.valid("00000000-0000-4000-8000-00000000000a").put("source", "ru-unnamed").toString());
        String q = "/api/v1/figures?metric=medical_assistance&source=ru-unnamed&place=nk&asOf=2021-01-25";
        assertThat(node.get(q).json().get("value").decimalValue()).isEqualByComparingTo("1300");
        String retraction = "{\"id\":\"00000000-0000-4000-8000-00000000000c\",\"source\":\"ru-unnamed\","
                + "\"retracts\":\"00000000-0000-4000-8000-00000000000a\",\"reason\":\"entered twice\"}";
        assertThat(node.post("/api/v1/reports", retraction).status()).isEqualTo(201);
        assertThat(node.get(q).json().get("value").decimalValue()).isEqualByComparingTo("1200");
    }

    @Test
    void one_report_corrected_twice_in_one_request_is_refused() {
        node.post("/api/v1/reports", Reports.valid("00000000-0000-4000-8000-00000000000a").toString());
        String both = "[" + Reports.valid("00000000-0000-4000-8000-00000000000b").put("corrects", "00000000-0000-4000-8000-00000000000a")
                + "," + Reports.valid("00000000-0000-4000-8000-00000000000c").put("corrects", "00000000-0000-4000-8000-00000000000a") + "]";
        var r = node.post("/api/v1/reports", both);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/1/corrects");
    }

    @Test
    void of_concurrent_corrections_of_one_report_exactly_one_is_accepted() throws Exception {
        node.post("/api/v1/reports", Reports.valid("00000000-0000-4000-8000-00000000000a").toString());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = Reports.valid(String.format("00000000-0000-4000-8000-0000000001%02d", i)).put("value", 1400 + i)
                    .put("corrects", "00000000-0000-4000-8000-00000000000a").toString();
            answers.add(pool.submit(() -> {
                go.await();
                return node.post("/api/v1/reports", body).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var f : answers) statuses.add(f.get());
        pool.shutdown();
        assertThat(statuses.stream().filter(st -> st == 201)).hasSize(1);
        assertThat(statuses.stream().filter(st -> st == 422)).hasSize(7);
        var f = node.get("/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=2021-01-25").json();
        assertThat(f.get("basedOn")).hasSize(1);
    }

    @Test
    void decimals_add_exactly() {
        ObjectNode a = Reports.valid("00000000-0000-4000-8000-0000000000d1").put("metric", "land_cleared").put("value", "414.6")
                .put("asOf", "2021-02-01");
        a.putObject("breakdown");
        ObjectNode b = Reports.valid("00000000-0000-4000-8000-0000000000d2").put("metric", "land_cleared").put("kind", "increment")
                .put("value", 64.6).put("asOf", "2021-02-02");
        b.putObject("breakdown");
        assertThat(node.post("/api/v1/reports", a.toString()).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/reports", b.toString()).status()).isEqualTo(201);
        var f = node.get("/api/v1/figures?metric=land_cleared&source=ru-peacekeepers&place=nk&asOf=2021-02-02").json();
        assertThat(f.get("value").toString()).isEqualTo("479.2");
        assertThat(f.get("basedOn")).hasSize(2);
    }

    @Test
    void no_figure_for_that_date_is_a_404_problem() {
        var r = node.get("/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=2020-01-01");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private static ObjectNode returned(String id, int value) {
        return Reports.valid(id).put("kind", "increment").put("value", value).put("asOf", "2021-01-21").without("breakdown");
    }

    @Test
    void a_second_report_saying_the_same_is_a_409_naming_the_first_unless_marked_and_is_never_counted_twice() {
        String first = "00000000-0000-4000-8000-0000000000a1";
        long seq = node.post("/api/v1/reports", returned(first, 40).toString()).json().get("seq").asLong();
        long size = node.truce.ledger().size();
        var again = node.post("/api/v1/reports", returned("00000000-0000-4000-8000-0000000000a2", 40).toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).endsWith("/duplicate");
        assertThat(again.json().at("/errors/0/pointer").asText()).isEqualTo("");
        assertThat(again.json().at("/errors/0/detail").asText()).contains("repeats report " + first + " (entry " + seq + ")");
        assertThat(node.truce.ledger().size()).isEqualTo(size);

        ObjectNode marked = returned("00000000-0000-4000-8000-0000000000a2", 40);
        marked.putObject("duplicateOf").put("id", first).put("reason", "carried again by a second outlet");
        assertThat(node.post("/api/v1/reports", marked.toString()).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/reports", marked.toString()).status()).as("a retry stays a retry").isEqualTo(200);
        var f = node.get("/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=2021-01-21").json();
        // the contingent published no total of its own in the demo: its figure is its increments, counted once
        assertThat(f.get("value").toString()).as("40, once").isEqualTo("40");
        assertThat(f.get("basedOn")).extracting(JsonNode::asLong).containsExactly(seq);
        JsonNode bulletin = node.get("/api/v1/bulletins/2021-01-21?format=json", node.token).json();
        for (JsonNode section : bulletin.get("sections")) {
            if (!section.get("metric").asText().equals("medical_assistance")) continue;
            List<JsonNode> contingent = new java.util.ArrayList<>();
            section.get("lines").forEach(l -> { if (l.get("source").asText().equals("ru-peacekeepers")) contingent.add(l); });
            assertThat(contingent).as("printed once").hasSize(1);
            assertThat(contingent.get(0).get("parts")).extracting(p -> p.get("value").asText()).containsExactly("40");
        }
    }

    @Test
    void a_batch_whose_items_repeat_each_other_is_refused_at_the_second_and_writes_nothing() {
        long size = node.truce.ledger().size();
        ArrayNode batch = TestNode.JSON.createArrayNode();
        batch.add(returned("00000000-0000-4000-8000-0000000000b1", 7));
        batch.add(returned("00000000-0000-4000-8000-0000000000b2", 7));
        var r = node.post("/api/v1/reports", batch.toString());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/1");
        assertThat(r.json().at("/errors/0/detail").asText()).contains("00000000-0000-4000-8000-0000000000b1").contains("/0");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
        ((ObjectNode) batch.get(1)).putObject("duplicateOf").put("id", "00000000-0000-4000-8000-0000000000b1").put("reason", "twice in the source");
        assertThat(node.post("/api/v1/reports", batch.toString()).status()).isEqualTo(200);
        assertThat(node.truce.ledger().size()).isEqualTo(size + 2);
    }

    @Test
    void duplicate_of_that_names_a_report_it_does_not_repeat_is_a_422() {
        long size = node.truce.ledger().size();
        ObjectNode wrong = returned("00000000-0000-4000-8000-0000000000c1", 9);
        wrong.putObject("duplicateOf").put("id", "00000000-0000-4000-8000-0000000000c9").put("reason", "no such report");
        var r = node.post("/api/v1/reports", wrong.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/duplicateOf/id");
        ObjectNode noReason = returned("00000000-0000-4000-8000-0000000000c2", 9);
        noReason.putObject("duplicateOf").put("id", "00000000-0000-4000-8000-0000000000c9");
        assertThat(node.post("/api/v1/reports", noReason.toString()).json().at("/errors/0/pointer").asText()).isEqualTo("/duplicateOf/reason");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }
}

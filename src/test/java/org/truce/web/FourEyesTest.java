package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.FourEyes;
import org.truce.accounts.Role;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Four eyes over real HTTP: a figure transcribed in another body's name is in the record but counts
 * nowhere until a second account confirms it, and then only from the confirmation's record time on.
 */
class FourEyesTest {
    private static final String FIGURE = "/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=2021-01-20";
    @TempDir
    Path dir;
    private TestNode node;

    private TestNode start(String rule) {
        node = new TestNode(dir, null, true, Map.of(FourEyes.ENV, rule));
        return node;
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private static String review(String report, String decision, String reason) {
        ObjectNode n = TestNode.JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("report", report).put("decision", decision);
        if (reason != null) n.put("reason", reason);
        return n.toString();
    }

    private String value(String query) {
        TestNode.Response r = node.get(query);
        return r.status() == 200 ? r.json().get("value").asText() : "none";
    }

    private TestNode.Response upload(String csv, String query) {
        return node.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base() + "/api/v1/imports" + query + "&document.publisher=Outlet"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + node.token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    @Test
    void a_changed_row_of_a_figure_awaiting_review_corrects_it_rather_than_adding_a_second() {
        start("another-account");
        String head = "Показатель;Значение;Дата;Место;Источник;Атрибуция;Документ\r\n";
        String first = head + "returnees;48 241;11.01.2021;nk;ru-peacekeepers;По данным миротворцев;Сводка\r\n";
        TestNode.Response recorded = upload(first, "?dryRun=false");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        String awaiting = recorded.json().at("/rows/0/entry/id").asText();
        assertThat(node.get("/api/v1/reviews", node.token).json().findValuesAsText("id")).contains(awaiting);

        String changed = first.replace("48 241", "48 300");
        TestNode.Response refused = upload(changed, "?dryRun=true");
        assertThat(refused.json().at("/rows/0/status").asText()).as(refused.body()).isEqualTo("error");
        assertThat(refused.json().at("/rows/0/errors/0/detail").asText()).contains(awaiting + " (48241, awaiting review)");
        TestNode.Response corrects = upload(changed, "?dryRun=false&corrections=true");
        assertThat(corrects.status()).as(corrects.body()).isEqualTo(200);
        assertThat(corrects.json().at("/rows/0/status").asText()).isEqualTo("correction");
        assertThat(corrects.json().at("/rows/0/corrects").asText()).isEqualTo(awaiting);
    }

    @Test
    void a_transcribed_figure_counts_only_once_a_second_account_confirms_it_and_from_then_on() {
        start("another-account");
        String id = UUID.randomUUID().toString();
        TestNode.Response filed = node.post("/api/v1/reports", Reports.valid(id).toString(), node.token);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long filedSeq = filed.json().get("seq").asLong();
        assertThat(value(FIGURE)).isNotEqualTo("1300");
        assertThat(node.get("/api/v1/reviews", node.token).json().findValuesAsText("id")).contains(id);
        assertThat(node.get("/api/v1/reviews").status()).isEqualTo(401);

        TestNode.Response own = node.post("/api/v1/reviews", review(id, "confirmed", null), node.token);
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.json().at("/errors/0/pointer").asText()).isEqualTo("/report");
        assertThat(own.json().at("/errors/0/detail").asText()).contains("second account");

        String second = node.account("desk", "desk", "second", Role.TRANSCRIBER);
        TestNode.Response confirmed = node.post("/api/v1/reviews", review(id, "confirmed", null), second);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        long confirmedSeq = confirmed.json().get("seq").asLong();
        assertThat(value(FIGURE)).isEqualTo("1300");
        assertThat(value(FIGURE + "&atSize=" + confirmedSeq)).as("known before the confirmation").isNotEqualTo("1300");
        assertThat(value(FIGURE + "&atSize=" + (filedSeq + 1))).isNotEqualTo("1300");
        assertThat(value(FIGURE + "&atSize=" + (confirmedSeq + 1))).isEqualTo("1300");
        assertThat(node.get("/api/v1/reviews", node.token).json().findValuesAsText("id")).doesNotContain(id);

        TestNode.Response again = node.post("/api/v1/reviews", review(id, "rejected", "late doubt"), second);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().at("/errors/0/detail").asText()).contains("does not await review");
    }

    @Test
    void a_rejected_figure_never_counts_and_a_rejection_must_say_why() {
        start("another-account");
        String id = UUID.randomUUID().toString();
        assertThat(node.post("/api/v1/reports", Reports.valid(id).toString(), node.token).status()).isEqualTo(201);
        String second = node.account("desk", "desk", "second", Role.SECRETARIAT);
        TestNode.Response bare = node.post("/api/v1/reviews", review(id, "rejected", null), second);
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.json().at("/errors/0/pointer").asText()).isEqualTo("/reason");
        TestNode.Response rejected = node.post("/api/v1/reviews", review(id, "rejected", "the document gives 1,200"), second);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);
        assertThat(value(FIGURE)).isNotEqualTo("1300");
        assertThat(node.get("/api/v1/reviews", node.token).json().get("total").asInt()).isZero();
    }

    @Test
    void under_another_organisation_a_colleague_may_not_confirm_but_another_organisation_may() {
        start("another-organisation");
        String id = UUID.randomUUID().toString();
        assertThat(node.post("/api/v1/reports", Reports.valid(id).toString(), node.token).status()).isEqualTo(201);
        String colleague = node.account("desk", "desk", "colleague", Role.TRANSCRIBER);
        TestNode.Response refused = node.post("/api/v1/reviews", review(id, "confirmed", null), colleague);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/errors/0/detail").asText()).contains("another organisation");
        String other = node.account("icrc", "icrc", "reviewer", Role.TRANSCRIBER);
        assertThat(node.post("/api/v1/reviews", review(id, "confirmed", null), other).status()).isEqualTo(201);
        assertThat(value(FIGURE)).isEqualTo("1300");
    }

    @Test
    void a_reporter_speaking_for_its_own_body_needs_no_second_pair_of_eyes_and_a_pending_correction_leaves_the_figure_as_it_was() {
        start("another-account");
        String reporter = node.account("rupk", "ru-peacekeepers", "medic", Role.REPORTER);
        String id = UUID.randomUUID().toString();
        assertThat(node.post("/api/v1/reports", Reports.valid(id).toString(), reporter).status()).isEqualTo(201);
        assertThat(value(FIGURE)).isEqualTo("1300");

        // a transcriber's correction of it waits; until the body's reporter confirms it, the figure stands
        String transcriber = node.account("rupk", "ru-peacekeepers", "clerk", Role.TRANSCRIBER);
        ObjectNode correction = Reports.valid(UUID.randomUUID().toString()).put("value", 1310).put("corrects", id);
        TestNode.Response pending = node.post("/api/v1/reports", correction.toString(), transcriber);
        assertThat(pending.status()).as(pending.body()).isEqualTo(201);
        assertThat(value(FIGURE)).isEqualTo("1300");
        assertThat(node.post("/api/v1/reviews", review(correction.get("id").asText(), "confirmed", null), transcriber).status()).isEqualTo(403);
        assertThat(node.post("/api/v1/reviews", review(correction.get("id").asText(), "confirmed", null), reporter).status()).isEqualTo(201);
        assertThat(value(FIGURE)).isEqualTo("1310");
    }

    @Test
    void a_reviewer_needs_a_role_that_records_figures() {
        start("another-account");
        String id = UUID.randomUUID().toString();
        assertThat(node.post("/api/v1/reports", Reports.valid(id).toString(), node.token).status()).isEqualTo(201);
        String analyst = node.account("desk", "desk", "analyst", Role.ANALYST);
        assertThat(node.post("/api/v1/reviews", review(id, "confirmed", null), analyst).status()).isEqualTo(403);
        assertThat(value(FIGURE)).isNotEqualTo("1300");
    }

    @Test
    void the_desk_worklist_offers_the_decision_to_a_second_account_only() {
        start("another-account");
        String id = UUID.randomUUID().toString();
        assertThat(node.post("/api/v1/reports", Reports.valid(id).toString(), node.token).status()).isEqualTo(201);
        String mine = node.get("/desk", node.token).body();
        assertThat(mine).contains("review-" + id).contains("Another account must review this figure")
                .doesNotContain("name=\"report\" value=\"" + id + "\"");
        String second = node.account("desk", "desk", "second", Role.TRANSCRIBER);
        String theirs = node.get("/desk", second).body();
        assertThat(theirs).contains("name=\"report\" value=\"" + id + "\"").containsPattern("ru-peacekeepers on medical_assistance: 1 report: <a href=\"/desk/reports/" + id + "\">");
    }
}

package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/** Who may write in whose name: refused writes answer 403 naming the field and write nothing. */
class InWhoseNameTest {
    @TempDir
    Path dir;

    @Test
    void a_reporter_of_one_organisation_cannot_write_as_another() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String icrc = node.account("icrc", "icrc", "rep-b", Role.REPORTER);
            long size = node.truce.ledger().size();
            var r = node.post("/api/v1/reports", Reports.valid(UUID.randomUUID().toString()).put("source", "anama").toString(), icrc);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/source");
            assertThat(r.json().at("/errors/0/detail").asText()).contains("only in the name of icrc");
            var c = node.post("/api/v1/cases", CaseFixtures.body(UUID.randomUUID().toString(), "Someone"), icrc);
            assertThat(c.status()).isEqualTo(403);
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }

    @Test
    void a_reporter_speaks_for_its_own_body_and_the_bodies_part_of_it_without_a_document() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account("az-government", "az-government", "rep-az", Role.REPORTER);
            var own = Reports.valid(UUID.randomUUID().toString()).put("source", "az-government");
            own.remove("document");
            assertThat(node.post("/api/v1/reports", own.toString(), az).status()).isEqualTo(201);
            // anama is part of the Government of Azerbaijan in the demo catalog
            var part = Reports.valid(UUID.randomUUID().toString()).put("source", "anama");
            assertThat(node.post("/api/v1/reports", part.toString(), az).status()).isEqualTo(201);
            var other = Reports.valid(UUID.randomUUID().toString()).put("source", "am-government");
            assertThat(node.post("/api/v1/reports", other.toString(), az).status()).isEqualTo(403);
        }
    }

    @Test
    void a_transcriber_cannot_record_without_the_document_cited() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String desk = node.account("unhcr", "unhcr", "trans", Role.TRANSCRIBER);
            long size = node.truce.ledger().size();
            var uncited = Reports.valid(UUID.randomUUID().toString());
            uncited.remove("document");
            var r = node.post("/api/v1/reports", uncited.toString(), desk);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/document");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
            assertThat(node.post("/api/v1/reports", Reports.valid(UUID.randomUUID().toString()).toString(), desk).status()).isEqualTo(201);
        }
    }

    @Test
    void a_transcriber_may_retract_only_what_its_own_organisation_recorded() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String first = node.account("unhcr", "unhcr", "trans-1", Role.TRANSCRIBER);
            String second = node.account("icrc", "icrc", "trans-2", Role.TRANSCRIBER);
            String id = UUID.randomUUID().toString();
            assertThat(node.post("/api/v1/reports", Reports.valid(id).toString(), first).status()).isEqualTo(201);
            String retraction = "{\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"ru-peacekeepers\",\"retracts\":\"" + id
                    + "\",\"reason\":\"withdrawn\"}";
            var r = node.post("/api/v1/reports", retraction, second);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/retracts");
            assertThat(node.post("/api/v1/reports", retraction, first).status()).isEqualTo(201);
        }
    }

    @Test
    void a_transcriber_cannot_record_a_map_status_without_the_document_cited() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String desk = node.account("unhcr", "unhcr", "trans", Role.TRANSCRIBER);
            long size = node.truce.ledger().size();
            String status = "{\"id\":\"" + UUID.randomUUID() + "\",\"feature\":\"checkpoint-lachin-corridor\",\"status\":\"open\","
                    + "\"from\":\"2021-01-02\",\"source\":\"anama\"";
            var r = node.post("/api/v1/statuses", status + "}", desk);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/document");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
            var cited = node.post("/api/v1/statuses", status + ",\"document\":{\"title\":\"Notice\",\"publisher\":\"ANAMA\"}}", desk);
            assertThat(cited.status()).isEqualTo(201);
        }
    }

    @Test
    void a_part_of_a_body_cannot_record_a_finding_on_what_its_parent_alleged() {
        try (TestNode node = TestNode.withDemo(dir)) {
            // ru-peacekeepers is part of ru-defence-ministry in the demo catalog
            String ministry = node.account("ru-mod", "ru-defence-ministry", "mod-rep", Role.REPORTER);
            String peacekeepers = node.account("ru-pk", "ru-peacekeepers", "pk-ver", Role.VERIFIER);
            String incident = IncidentsApiTest.uuid(1);
            assertThat(node.post("/api/v1/incidents", IncidentsApiTest.allegation(incident, "ru-defence-ministry"), ministry).status())
                    .isEqualTo(201);
            for (String step : java.util.List.of("received", "preliminary_review", "monitoring_team_report")) {
                var r = node.post("/api/v1/incident-steps", IncidentsApiTest.step(UUID.randomUUID().toString(), incident, step, ""), peacekeepers);
                assertThat(r.status()).as(step).isEqualTo(201);
            }
            long size = node.truce.ledger().size();
            var finding = node.post("/api/v1/incident-steps",
                    IncidentsApiTest.step(UUID.randomUUID().toString(), incident, "finding", ",\"finding\":\"confirmed\""), peacekeepers);
            assertThat(finding.status()).isEqualTo(403);
            assertThat(finding.json().at("/errors/0/pointer").asText()).isEqualTo("/incident");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }

    @Test
    void public_entries_name_the_organisation_and_the_private_trail_names_the_account() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            var r = node.post("/api/v1/reports", Reports.valid(UUID.randomUUID().toString()).put("source", "anama").toString(), reporter);
            assertThat(r.status()).isEqualTo(201);
            long seq = r.json().get("seq").asLong();
            var entry = node.get("/api/v1/ledger/entries?from=" + seq + "&limit=1");
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.body()).contains("\"author\":\"anama\"").doesNotContain("anama/");
            assertThat(node.truce.audit().read("anama", -1, 1000).stream()
                    .anyMatch(a -> a.action().equals("entries.recorded") && a.target().equals("seq " + seq) && a.org().equals("anama")))
                    .isTrue();
        }
    }
}

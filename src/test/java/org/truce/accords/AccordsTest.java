package org.truce.accords;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.TestNode;

/** The accords tracker over real HTTP, on the demo data. */
class AccordsTest {
    @TempDir
    Path dir;

    private static JsonNode obligation(TestNode node, String id, String asOf) {
        for (JsonNode o : node.get("/api/v1/obligations?asOf=" + asOf).json()) if (o.get("id").asText().equals(id)) return o;
        throw new AssertionError("no obligation " + id);
    }

    @Test
    void a_relative_deadline_is_pending_until_its_event_is_recorded_then_resolved_from_its_date() {
        try (TestNode node = TestNode.withDemo(dir)) {
            JsonNode before = obligation(node, "obl-2021-p3-project-lists", "2021-03-31").get("schedule");
            assertThat(before.get("pending").asBoolean()).isTrue();
            assertThat(before.get("current").isNull()).isTrue();

            var r = node.post("/api/v1/accord-events", "{\"id\":\"event-subgroups-approved\",\"title\":\"Subgroups approved\",\"date\":\"2021-02-02\","
                    + "\"source\":\"ru-government\",\"document\":{\"title\":\"Report\",\"publisher\":\"Government of Russia\"}}");
            assertThat(r.status()).isEqualTo(201);

            JsonNode after = obligation(node, "obl-2021-p3-project-lists", "2021-03-31").get("schedule");
            assertThat(after.get("pending").asBoolean()).isFalse();
            assertThat(after.get("eventDate").asText()).isEqualTo("2021-02-02");
            assertThat(after.get("current").asText()).isEqualTo("2021-03-02");
        }
    }

    @Test
    void an_amended_deadline_keeps_both_dates_and_the_basis() {
        try (TestNode node = TestNode.withDemo(dir)) {
            JsonNode s = obligation(node, "obl-2020-p6-kalbajar", "2020-12-01").get("schedule");
            assertThat(s.get("original").asText()).isEqualTo("2020-11-15");
            assertThat(s.get("current").asText()).isEqualTo("2020-11-25");
            assertThat(s.get("amendments")).hasSize(1);
            assertThat(s.at("/amendments/0/agreedOn").asText()).isEqualTo("2020-11-15");
            assertThat(s.at("/amendments/0/basis").asText()).contains("Armenia's request");
            assertThat(s.get("metOnTime").asBoolean()).isTrue();
        }
    }

    @Test
    void overdue_obligations_are_flagged_per_assessor_as_of_a_date() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String am = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
            String az = node.account("az-government", "az-government", "az-rep", Role.REPORTER);
            String body = "{\"id\":\"%s\",\"obligation\":\"obl-2021-p4-measures\",\"assessor\":\"%s\",\"status\":%d,"
                    + "\"date\":\"2021-03-02\",\"evidence\":{\"entries\":[\"meeting-2021-03-01-wg\"]}}";
            assertThat(node.post("/api/v1/assessments", body.formatted("0b5c5e8e-1111-4c1b-9b7a-000000000001", "am-government", 3), am).status()).isEqualTo(201);
            assertThat(node.post("/api/v1/assessments", body.formatted("0b5c5e8e-1111-4c1b-9b7a-000000000002", "az-government", 2), az).status()).isEqualTo(201);

            JsonNode overdue = node.get("/api/v1/obligations/overdue?asOf=2021-03-03").json();
            assertThat(overdue.findValuesAsText("assessor")).contains("az-government", "monitor-illustrative").doesNotContain("am-government");
            // before the deadline passed nothing of it is overdue, whoever assessed it
            JsonNode early = node.get("/api/v1/obligations/overdue?asOf=2021-03-01").json();
            assertThat(early.findValuesAsText("obligation")).doesNotContain("obl-2021-p4-measures");
            // met on time by the meeting of 30 January: never overdue
            assertThat(overdue.findValuesAsText("obligation")).doesNotContain("obl-2021-p2-first-meeting");
        }
    }

    @Test
    void a_status_change_without_evidence_is_refused_naming_the_field_and_nothing_is_written() {
        try (TestNode node = TestNode.withDemo(dir)) {
            long size = node.truce.ledger().size();
            var r = node.post("/api/v1/assessments", "{\"id\":\"0b5c5e8e-1111-4c1b-9b7a-000000000003\",\"obligation\":"
                    + "\"obl-2020-p8-exchange\",\"assessor\":\"desk\",\"status\":2,\"date\":\"2021-01-05\"}");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/evidence");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }

    @Test
    void a_reporter_may_not_assess_in_another_bodys_name() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String am = node.account("am-government", "am-government", "am-rep", Role.REPORTER);
            var r = node.post("/api/v1/assessments", "{\"id\":\"0b5c5e8e-1111-4c1b-9b7a-000000000004\",\"obligation\":"
                    + "\"obl-2020-p8-exchange\",\"assessor\":\"az-government\",\"status\":2,\"date\":\"2021-01-05\","
                    + "\"evidence\":{\"entries\":[\"meeting-2021-01-09-border\"]}}", am);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/assessor");
        }
    }

    @Test
    void point_2_of_the_november_statement_is_flagged_as_differing_between_versions() {
        try (TestNode node = TestNode.withDemo(dir)) {
            JsonNode nov = null;
            for (JsonNode a : node.get("/api/v1/agreements").json()) if (a.get("id").asText().equals("statement-2020-11-10")) nov = a;
            assertThat(nov).isNotNull();
            assertThat(nov.get("pointsWhoseVersionsDiffer").toString()).isEqualTo("[2]");
            assertThat(nov.at("/provisions/1/versionsDiffer").asBoolean()).isTrue();
            assertThat(nov.at("/provisions/0/versionsDiffer").asBoolean()).isFalse();
            assertThat(nov.get("versions")).hasSize(3);
            assertThat(nov.at("/versions/2/attribution").asText()).startsWith("another English translation as carried by News.ru");
            assertThat(nov.at("/versions/2/publisher").isNull()).isTrue();
        }
    }

    @Test
    void the_bulletin_of_31_january_2021_shows_the_first_meeting_as_held_on_time_in_english_and_russian() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String en = node.get("/api/v1/bulletins/2021-01-31?format=text", node.token).body();
            assertThat(en).contains("the first meeting of the trilateral working group was held on 30 January 2021")
                    .contains("Dates in the record: held on 30 January 2021; deadline for “First meeting of the trilateral working group”"
                            + " (point 2 of the statement of 11 January 2021): 30 January 2021; held on or before the deadline.")
                    .contains("illustrative");
            // ICU puts a (narrow) no-break space before "г." in Russian dates
            String ru = node.get("/api/v1/bulletins/2021-01-31?format=text&lang=ru", node.token).body().replaceAll("[\\u00a0\\u202f]", " ");
            assertThat(ru).contains("Выполнение заявлений")
                    .contains("30 января 2021 г., место в источниках записи не указано: первое заседание трёхсторонней рабочей группы (по данным правительства России).")
                    .contains("Даты по записи: встреча — 30 января 2021 г., срок выполнения обязательства "
                            + "«Первое заседание трёхсторонней рабочей группы» (пункт 2 заявления от 11 января 2021 г.) — "
                            + "30 января 2021 г.; встреча прошла не позднее срока.")
                    .doesNotContain("г..");
        }
    }

    @Test
    void the_on_time_reading_of_a_meeting_is_a_separate_sentence_not_in_the_reporting_bodys_voice() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String en = node.get("/api/v1/bulletins/2021-01-31?format=text", node.token).body();
            String voiced = en.lines().filter(l -> l.contains("According to the Government of Russia, the first meeting")).findFirst().orElseThrow();
            String sentence = voiced.substring(voiced.indexOf("According to"), voiced.indexOf("Dates in the record"));
            assertThat(sentence).isEqualTo("According to the Government of Russia, the first meeting of the trilateral working group"
                    + " was held on 30 January 2021 (place not given in the record's sources). ");
        }
    }

    @Test
    void meetings_are_listed_by_date_range_with_whether_they_met_an_obligation_on_time() {
        try (TestNode node = TestNode.withDemo(dir)) {
            JsonNode m = node.get("/api/v1/meetings?from=2021-01-09&to=2021-01-30").json();
            assertThat(m.findValuesAsText("id")).containsExactly("meeting-2021-01-09-border", "meeting-2021-01-11-moscow", "meeting-2021-01-30-wg");
            assertThat(m.at("/2/met/0/onTime").asBoolean()).isTrue();
            JsonNode groups = node.get("/api/v1/working-groups").json();
            assertThat(groups.at("/0/subgroups")).hasSize(3);
            assertThat(groups.at("/0/remitClaims/0/source").asText()).isEqualTo("southfront");
            assertThat(node.get("/api/v1/obligations/upcoming?from=2021-01-25&days=14").json().findValuesAsText("id"))
                    .containsExactly("obl-2021-p2-first-meeting", "obl-2021-p3-subgroups-formed", "obl-2021-p3-subgroup-sessions");
        }
    }

    @Test
    void one_assessors_own_fulfilment_clears_only_that_assessors_overdue_flag() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String am = node.account("am-government", "am-government", "am-sec", Role.REPORTER, Role.SECRETARIAT);
            String az = node.account("az-government", "az-government", "az-rep", Role.REPORTER);
            String body = "{\"id\":\"%s\",\"obligation\":\"obl-2021-p4-measures\",\"assessor\":\"%s\",\"status\":1,"
                    + "\"date\":\"2021-02-20\",\"evidence\":{\"entries\":[\"meeting-2021-01-30-wg\"]}}";
            assertThat(node.post("/api/v1/assessments", body.formatted("0b5c5e8e-1111-4c1b-9b7a-000000000011", "am-government"), am).status()).isEqualTo(201);
            assertThat(node.post("/api/v1/assessments", body.formatted("0b5c5e8e-1111-4c1b-9b7a-000000000012", "az-government"), az).status()).isEqualTo(201);
            // the Armenian government reports a meeting that met the deadline of 1 March
            var meeting = node.post("/api/v1/meetings", "{\"id\":\"meeting-2021-02-28-measures\",\"title\":\"a meeting on the measures\","
                    + "\"date\":\"2021-02-28\",\"place\":\"Yerevan\",\"source\":\"am-government\",\"participants\":[\"am-government\"],"
                    + "\"fulfils\":[\"obl-2021-p4-measures\"]}", am);
            assertThat(meeting.status()).isEqualTo(201);

            JsonNode overdue = node.get("/api/v1/obligations/overdue?asOf=2021-03-03").json();
            java.util.List<String> flagged = new java.util.ArrayList<>();
            for (JsonNode o : overdue) if (o.get("obligation").asText().equals("obl-2021-p4-measures")) flagged.add(o.get("assessor").asText());
            assertThat(flagged).containsExactlyInAnyOrder("az-government", "monitor-illustrative");
        }
    }

    @Test
    void a_deadline_amendment_applies_only_to_answers_as_of_the_day_it_was_agreed_or_later() {
        try (TestNode node = TestNode.withDemo(dir)) {
            JsonNode before = obligation(node, "obl-2020-p6-kalbajar", "2020-11-14").get("schedule");
            assertThat(before.get("current").asText()).isEqualTo("2020-11-15");
            assertThat(before.get("amendments")).isEmpty();
            JsonNode on = obligation(node, "obl-2020-p6-kalbajar", "2020-11-15").get("schedule");
            assertThat(on.get("current").asText()).isEqualTo("2020-11-25");

            assertThat(node.get("/api/v1/obligations/upcoming?from=2020-11-10&days=3").json().findValuesAsText("id"))
                    .doesNotContain("obl-2020-p6-kalbajar");
            assertThat(node.get("/api/v1/obligations/upcoming?from=2020-11-10&days=5").json().findValuesAsText("id"))
                    .contains("obl-2020-p6-kalbajar");

            String early = node.get("/api/v1/bulletins/2020-11-10?format=text", node.token).body();
            assertThat(early).contains("“Return of the Kalbajar district” (the Government of Armenia) is due by 15 November 2020.");
            String later = node.get("/api/v1/bulletins/2020-11-16?format=text", node.token).body();
            assertThat(later).contains("“Return of the Kalbajar district” (the Government of Armenia) is due by 25 November 2020,"
                    + " a date moved from 15 November 2020 by what was agreed on 15 November 2020.");
        }
    }

    @Test
    void the_russian_bulletin_shows_russian_obligation_and_meeting_texts_and_marks_a_text_in_another_language() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String ru = node.get("/api/v1/bulletins/2020-11-10?format=text&lang=ru", node.token).body().replaceAll("[\\u00a0\\u202f]", " ");
            assertThat(ru).contains("обязательство «Возвращение Кельбаджарского района» (пункт 6").doesNotContain("Return of");

            var r = node.post("/api/v1/meetings", "{\"id\":\"meeting-2021-01-29-talks\",\"title\":\"talks on rail links\","
                    + "\"date\":\"2021-01-29\",\"place\":\"Moscow\",\"source\":\"ru-government\",\"participants\":[\"ru-government\"],"
                    + "\"document\":{\"title\":\"Note\",\"publisher\":\"Government of Russia\"},"
                    + "\"texts\":[{\"lang\":\"hy\",\"title\":\"բանակցություններ\",\"attribution\":\"the record's wording\"}]}");
            assertThat(r.status()).isEqualTo(201);
            String withFallback = node.get("/api/v1/bulletins/2021-01-31?format=text&lang=ru", node.token).body().replaceAll("[\\u00a0\\u202f]", " ");
            assertThat(withFallback).contains("29 января 2021 г., Moscow: talks on rail links (текст на английском языке) (по данным правительства России).")
                    .contains("30 января 2021 г., место в источниках записи не указано: первое заседание трёхсторонней рабочей группы");
        }
    }
}

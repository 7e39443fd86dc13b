package org.truce.accords;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.TestNode;

/**
 * The secretariat's writes speak in a body's name by the same rules as reports and assessments
 * (DESIGN.md principle 1), and an assessment cites only evidence. Over real HTTP, on the demo data.
 */
class AccordWritesTest {
    private static final String JMC = "ru-tr-joint-monitoring-centre";
    private static final String DOCUMENT = "\"document\":{\"title\":\"Press release\",\"publisher\":\"Government of Russia\"}";

    @TempDir
    Path dir;

    private static String meeting(String id, String source, String extra) {
        return "{\"id\":\"" + id + "\",\"title\":\"a meeting\",\"date\":\"2021-01-20\",\"place\":\"Moscow\",\"source\":\"" + source
                + "\",\"participants\":[\"ru-government\"]" + extra + "}";
    }

    @Test
    void a_secretariat_records_a_meeting_only_in_its_own_sources_name() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String secretariat = node.account("jmc", JMC, "secr", Role.SECRETARIAT);
            long size = node.truce.ledger().size();
            var other = node.post("/api/v1/meetings", meeting("meeting-x1", "ru-government", ""), secretariat);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.json().at("/errors/0/pointer").asText()).isEqualTo("/source");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
            assertThat(node.post("/api/v1/meetings", meeting("meeting-x2", JMC, ""), secretariat).status()).isEqualTo(201);
        }
    }

    @Test
    void a_transcribing_secretariat_records_another_bodys_meeting_only_citing_the_document() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String desk = node.account("jmc", JMC, "secr-trans", Role.SECRETARIAT, Role.TRANSCRIBER);
            var bare = node.post("/api/v1/meetings", meeting("meeting-x3", "ru-government", ""), desk);
            assertThat(bare.status()).isEqualTo(403);
            assertThat(bare.json().at("/errors/0/pointer").asText()).isEqualTo("/document");
            assertThat(node.post("/api/v1/meetings", meeting("meeting-x4", "ru-government", "," + DOCUMENT), desk).status()).isEqualTo(201);
        }
    }

    @Test
    void events_amendments_and_versions_speak_in_a_body_name_checked_like_every_other_write() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String secretariat = node.account("jmc", JMC, "secr", Role.SECRETARIAT);
            String event = "{\"id\":\"event-x\",\"title\":\"An event\",\"date\":\"2021-01-02\"%s}";
            var nameless = node.post("/api/v1/accord-events", event.formatted(""), secretariat);
            assertThat(nameless.status()).isEqualTo(422);
            assertThat(nameless.json().at("/errors/0/pointer").asText()).isEqualTo("/source");
            var others = node.post("/api/v1/accord-events", event.formatted(",\"source\":\"az-government\""), secretariat);
            assertThat(others.status()).isEqualTo(403);
            assertThat(others.json().at("/errors/0/pointer").asText()).isEqualTo("/source");
            assertThat(node.post("/api/v1/accord-events", event.formatted(",\"source\":\"" + JMC + "\""), secretariat).status()).isEqualTo(201);

            String amendment = "{\"id\":\"0b5c5e8e-2222-4c1b-9b7a-000000000001\",\"obligation\":\"obl-2021-p4-measures\","
                    + "\"date\":\"2021-03-10\",\"agreedOn\":\"2021-03-01\",\"basis\":\"Basis\"%s}";
            assertThat(node.post("/api/v1/deadline-amendments", amendment.formatted(""), secretariat).json().at("/errors/0/pointer").asText())
                    .isEqualTo("/source");
            var amended = node.post("/api/v1/deadline-amendments", amendment.formatted(",\"source\":\"am-government\""), secretariat);
            assertThat(amended.status()).isEqualTo(403);
            assertThat(amended.json().at("/errors/0/pointer").asText()).isEqualTo("/source");

            var version = node.post("/api/v1/agreement-versions", "{\"id\":\"0b5c5e8e-2222-4c1b-9b7a-000000000002\","
                    + "\"agreement\":\"statement-2020-11-10\",\"lang\":\"ru\",\"publisher\":\"ru-president\",\"attribution\":\"Text\","
                    + "\"points\":[{\"number\":1,\"text\":\"Text\"}]}", secretariat);
            assertThat(version.status()).isEqualTo(403);
            assertThat(version.json().at("/errors/0/pointer").asText()).isEqualTo("/publisher");
        }
    }

    private static String assessment(String id, String evidence) {
        return "{\"id\":\"" + id + "\",\"obligation\":\"obl-2021-p4-measures\",\"assessor\":\"az-government\",\"status\":1,"
                + "\"date\":\"2021-03-02\",\"evidence\":{\"entries\":[" + evidence + "]}}";
    }

    @Test
    void an_assessment_may_not_cite_its_own_obligation_itself_or_an_entry_that_is_not_evidence() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account("az-government", "az-government", "az-rep", Role.REPORTER);
            long size = node.truce.ledger().size();
            String id = "0b5c5e8e-3333-4c1b-9b7a-000000000001";

            var own = node.post("/api/v1/assessments", assessment(id, "\"obl-2021-p4-measures\""), az);
            assertThat(own.status()).isEqualTo(422);
            assertThat(own.json().at("/errors/0/pointer").asText()).isEqualTo("/evidence/entries/0");
            assertThat(own.json().at("/errors/0/detail").asText()).contains("the assessed obligation itself");

            var self = node.post("/api/v1/assessments", assessment(id, "\"meeting-2021-03-01-wg\",\"" + id + "\""), az);
            assertThat(self.status()).isEqualTo(422);
            assertThat(self.json().at("/errors/0/pointer").asText()).isEqualTo("/evidence/entries/1");
            assertThat(self.json().at("/errors/0/detail").asText()).contains("this assessment itself");

            var group = node.post("/api/v1/assessments", assessment(id, "\"wg-trilateral-2021\""), az);
            assertThat(group.status()).isEqualTo(422);
            assertThat(group.json().at("/errors/0/pointer").asText()).isEqualTo("/evidence/entries/0");
            assertThat(group.json().at("/errors/0/detail").asText()).contains("accord.group").contains("not evidence");

            var other = node.post("/api/v1/assessments", assessment(id, "\"obl-2021-p2-first-meeting\""), az);
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.json().at("/errors/0/detail").asText()).contains("accord.obligation").contains("not evidence");
            assertThat(node.truce.ledger().size()).isEqualTo(size);

            assertThat(node.post("/api/v1/assessments", assessment(id, "\"meeting-2021-03-01-wg\",\"event-handover-aghdam\""), az).status())
                    .isEqualTo(201);
        }
    }
}

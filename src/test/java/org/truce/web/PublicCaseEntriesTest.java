package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.ledger.Draft;
import org.truce.support.TestNode;

/**
 * The public ledger holds of a case only what the public counts need (issue 16): what the parties
 * call the person is sealed like the names, readable through the case routes by analysts and
 * custodians; the counts stay as they were; and cases opened before, with the terms in clear, still
 * replay.
 */
class PublicCaseEntriesTest {
    private static final String CANARY = "Zyxwvut Canaryname";
    /** The payload of a case.opened entry as written before issue 16: the terms in clear. */
    private static final String OLD_SHAPE = "/cases/opened-before-issue-16.json";
    private static final String OLD_CASE = "6a1e0c52-8f0e-4b8a-9d47-3c2f5e7a9b10";
    private static final String EXCHANGED = "/api/v1/figures?metric=detainees_exchanged&source=anama&place=nk&asOf=";

    @TempDir
    Path dir;

    @Test
    void an_anonymous_reader_of_the_ledger_sees_of_an_opened_case_only_what_the_counts_need() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            String custodian = node.account("anama", "anama", "cust-a", Role.CUSTODIAN);
            String analyst = node.account("unhcr", "unhcr", "anal", Role.ANALYST);
            String caseId = UUID.randomUUID().toString();
            var opened = node.post("/api/v1/cases", CaseFixtures.body(caseId, CANARY), reporter);
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            exchange(node, reporter, caseId, "2021-01-09");

            var page = node.get("/api/v1/ledger/entries?from=" + opened.json().get("seq").asLong() + "&limit=1");
            assertThat(page.status()).isEqualTo(200);
            JsonNode item = page.json().at("/entries/0");
            JsonNode entry = item.get("entry");
            assertThat(entry.get("type").asText()).isEqualTo("case.opened");
            assertThat(names(entry)).containsExactlyInAnyOrder("seq", "recordedAt", "type", "author", "clientId", "payload");
            JsonNode payload = entry.get("payload");
            assertThat(names(payload)).containsExactlyInAnyOrder("id", "kind", "source", "place", "date", "status", "terms", "personal");
            assertThat(payload.get("kind").asText()).isEqualTo("detainee");
            assertThat(payload.get("status").asText()).isEqualTo("captured");
            assertThat(payload.get("date").asText()).isEqualTo("2021-01-05");
            assertThat(payload.get("place").asText()).isEqualTo("nk");
            assertThat(payload.get("source").asText()).isEqualTo("anama");
            assertThat(names(payload.get("terms"))).containsExactlyInAnyOrder("nonce", "ciphertext", "mac");
            assertThat(names(payload.get("personal"))).containsExactlyInAnyOrder("nonce", "ciphertext", "mac");
            String leaf = new String(Base64.getDecoder().decode(item.get("bytes").asText()), StandardCharsets.UTF_8);
            assertThat(leaf).doesNotContain("prisoner of war").doesNotContain("am-government").doesNotContain("az-government");

            // the case routes still give the terms to analysts and custodians, and the names to the custodian
            for (String reader : List.of(analyst, custodian)) {
                JsonNode c = node.get("/api/v1/cases/" + caseId, reader).json();
                assertThat(c.get("terms").toString()).isEqualTo("[{\"party\":\"az-government\",\"term\":\"detainee\"},"
                        + "{\"party\":\"am-government\",\"term\":\"prisoner of war\"}]");
                assertThat(node.get("/api/v1/cases?source=anama", reader).json().get(0).get("terms")).isEqualTo(c.get("terms"));
            }
            assertThat(node.get("/api/v1/cases/" + caseId + "/personal", custodian).json().at("/personal/0/data/name").asText())
                    .isEqualTo(CANARY);

            // the public counts: one exchange on 9 January in anama's name, none before
            assertThat(node.get(EXCHANGED + "2021-01-08").status()).isEqualTo(404);
            assertThat(exchanged(node, "2021-01-09")).isEqualByComparingTo("1");
        }
    }

    @Test
    void a_case_opened_before_the_terms_were_sealed_still_replays_with_its_terms_and_its_count() throws IOException {
        try (TestNode node = TestNode.withDemo(dir)) {
            node.truce.ledger().append(List.of(new Draft("case.opened", "anama/rep-a", OLD_CASE, oldShape())));
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            exchange(node, reporter, OLD_CASE, "2021-01-09");
        }
        try (TestNode node = new TestNode(dir, false)) {
            String analyst = node.account("unhcr", "unhcr", "anal", Role.ANALYST);
            JsonNode c = node.get("/api/v1/cases/" + OLD_CASE, analyst).json();
            assertThat(c.get("terms").toString()).isEqualTo("[{\"party\":\"az-government\",\"term\":\"detainee\"},"
                    + "{\"party\":\"am-government\",\"term\":\"prisoner of war\"}]");
            assertThat(c.get("status").asText()).isEqualTo("exchanged");
            assertThat(c.get("history")).hasSize(2);
            assertThat(exchanged(node, "2021-01-09")).isEqualByComparingTo("1");
        }
    }

    @Test
    void erasing_a_case_takes_its_terms_with_its_names() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            String custodian = node.account("anama", "anama", "cust-a", Role.CUSTODIAN);
            String caseId = CaseFixtures.open(node, reporter, CANARY);
            assertThat(node.get("/api/v1/cases/" + caseId, custodian).json().get("terms")).hasSize(2);

            var erased = node.post("/api/v1/cases/" + caseId + "/erasure",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"basis\":\"ref. 2021/17\"}", custodian);
            assertThat(erased.status()).as(erased.body()).isEqualTo(201);

            JsonNode c = node.get("/api/v1/cases/" + caseId, custodian).json();
            assertThat(c.get("terms")).isEmpty();
            assertThat(c.get("status").asText()).isEqualTo("captured");
            assertThat(c.has("erasure")).isTrue();
        }
    }

    private static void exchange(TestNode node, String reporter, String caseId, String date) {
        var r = node.post("/api/v1/cases/" + caseId + "/status",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"exchanged\",\"date\":\"" + date + "\"}", reporter);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static BigDecimal exchanged(TestNode node, String asOf) {
        var r = node.get(EXCHANGED + asOf);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("value").decimalValue();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode oldShape() throws IOException {
        try (InputStream in = PublicCaseEntriesTest.class.getResourceAsStream(OLD_SHAPE)) {
            return TestNode.JSON.readTree(in);
        }
    }
}

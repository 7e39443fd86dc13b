package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.cli.Main;
import org.truce.store.PrivateStores;
import org.truce.support.DataFiles;
import org.truce.support.TestNode;
import picocli.CommandLine;

/**
 * Personal data of case records is restricted: planted canary names appear in no response to anyone
 * but the custodians of the keeping organisation, nor in the ledger's files; erasure destroys the
 * case's key so the name is unreadable everywhere while the ledger still verifies.
 */
class RestrictedDataTest {
    private static final String CANARY = "Zyxwvut Canaryname";
    private static final String CANARY_TWO = "Qqqplm Secondcanary";

    @TempDir
    Path dir;

    @Test
    void no_response_to_anyone_but_the_keeping_custodian_contains_a_planted_name() throws IOException {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            String custodian = node.account("anama", "anama", "cust-a", Role.CUSTODIAN);
            Map<String, String> others = Map.of(
                    "anonymous", "",
                    "the reporter who wrote it", reporter,
                    "an analyst", node.account("unhcr", "unhcr", "anal", Role.ANALYST),
                    "a custodian of another organisation", node.account("icrc", "icrc", "cust-b", Role.CUSTODIAN),
                    "an admin", node.account("az-government", "az-government", "adm", Role.ADMIN));
            String caseId = CaseFixtures.open(node, reporter, CANARY);
            var status = node.post("/api/v1/cases/" + caseId + "/status", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"status\":\"exchanged\",\"date\":\"2021-01-09\",\"personal\":{\"alias\":\"" + CANARY_TWO + "\"}}", reporter);
            assertThat(status.status()).as(status.body()).isEqualTo(201);

            List<String> leaks = new ArrayList<>();
            for (var caller : others.entrySet()) {
                for (String path : readablePaths(caseId)) {
                    TestNode.Response r = get(node, path, caller.getValue());
                    if (r.body().contains(CANARY) || r.body().contains(CANARY_TWO)) leaks.add(caller.getKey() + ": GET " + path);
                }
            }
            assertThat(leaks).isEmpty();
            // the ledger's own files hold ciphertext only
            assertThat(filesContaining(dir, CANARY)).isEmpty();

            // ...and the keeping custodian does read both, so the scan above can fail
            TestNode.Response personal = get(node, "/api/v1/cases/" + caseId + "/personal", custodian);
            assertThat(personal.status()).isEqualTo(200);
            assertThat(personal.body()).contains(CANARY).contains(CANARY_TWO);
            assertThat(get(node, "/api/v1/audit", custodian).body()).contains("restricted.read").contains(caseId);
        }
    }

    @Test
    void erasure_destroys_the_key_so_the_name_is_unreadable_everywhere_and_the_ledger_still_verifies() throws IOException {
        String caseId;
        byte[] key;
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            String custodian = node.account("anama", "anama", "cust-a", Role.CUSTODIAN);
            caseId = CaseFixtures.open(node, reporter, CANARY);
            try (var keys = PrivateStores.openDataKeys(dir, new SecureRandom())) {
                key = keys.find(caseId).orElseThrow().bytes();
            }
            assertThat(filesContaining(dir, key)).as("the key is on disk before erasure").isNotEmpty();
            assertThat(get(node, "/api/v1/cases/" + caseId + "/personal", custodian).body()).contains(CANARY);

            var erased = node.post("/api/v1/cases/" + caseId + "/erasure",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"basis\":\"request of the person's family, ref. 2021/17\"}", custodian);
            assertThat(erased.status()).as(erased.body()).isEqualTo(201);

            var after = get(node, "/api/v1/cases/" + caseId + "/personal", custodian);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().get("erased").asBoolean()).isTrue();
            assertThat(after.json().get("personal")).isEmpty();
            assertThat(after.body()).doesNotContain(CANARY);
            // a status may still be added, but no new personal data for an erased case
            var more = node.post("/api/v1/cases/" + caseId + "/status", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"status\":\"held\",\"date\":\"2021-01-06\",\"personal\":{\"name\":\"" + CANARY + "\"}}", reporter);
            assertThat(more.status()).isEqualTo(422);
            assertThat(more.json().at("/errors/0/pointer").asText()).isEqualTo("/personal");
        }
        assertThat(filesContaining(dir, key)).as("files still holding the destroyed key").isEmpty();
        assertThat(filesContaining(dir, CANARY)).isEmpty();
        assertThat(verify(dir)).isEqualTo(0);
    }

    @Test
    void a_retry_with_the_same_personal_data_is_the_same_entry_and_other_data_under_the_same_id_is_refused() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            String id = UUID.randomUUID().toString();
            var first = node.post("/api/v1/cases", CaseFixtures.body(id, CANARY), reporter);
            long size = node.truce.ledger().size();
            var retry = node.post("/api/v1/cases", CaseFixtures.body(id, CANARY), reporter);
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.json().get("seq")).isEqualTo(first.json().get("seq"));
            var other = node.post("/api/v1/cases", CaseFixtures.body(id, CANARY_TWO), reporter);
            assertThat(other.status()).isEqualTo(409);
            assertThat(other.body()).doesNotContain(CANARY_TWO);
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }

    @Test
    void another_reporter_of_the_same_organisation_cannot_confirm_a_guessed_name_by_retrying() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String author = node.account("anama", "anama", "rep-a", Role.REPORTER);
            String colleague = node.account("anama", "anama", "rep-c", Role.REPORTER);
            String id = UUID.randomUUID().toString();
            assertThat(node.post("/api/v1/cases", CaseFixtures.body(id, CANARY), author).status()).isEqualTo(201);
            long size = node.truce.ledger().size();
            // the right guess and a wrong one get the same answer
            assertThat(node.post("/api/v1/cases", CaseFixtures.body(id, CANARY), colleague).status()).isEqualTo(409);
            assertThat(node.post("/api/v1/cases", CaseFixtures.body(id, CANARY_TWO), colleague).status()).isEqualTo(409);
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }

    @Test
    void a_custodian_granted_for_another_organisation_reads_those_cases_but_not_the_audit_trail() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            node.account("unhcr", "unhcr", "guest", Role.ANALYST);
            node.truce.accounts().grant("guest", Role.CUSTODIAN, "anama");
            String guest = node.truce.accounts().createToken("guest", "t", java.time.Duration.ofDays(1)).text();
            String caseId = CaseFixtures.open(node, reporter, CANARY);
            assertThat(get(node, "/api/v1/cases/" + caseId + "/personal", guest).body()).contains(CANARY);
            assertThat(get(node, "/api/v1/audit", guest).status()).isEqualTo(403);
        }
    }

    @Test
    void malformed_json_is_answered_without_quoting_the_body() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            var r = node.post("/api/v1/cases", "{\"personal\": {\"name\": Zyxwvut}}", reporter);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Zyxwvut").contains("line 1");
        }
    }

    @Test
    void case_statuses_count_as_figures_in_the_keeping_bodys_name() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
            for (int i = 0; i < 3; i++) {
                String caseId = CaseFixtures.open(node, reporter, "Person " + i);
                if (i < 2) {
                    var r = node.post("/api/v1/cases/" + caseId + "/status", "{\"id\":\"" + UUID.randomUUID()
                            + "\",\"status\":\"exchanged\",\"date\":\"2021-01-0" + (7 + i) + "\"}", reporter);
                    assertThat(r.status()).isEqualTo(201);
                }
            }
            String base = "/api/v1/figures?metric=detainees_exchanged&source=anama&place=nk&asOf=";
            assertThat(node.get(base + "2021-01-07").json().get("value").decimalValue()).isEqualByComparingTo("1");
            assertThat(node.get(base + "2021-01-11").json().get("value").decimalValue()).isEqualByComparingTo("2");
        }
    }

    private static List<String> readablePaths(String caseId) {
        List<String> paths = new ArrayList<>(List.of("/", "/account", "/api/v1/me", "/api/v1/sources", "/api/v1/metrics",
                "/api/v1/places", "/api/v1/ledger/entries?from=0&limit=1000", "/api/v1/ledger/head",
                "/api/v1/cases", "/api/v1/cases/" + caseId, "/api/v1/cases/" + caseId + "/personal", "/api/v1/audit",
                "/api/v1/admin/users", "/api/v1/admin/orgs",
                "/api/v1/figures?metric=detainees_exchanged&source=anama&place=nk&asOf=2021-01-11",
                "/api/v1/figures/reconciled?metric=detainees_exchanged&place=nk&asOf=2021-01-11",
                "/api/v1/figures/series?metric=detainees_exchanged&source=anama&place=nk&from=2021-01-01&to=2021-01-11"));
        // the CSV/HXL exports and the GeoJSON layers (outputs)
        for (String table : List.of("sources", "metrics", "places", "agreements", "obligations", "assessments", "working-groups",
                "meetings", "incidents", "nil-reports")) {
            paths.add("/api/v1/" + table + "?format=csv");
        }
        paths.add("/api/v1/figures/reconciled?metric=detainees_exchanged&place=nk&asOf=2021-01-11&format=csv");
        paths.add("/api/v1/figures/series?metric=detainees_exchanged&source=anama&place=nk&from=2021-01-01&to=2021-01-11&format=csv");
        paths.add("/api/v1/obligations/overdue?asOf=2021-12-31&format=csv");
        paths.add("/api/v1/obligations/upcoming?from=2020-11-10&days=3660&format=csv");
        paths.add("/api/v1/incidents/export.csv?hxl=true");
        for (String kind : List.of("line", "zone", "point", "hazard", "cleared")) paths.add("/api/v1/layers/" + kind + "?download=1");
        for (String date : List.of("2021-01-05", "2021-01-09", "2021-01-11")) {
            for (String format : List.of("text", "html", "json")) {
                for (String lang : List.of("en", "ru")) paths.add("/api/v1/bulletins/" + date + "?format=" + format + "&lang=" + lang);
            }
        }
        return paths;
    }

    private static TestNode.Response get(TestNode node, String path, String token) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base() + path)).GET();
        if (token != null && !token.isEmpty()) b.header("Authorization", "Bearer " + token);
        return node.send(b.build());
    }

    static List<Path> filesContaining(Path dir, String text) throws IOException {
        return filesContaining(dir, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Path> filesContaining(Path dir, byte[] needle) {
        return DataFiles.containing(dir, needle);
    }

    private static int verify(Path dir) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new Main()).execute("verify", "--data", dir.toString());
        } finally {
            System.setOut(old);
        }
    }
}

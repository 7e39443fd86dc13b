package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.TestNode;

/** The desk's pages over real HTTP: who may open them, what they show, and the forms' refusals and receipts. */
class DeskPagesTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static String reporter;
    static String verifier;
    static String analyst;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        reporter = node.account("anama", "anama", "rep-a", Role.REPORTER);
        verifier = node.account("jmc", "ru-tr-joint-monitoring-centre", "veri", Role.VERIFIER);
        analyst = node.account("unhcr", "unhcr", "anal", Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private TestNode.Response get(String path, String token) {
        var b = HttpRequest.newBuilder(URI.create(node.base() + path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return node.send(b.build());
    }

    private TestNode.Response form(String path, String token, String body) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void the_dashboard_shows_the_incidents_awaiting_a_finding_and_the_overdue_obligations() {
        TestNode.Response r = get("/desk", analyst);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).containsPattern("Incidents awaiting a finding \\(\\d+\\)").contains("1c1de000-0000-4000-8000-000000000002")
                .contains("Overdue obligations, per assessor").contains("According to monitor-illustrative").containsPattern("Proposed duplicates \\(\\d+\\)");
        assertThat(get("/desk", null).status()).isEqualTo(303);
    }

    @Test
    void a_consistency_flag_on_the_worklist_links_to_the_report_to_check() {
        String first = java.util.UUID.randomUUID().toString();
        String second = java.util.UUID.randomUUID().toString();
        for (String[] r : new String[][] {{first, "500", "2021-02-01"}, {second, "400", "2021-02-02"}}) {
            var body = org.truce.support.Reports.valid(r[0]).put("metric", "explosive_objects_destroyed").put("source", "anama")
                    .put("place", "az").put("value", r[1]).put("asOf", r[2]).put("attribution", "ANAMA said so");
            body.remove("breakdown");
            ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("document")).put("date", r[2]);
            assertThat(node.post("/api/v1/reports", body.toString(), reporter).status()).isEqualTo(201);
        }
        String page = get("/desk", analyst).body();
        String row = page.substring(page.indexOf("<tr class=\"flag flag-total_decreased\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("anama").contains("explosive_objects_destroyed").contains("<a href=\"/desk/reports/" + second + "\">Check the report</a>");
    }

    @Test
    void a_columns_form_giving_one_field_to_two_columns_is_refused_naming_both_and_writes_nothing() {
        long size = node.truce.ledger().size();
        TestNode.Response r = form("/desk/imports/mapping", reporter, "name=twice&field.A=value&header.A=" + enc("Кол-во")
                + "&field.C=value&header.C=" + enc("Всего"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Columns A and C both hold the field Value (value); choose it for one column only.")
                .as("the form comes back as sent").contains("id=\"f-field-C\"").contains("Всего");
        TestNode.Response bad = form("/desk/imports/mapping", reporter, "name=Not+A+Name&field.A=value");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("/name");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_report_form_with_an_error_re_renders_with_the_field_error_and_writes_nothing_then_a_valid_one_writes_one_entry() {
        TestNode.Response page = get("/desk/reports/new", reporter);
        assertThat(page.status()).isEqualTo(200);
        Matcher id = Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(page.body());
        assertThat(id.find()).isTrue();
        long before = node.truce.ledger().size();
        String common = "id=" + id.group(1) + "&source=anama&metric=medical_assistance&place=nk&kind=total&qualifier=exact"
                + "&asOf=2021-01-20&asOfPrecision=day&attribution=" + enc("ANAMA says 12");
        TestNode.Response refused = form("/desk/reports/new", reporter, common + "&value=twelve");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("class=\"error-summary\"").contains("href=\"#f-value\"")
                .containsPattern("field field-error\">\\s*<label for=\"f-value\">")
                .contains("value=\"twelve\"");
        assertThat(node.truce.ledger().size()).isEqualTo(before);

        TestNode.Response ok = form("/desk/reports/new", reporter, common + "&value=12");
        assertThat(ok.status()).isEqualTo(303);
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
        TestNode.Response result = get("/desk/reports/" + id.group(1), reporter);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("Report recorded").contains("ANAMA says 12").contains("as entry " + before);
    }

    @Test
    void a_report_in_another_bodys_name_is_refused_with_403_next_to_the_source() {
        long before = node.truce.ledger().size();
        TestNode.Response r = form("/desk/reports/new", reporter, "id=" + java.util.UUID.randomUUID()
                + "&source=icrc&metric=medical_assistance&place=nk&kind=total&value=3&asOf=2021-01-20&attribution=x");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("href=\"#f-source\"").contains("you may record only in the name of anama");
        assertThat(node.truce.ledger().size()).isEqualTo(before);
    }

    @Test
    void an_incident_form_without_a_location_names_the_location_field_then_a_valid_one_is_recorded() {
        String id = java.util.UUID.randomUUID().toString();
        String common = "id=" + id + "&source=anama&date=2021-02-01&timePrecision=day&geoPrecision=near"
                + "&eventType=" + enc("Explosions/Remote violence") + "&subEventType=" + enc("Remote explosive/landmine/IED")
                + "&account=" + enc("An explosion was heard") + "&casualties.wounded.civilian=1";
        long before = node.truce.ledger().size();
        TestNode.Response refused = form("/desk/incidents/new", reporter, common);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#f-location-lon\"").contains("is required unless a place is named");
        assertThat(node.truce.ledger().size()).isEqualTo(before);
        TestNode.Response ok = form("/desk/incidents/new", reporter, common + "&location.lon=46.9&location.lat=39.85");
        assertThat(ok.status()).isEqualTo(303);
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
        assertThat(get("/desk/incidents/" + id, analyst).body()).contains("An explosion was heard").contains("unverified");
    }

    @Test
    void the_review_queue_records_a_step_under_the_own_organisation_rule() {
        TestNode.Response queue = get("/desk/review", verifier);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("1c1de000-0000-4000-8000-000000000002").contains("Link as the same incident");
        assertThat(get("/desk/review", reporter).status()).isEqualTo(403);
        long before = node.truce.ledger().size();
        String incident = "1c1de000-0000-4000-8000-000000000002";
        TestNode.Response wrongStep = form("/desk/review/steps", verifier, "id=" + java.util.UUID.randomUUID()
                + "&incident=" + incident + "&step=finding&finding=confirmed&date=2021-02-05");
        assertThat(wrongStep.status()).isEqualTo(422);
        assertThat(wrongStep.body()).contains("href=\"#f-step\"").contains("must be received now");
        assertThat(node.truce.ledger().size()).isEqualTo(before);
        TestNode.Response ok = form("/desk/review/steps", verifier, "id=" + java.util.UUID.randomUUID()
                + "&incident=" + incident + "&step=received&date=2021-02-05");
        assertThat(ok.status()).isEqualTo(303);
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
    }

    @Test
    void an_agreement_shows_its_versions_side_by_side_its_timeline_and_the_assessors_history() {
        TestNode.Response r = get("/agreements/statement-2020-11-10", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("class=\"versions\"").contains("class=\"timeline\"").contains("versions differ").contains("Amendments").contains("deadline moved to")
                .doesNotContain("style=");
        assertThat(get("/agreements/statement-2021-01-11", null).body())
                .contains("According to Monitoring body (illustrative):");
        // the reader's language: bodies by name, in the case the sentence needs, and the obligations in Russian
        assertThat(get("/agreements/statement-2021-01-11?lang=ru", null).body())
                .contains("По оценке наблюдательного органа (условный пример):")
                .contains("Правительство Армении; Правительство Азербайджана").contains("<bdi lang=\"ru\">Первое заседание");
        assertThat(get("/agreements", null).body()).contains("/agreements/statement-2020-11-10");
    }

    @Test
    void groups_sources_and_places_are_public_pages_in_the_readers_language() {
        assertThat(get("/groups/wg-trilateral-2021", null).body()).contains("Meetings").contains("Tasks");
        assertThat(get("/sources?lang=ru", null).body()).contains("Источники").contains("anama");
        TestNode.Response places = get("/places?lang=ru", null);
        assertThat(places.status()).isEqualTo(200);
        assertThat(places.body()).contains("Употребляет").contains("<h2>");
    }

    @Test
    void every_language_of_the_desk_bundle_has_the_english_keys() throws Exception {
        var en = load("en");
        for (String lang : new String[] {"ru", "hy", "az", "de"}) {
            assertThat(load(lang).stringPropertyNames()).as(lang).isEqualTo(en.stringPropertyNames());
        }
    }

    private static java.util.Properties load(String lang) throws Exception {
        var p = new java.util.Properties();
        try (var in = DeskPagesTest.class.getResourceAsStream("/ui/desk/messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

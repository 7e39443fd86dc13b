package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.TestNode;

/**
 * A recorded report's page over real HTTP: its correction from a prefilled form, its retraction with
 * a reason, the chain of versions linked both ways, and the write path's refusals shown on the page
 * with nothing written.
 */
class ReportVersionsDeskTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static String reporter;
    static String otherReporter;
    static String analyst;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        reporter = node.account("anama", "anama", "rep-v", Role.REPORTER);
        otherReporter = node.account("icrc", "icrc", "rep-icrc", Role.REPORTER);
        analyst = node.account("unhcr", "unhcr", "anal-v", Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private TestNode.Response get(String path, String token) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en").GET().build());
    }

    private TestNode.Response form(String path, String token, String body) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String record(String value) {
        String id = UUID.randomUUID().toString();
        TestNode.Response ok = form("/desk/reports/new", reporter, "id=" + id + "&source=anama&metric=medical_assistance&place=nk"
                + "&kind=total&qualifier=exact&asOf=2021-01-20&asOfPrecision=day&attribution=" + enc("ANAMA: " + value) + "&value=" + value);
        assertThat(ok.status()).isEqualTo(303);
        return id;
    }

    private static String hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void a_correction_from_the_prefilled_form_replaces_the_report_and_both_versions_link_to_each_other() {
        String id = record("31");
        TestNode.Response page = get("/desk/reports/" + id, reporter);
        assertThat(page.body()).contains("This is the version in force.").contains("href=\"/desk/reports/" + id + "/correct\"")
                .contains("action=\"/desk/reports/" + id + "/retract\"");
        TestNode.Response prefilled = get("/desk/reports/" + id + "/correct", reporter);
        assertThat(prefilled.status()).isEqualTo(200);
        assertThat(prefilled.body()).contains("Correct a report").contains("value=\"31\"").contains("ANAMA: 31")
                .contains("name=\"source\" value=\"anama\"");
        assertThat(hidden(prefilled.body(), "corrects")).isEqualTo(id);
        String correction = hidden(prefilled.body(), "id");

        long before = node.truce.ledger().size();
        TestNode.Response ok = form("/desk/reports/new", reporter, "id=" + correction + "&corrects=" + id + "&source=anama"
                + "&metric=medical_assistance&place=nk&kind=total&qualifier=exact&asOf=2021-01-20&asOfPrecision=day"
                + "&attribution=" + enc("ANAMA: 33") + "&value=33");
        assertThat(ok.status()).isEqualTo(303);
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
        assertThat(node.truce.figures().report(correction).orElseThrow().report().corrects()).isEqualTo(id);

        String old = get("/desk/reports/" + id, reporter).body();
        assertThat(old).contains("This version was replaced by a correction (entry " + before + ")")
                .contains("href=\"/desk/reports/" + correction + "\"").doesNotContain("/retract\"");
        String now = get("/desk/reports/" + correction, reporter).body();
        assertThat(now).contains("This version replaces an earlier one.").contains("href=\"/desk/reports/" + id + "\"")
                .contains("This is the version in force.");
        // the replaced version is not offered for correction again
        assertThat(get("/desk/reports/" + id + "/correct", reporter).status()).isEqualTo(409);
    }

    @Test
    void a_retraction_needs_a_reason_then_withdraws_the_report_and_its_page_says_why() {
        String id = record("40");
        String page = get("/desk/reports/" + id, reporter).body();
        String retraction = hidden(page, "id");
        long before = node.truce.ledger().size();
        TestNode.Response noReason = form("/desk/reports/" + id + "/retract", reporter, "id=" + retraction);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("href=\"#f-retraction-reason\"").contains("is required: say why the body withdraws this report");
        assertThat(node.truce.ledger().size()).isEqualTo(before);

        TestNode.Response ok = form("/desk/reports/" + id + "/retract", reporter, "id=" + retraction + "&retraction.reason=" + enc("Counted twice"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
        String after = get("/desk/reports/" + id, reporter).body();
        assertThat(after).contains("This version was withdrawn by its body (entry " + before + ")").contains("<q><bdi>Counted twice</bdi></q>")
                .contains("href=\"/api/v1/ledger/entries?from=" + before + "&amp;limit=1\"").doesNotContain("/correct\"");
        assertThat(node.truce.figures().report(id).orElseThrow().current()).isFalse();
    }

    @Test
    void another_bodys_reporter_is_refused_with_403_on_the_page_and_nothing_is_written() {
        String id = record("50");
        long before = node.truce.ledger().size();
        TestNode.Response refused = form("/desk/reports/" + id + "/retract", otherReporter,
                "id=" + UUID.randomUUID() + "&retraction.reason=" + enc("not ours"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("class=\"error-summary\"").contains("you may record only in the name of icrc")
                .contains("This is the version in force.");
        TestNode.Response correction = form("/desk/reports/new", otherReporter, "id=" + UUID.randomUUID() + "&corrects=" + id
                + "&source=anama&metric=medical_assistance&place=nk&kind=total&asOf=2021-01-20&attribution=x&value=51");
        assertThat(correction.status()).isEqualTo(403);
        assertThat(node.truce.ledger().size()).isEqualTo(before);
        assertThat(node.truce.figures().report(id).orElseThrow().current()).isTrue();
    }

    @Test
    void an_account_without_the_reporter_or_transcriber_role_sees_no_actions_and_may_not_use_them() {
        String id = record("60");
        String page = get("/desk/reports/" + id, analyst).body();
        assertThat(page).contains("This is the version in force.").doesNotContain("/correct\"").doesNotContain("/retract\"");
        long before = node.truce.ledger().size();
        assertThat(get("/desk/reports/" + id + "/correct", analyst).status()).isEqualTo(403);
        assertThat(form("/desk/reports/" + id + "/retract", analyst, "id=" + UUID.randomUUID() + "&retraction.reason=x").status()).isEqualTo(403);
        assertThat(node.truce.ledger().size()).isEqualTo(before);
    }
}

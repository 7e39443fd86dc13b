package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/**
 * What an anonymous reader reaches over real HTTP: the incidents page in five languages (each body's
 * account in its own column, findings or unverified, nil reports), the incidents and agreements in
 * the navigation of every page, implementation status per assessor, and the feedback form from the bulletin.
 */
class PublicReachTest {
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_incidents_page_shows_every_bodys_account_side_by_side_the_findings_and_the_nil_reports() {
        var page = node.get("/incidents?lang=en&date=2021-02-10");
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Incidents dated from 12 January 2021 to 10 February 2021");
        // three demo incidents, one column per account: the allegation and the other party's claim stand apart
        assertThat(count(html, "<article class=\"incident\"")).isEqualTo(3);
        assertThat(html).contains("Allegation of Party B (illustrative)").contains("Claim of Party A (illustrative)")
                .contains("Allegation of Party A (illustrative)");
        assertThat(count(html, "<section class=\"account\">")).isEqualTo(5);
        assertThat(html).contains(": confirmed").contains(": inconclusive").contains("Unverified: no monitor has recorded a finding.");
        assertThat(html).contains("no ceasefire violation was recorded in").contains("13 January 2021");
        assertThat(html).contains("Illustrative data");
    }

    @Test
    void the_incidents_page_reads_in_five_languages_and_a_bad_date_is_named() {
        for (var l : Language.values()) {
            var page = node.get("/incidents?date=2021-02-10&lang=" + l.code());
            assertThat(page.status()).as(l.code()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"" + l.code() + "\"").contains("<section class=\"account\">");
            assertThat(page.body()).as("no key shown raw").doesNotContain(">incidents.").doesNotContain("=\"incidents.");
        }
        assertThat(node.get("/incidents?lang=ru").body()).contains("Заключения наблюдателей");
        var bad = node.get("/incidents?date=10-02-2021&lang=en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("“10-02-2021” is not a date");
        assertThat(node.get("/incidents?date=2020-01-01&lang=en").body()).contains("No incident is recorded for these dates.")
                .contains("No nil report covers these dates.");
    }

    @Test
    void every_public_page_links_incidents_and_agreements_and_the_agreements_show_status_per_assessor() {
        for (String path : new String[] {"/", "/bulletins", "/figures", "/map", "/incidents", "/agreements"}) {
            String html = node.get(path + "?lang=en").body();
            assertThat(html).as(path).contains("<a href=\"/incidents\">Incidents</a>").contains("<a href=\"/agreements\">Agreements</a>");
        }
        String agreements = node.get("/agreements?lang=en").body();
        assertThat(agreements).contains("href=\"/groups\"");
        String first = agreements.replaceAll("(?s).*?href=\"(/agreements/[^\"]+)\".*", "$1");
        var one = node.get(first + "?lang=en");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("Implementation status, per assessor");
        assertThat(node.get("/groups?lang=en").status()).isEqualTo(200);
    }

    @Test
    void every_bulletin_page_links_the_feedback_form_of_its_date() {
        String html = node.get("/bulletins/2021-01-11?lang=en").body();
        assertThat(html).contains("<a href=\"/feedback?date=2021-01-11\">Send a correction or a question about this bulletin</a>");
        assertThat(node.get("/?lang=de").body()).contains("href=\"/feedback?date=2021-01-11\"");
        assertThat(node.get("/feedback?date=2021-01-11&lang=en").status()).isEqualTo(200);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}

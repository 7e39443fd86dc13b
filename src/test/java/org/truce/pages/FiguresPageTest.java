package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.BodySigner;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/** The figures page without JavaScript: a table per metric, date by reporting body, gaps left empty. */
class FiguresPageTest {
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    static String table(String html, String metric) {
        int start = html.indexOf("data-metric=\"" + metric + "\"");
        assertThat(start).as("table of " + metric).isPositive();
        return html.substring(start, html.indexOf("</table>", start));
    }

    @Test
    void returnees_in_nk_stand_side_by_side_per_body_with_gaps_where_a_body_did_not_report() {
        String html = node.get("/figures?lang=en").body();
        assertThat(html).contains("<option value=\"nk\" selected>");
        String t = table(html, "returnees");
        assertThat(t).contains("<th scope=\"col\"><bdi>The Russian Defence Ministry</bdi></th><th scope=\"col\"><bdi>The President of Russia</bdi></th>"
                + "<th scope=\"col\"><bdi>Russia (the carrier names no body)</bdi></th>");
        assertThat(t).contains("<tr data-date=\"2020-12-21\"><th scope=\"row\"><time datetime=\"2020-12-21\">21 December 2020</time></th>"
                + "<td>about 43,000</td><td class=\"no-report\"");
        assertThat(t).containsPattern("<tr data-date=\"2021-01-11\">.*?<td class=\"no-report\"[^>]*>–</td><td>more than 48,000</td>");
        assertThat(t.split("<tr data-date=")).hasSize(1 + 8);
    }

    @Test
    void returnees_keep_each_bodys_own_figure_on_the_same_day() {
        String t = table(node.get("/figures?place=nk&lang=en").body(), "returnees");
        assertThat(t).contains("The Russian Defence Ministry").contains("The President of Russia").contains("Russia (the carrier names no body)");
        assertThat(t).containsPattern("<tr data-date=\"2021-01-11\">.*?<td>more than 48,000</td><td>48,241</td>");
        assertThat(t).containsPattern("<tr data-date=\"2020-12-04\">.*?<td>more than 28,000</td><td class=\"no-report\"");
    }

    @Test
    void the_page_reads_in_russian_with_russian_numbers_and_dates() {
        var page = node.get("/figures?lang=ru");
        assertThat(page.status()).isEqualTo(200);
        String t = table(page.body(), "returnees");
        assertThat(t).contains("Министерство обороны России").contains("48\u00a0241").contains("11 января 2021");
    }

    @Test
    void a_figure_in_a_signing_bodys_name_says_who_stands_behind_it_as_bulletins_do() {
        try (TestNode own = TestNode.withDemo(dir.resolve("signing"))) {
            String az = "az-government";
            BodySigner signer = new BodySigner(az);
            assertThat(signer.register(own).status()).isEqualTo(201);
            var signed = Reports.valid(java.util.UUID.randomUUID().toString()).put("source", az);
            signed.remove("document");
            var r = signer.post(own, "/api/v1/reports", signed, own.account(az, az, "rep-az", Role.REPORTER));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            var transcribed = Reports.valid(java.util.UUID.randomUUID().toString()).put("source", az).put("value", 1400).put("asOf", "2021-01-22");
            ((com.fasterxml.jackson.databind.node.ObjectNode) transcribed.get("document")).put("date", "2021-01-22");
            r = own.post("/api/v1/reports", transcribed.toString(), own.account("unhcr", "unhcr", "trans", Role.TRANSCRIBER));
            assertThat(r.status()).as(r.body()).isEqualTo(201);

            String t = table(own.get("/figures?place=nk&lang=en").body(), "medical_assistance");
            assertThat(t).containsPattern("<tr data-date=\"2021-01-20\">.*?<td>1,300<span class=\"signature\">Signed by the body itself with its own key</span></td>");
            assertThat(t).containsPattern("<tr data-date=\"2021-01-22\">.*?<td>1,400<span class=\"signature\">Recorded by a transcriber of another "
                    + "organisation; not signed by the body</span></td>");
            // no key for the body of the demo's figure: it says nothing of signatures, as in bulletins
            assertThat(t).containsPattern("<tr data-date=\"2021-01-11\">.*?<td>1,200</td>");
            assertThat(t.split("class=\"signature\"")).hasSize(1 + 2);
            assertThat(table(own.get("/figures?place=nk&lang=ru").body(), "medical_assistance"))
                    .contains("<span class=\"signature\">Подписано собственным ключом самого органа</span>");
        }
    }

    @Test
    void an_unknown_place_is_refused_naming_the_field_and_the_page_still_reads() {
        var page = node.get("/figures?place=atlantis&lang=en");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"place-error\"").contains("No place with the id \"atlantis\"")
                .contains("data-metric=\"returnees\"");
    }
}

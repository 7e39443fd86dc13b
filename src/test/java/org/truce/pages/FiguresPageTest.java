package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void an_unknown_place_is_refused_naming_the_field_and_the_page_still_reads() {
        var page = node.get("/figures?place=atlantis&lang=en");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"place-error\"").contains("No place with the id \"atlantis\"")
                .contains("data-metric=\"returnees\"");
    }
}

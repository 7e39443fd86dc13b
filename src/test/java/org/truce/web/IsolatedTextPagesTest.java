package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/**
 * Issue 16 on the pages: names and free text stand in {@code <bdi>}, so that whatever their direction
 * they cannot reorder the text around them (the public pages, the catalog's and the desk's: a report,
 * the dashboard, agreements and working groups); the PDF of the same bulletin still renders.
 */
@ExtendWith(DemoNodeExtension.class)
class IsolatedTextPagesTest {
    TestNode node;

    @Test
    void the_bulletin_page_sets_apart_source_place_and_metric_names_and_the_cited_words_title_and_publisher() {
        String page = node.get("/bulletins/2020-12-03?lang=en").body();
        assertThat(page).containsPattern("<dd><bdi>[^<]+</bdi></dd>")
                .containsPattern("<h3><bdi>[^<]+</bdi> <bdi class=\"place\">[^<]+</bdi></h3>")
                .contains("\u201C<bdi class=\"quoted\" lang=\"en\">On December 3, 2020, Russian peacekeepers escorted")
                .containsPattern("<cite><bdi>[^<]+</bdi></cite>")
                .contains("</cite></a>\u201D, <bdi>eurabota.ua / TASS</bdi>, 2 December 2020");
    }

    @Test
    void the_bulletin_html_and_pdf_carry_the_isolates_and_the_pdf_renders() {
        String html = node.get("/api/v1/bulletins/2020-12-03?lang=en&format=html").body();
        assertThat(html).containsPattern("<h2><bdi>[^<]+</bdi></h2>").containsPattern("<h3><bdi>[^<]+</bdi></h3>")
                .contains("<bdi class=\"quoted\" lang=\"en\">");
        var pdf = node.get("/bulletins/2020-12-03.pdf?lang=en");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
    }

    @Test
    void the_catalog_pages_set_apart_every_name() {
        assertThat(node.get("/sources?lang=en").body()).contains("<td><bdi>the ICRC</bdi><br><code>icrc</code>");
        assertThat(node.get("/places?lang=hy").body()).contains("<td lang=\"hy\"><bdi>Ստեփանակերտ</bdi></td>")
                .contains("<h2><bdi>Ստեփանակերտ / Khankendi</bdi></h2>");
    }

    @Test
    void the_desk_report_page_sets_apart_the_attribution_the_names_and_the_document() {
        String transcriber = node.account("unhcr", "unhcr", "isolated-tr", org.truce.accounts.Role.TRANSCRIBER);
        String id = java.util.UUID.randomUUID().toString();
        var report = org.truce.support.Reports.valid(id).put("spokesperson", "Colonel Example");
        assertThat(node.post("/api/v1/reports", report.toString(), transcriber).status()).isEqualTo(201);
        String page = node.get("/desk/reports/" + id + "?lang=en", transcriber).body();
        assertThat(page).containsPattern("<(blockquote|p) class=\"attribution[^\"]*\"[^>]*><bdi>Russian military medics")
                .contains("<dd><bdi>the Russian peacekeeping contingent</bdi></dd>")
                .containsPattern("<dd><bdi>[^<]+</bdi></dd>\\s*<dt>[^<]+</dt><dd><bdi>[^<]+</bdi></dd>\\s*<dt>")
                .contains("<dd class=\"spokesperson\"><bdi>Colonel Example</bdi></dd>")
                .contains("<dd><bdi>Test bulletin</bdi> — <bdi>Test outlet</bdi>");
    }

    @Test
    void the_dashboard_agreements_and_groups_set_apart_every_title_and_name() {
        assertThat(node.get("/desk?lang=en", node.token).body())
                .containsPattern("<a href=\"/agreements/[^\"]+#obligation-[^\"]+\"><bdi>[^<]+</bdi></a>")
                .doesNotContainPattern("#obligation-[^\"]+\">[^<]");
        assertThat(node.get("/agreements?lang=en").body())
                .containsPattern("<li><a href=\"/agreements/[^\"]+\"><bdi>[^<]+</bdi></a>")
                .doesNotContainPattern("<li><a href=\"/agreements/[^\"]+\">[^<]");
        assertThat(node.get("/groups?lang=en").body())
                .containsPattern("<a href=\"/groups/[^\"]+\"><bdi>[^<]+</bdi></a>")
                .doesNotContainPattern("<a href=\"/groups/[^\"]+\">[^<]");
    }
}

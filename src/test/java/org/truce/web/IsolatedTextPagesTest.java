package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/**
 * Issue 16 on the pages: names and free text stand in {@code <bdi>}, so that whatever their direction
 * they cannot reorder the text around them; the PDF of the same bulletin still renders.
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
}

package org.truce.web;

import org.truce.record.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.accounts.Role;
import org.truce.ingest.DemoPublications;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** Publishing bulletins over the API: who may, what is refused, what the list and the demo hold. */
@ExtendWith(DemoNodeExtension.class)
class PublicationsApiTest {
    static final String JMC = "ru-tr-joint-monitoring-centre";
    TestNode node;

    @Test
    void the_demo_publishes_its_report_dates_up_to_11_january_2021_at_one_checkpoint_republishes_11_january_and_loading_again_writes_nothing() {
        long size = node.truce.ledger().size();
        long full = size - 9;
        JsonNode page = node.get("/api/v1/publications").json();
        List<String> dates = new ArrayList<>();
        page.get("items").forEach(i -> dates.add(i.get("date").asText()));
        assertThat(dates).containsExactly("2021-01-11", "2021-01-11", "2020-12-21", "2020-12-08", "2020-12-07", "2020-12-06", "2020-12-04",
                "2020-12-03", "2020-12-01");
        assertThat(page.get("total").asInt()).isEqualTo(9);
        assertThat(page.get("next").isNull()).isTrue();
        String root = HexFormat.of().formatHex(node.truce.ledger().checkpointAt(full).rootHash());
        JsonNode republished = page.get("items").get(0);
        JsonNode first = page.get("items").get(1);
        assertThat(republished.get("size").asLong()).isEqualTo(full);
        assertThat(republished.get("revision").asInt()).isEqualTo(1);
        assertThat(republished.get("number").asInt()).isEqualTo(9);
        assertThat(republished.get("latest").asBoolean()).isTrue();
        assertThat(first.get("size").asLong()).isLessThan(full);
        assertThat(first.get("revision").asInt()).isZero();
        assertThat(first.get("number").asInt()).isEqualTo(8);
        assertThat(first.get("latest").asBoolean()).isFalse();
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("issuer").asText()).isEqualTo(DemoPublications.ISSUER);
            if (item == first) continue;
            assertThat(item.get("size").asLong()).isEqualTo(full);
            assertThat(item.get("root").asText()).isEqualTo(root);
            assertThat(item.get("id").asText()).isEqualTo("publish-" + item.get("date").asText() + "-" + full);
            assertThat(item.get("latest").asBoolean()).isTrue();
        }
        assertThat(DemoPublications.dates()).doesNotContain(java.time.LocalDate.of(2021, 6, 15));
        assertThat(node.truce.loadDemo()).isZero();
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_secretariat_publishes_with_the_server_computing_the_root_and_a_retry_writes_nothing() {
        String secretariat = node.account("jmc", JMC, "secr", Role.SECRETARIAT);
        long before = node.truce.ledger().size();
        TestNode.Response r = node.post("/api/v1/publications", "{\"date\":\"2021-01-11\"}", secretariat);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode receipt = r.json();
        assertThat(receipt.get("size").asLong()).isEqualTo(before);
        assertThat(receipt.get("root").asText()).isEqualTo(HexFormat.of().formatHex(node.truce.ledger().checkpointAt(before).rootHash()));
        assertThat(receipt.get("id").asText()).isEqualTo("publish-2021-01-11-" + before);
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);

        TestNode.Response again = node.post("/api/v1/publications", "{\"date\":\"2021-01-11\",\"size\":" + before + "}", secretariat);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("seq").asLong()).isEqualTo(receipt.get("seq").asLong());
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);

        JsonNode first = node.get("/api/v1/publications?limit=2").json();
        assertThat(first.get("total").asInt()).isEqualTo(10);
        assertThat(first.get("next").asInt()).isEqualTo(2);
        assertThat(first.at("/items/0/seq").asLong()).isEqualTo(receipt.get("seq").asLong());
        assertThat(first.at("/items/0/author").asText()).isEqualTo("jmc"); // the organisation, never the account
        assertThat(first.at("/items/1/date").asText()).isEqualTo("2021-01-11");
        assertThat(first.at("/items/1/latest").asBoolean()).isFalse();

        String html = node.get("/bulletins/2021-01-11").body();
        assertThat(html).contains("data-size=\"" + before + "\"").contains("class=\"publications\"")
                .contains("href=\"/bulletins/2021-01-11?size=" + (before - 9) + "\"");
    }

    @Test
    void refusals_name_the_field_and_write_nothing() {
        String secretariat = node.account("jmc", JMC, "secr", Role.SECRETARIAT);
        long size = node.truce.ledger().size();
        String[][] cases = {
                {"{}", "/date"},
                {"{\"date\":\"2021-13-01\"}", "/date"},
                {"{\"date\":\"2999-01-01\"}", "/date"},
                {"{\"date\":\"2021-01-11\",\"size\":0}", "/size"},
                {"{\"date\":\"2021-01-11\",\"size\":" + (size + 1) + "}", "/size"},
                {"{\"date\":\"2021-01-11\",\"size\":\"ten\"}", "/size"},
                {"{\"date\":\"2021-01-11\",\"root\":\"00\"}", "/root"},
                {"{\"date\":\"2021-01-11\",\"id\":\"Not An Id\"}", "/id"},
        };
        for (String[] c : cases) {
            TestNode.Response r = node.post("/api/v1/publications", c[0], secretariat);
            assertThat(r.status()).as(c[0] + " " + r.body()).isEqualTo(422);
            List<String> pointers = new ArrayList<>();
            r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
            assertThat(pointers).as(c[0]).containsExactly(c[1]);
        }
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void the_publisher_refuses_a_root_that_is_not_the_ledgers_own() {
        long size = node.truce.ledger().size();
        var request = new org.truce.bulletin.PublishRequest("publish-wrong-root", java.time.LocalDate.of(2021, 1, 11), size,
                "00".repeat(32));
        var outcome = node.truce.publisher().publish(request, "test/u");
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) outcome).violations()).extracting(v -> v.pointer())
                .containsExactly("/root");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_reporter_gets_403_and_an_anonymous_caller_401_and_nothing_is_written() {
        String reporter = node.account("anama", "anama", "rep", Role.REPORTER);
        long size = node.truce.ledger().size();
        assertThat(node.post("/api/v1/publications", "{\"date\":\"2021-01-11\"}", reporter).status()).isEqualTo(403);
        assertThat(node.post("/api/v1/publications", "{\"date\":\"2021-01-11\"}", null).status()).isEqualTo(401);
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void the_archive_lists_published_dates_newest_first_with_number_size_issuer_and_pdf() {
        TestNode.Response r = node.get("/bulletins?lang=en");
        assertThat(r.status()).isEqualTo(200);
        List<String> dates = all(Pattern.compile("<tr data-date=\"([0-9-]+)\""), r.body());
        assertThat(dates).containsExactly("2021-01-11", "2020-12-21", "2020-12-08", "2020-12-07", "2020-12-06", "2020-12-04", "2020-12-03",
                "2020-12-01");
        long published = node.truce.ledger().size() - 9;
        assertThat(all(Pattern.compile("<td class=\"size\">([0-9]+)</td>"), r.body())).hasSize(8).allMatch(s -> s.equals(Long.toString(published)));
        assertThat(all(Pattern.compile("<td class=\"number\">([0-9]+)</td>"), r.body())).containsExactly("9", "7", "6", "5", "4", "3", "2", "1");
        // the issuing organisation, never an account
        assertThat(all(Pattern.compile("<td class=\"issuer\"><bdi>([^<]+)</bdi></td>"), r.body())).hasSize(8)
                .allMatch(s -> s.equals("Joint record secretariat (illustrative)"));
        assertThat(r.body()).doesNotContain("demo-transcriber");
        assertThat(all(Pattern.compile("<a class=\"pdf\" href=\"([^\"]+)\""), r.body())).hasSize(8)
                .contains("/bulletins/2021-01-11.pdf?lang=en", "/bulletins/2020-12-01.pdf?lang=en");
        assertThat(r.body()).contains("href=\"/bulletins/2021-01-11\"").doesNotContain("2021-06-15");
    }

    @Test
    void every_figure_links_its_ledger_entries_and_proofs_whose_root_is_the_pages_root() {
        String html = node.get("/bulletins/2021-01-11?lang=en").body();
        String root = one(Pattern.compile("data-root=\"([0-9a-f]{64})\""), html);
        String size = one(Pattern.compile("data-size=\"([0-9]+)\""), html);
        assertThat(html).contains("data-published=\"true\"").contains("href=\"/check?date=2021-01-11&amp;size=" + size + "\"")
                .contains("<pre class=\"signed-note\">truce.local/ledger\n" + size + "\n");
        List<String> entries = all(Pattern.compile("<a class=\"entry\" href=\"([^\"]+)\""), html);
        List<String> proofs = all(Pattern.compile("<a class=\"proof\" href=\"([^\"]+)\""), html);
        assertThat(entries).isNotEmpty().hasSameSizeAs(proofs);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).replace("&amp;", "&");
            TestNode.Response e = node.get(entry);
            assertThat(e.status()).as(entry).isEqualTo(200);
            long seq = Long.parseLong(entry.replaceAll(".*from=([0-9]+).*", "$1"));
            assertThat(e.json().at("/entries/0/seq").asLong()).isEqualTo(seq);
            assertThat(e.json().at("/entries/0/entry/type").asText()).isEqualTo("report.filed");
            String proof = proofs.get(i).replace("&amp;", "&");
            assertThat(proof).isEqualTo("/api/v1/ledger/proof?seq=" + seq + "&size=" + size);
            TestNode.Response p = node.get(proof);
            assertThat(p.status()).as(proof).isEqualTo(200);
            assertThat(p.json().get("root").asText()).isEqualTo(root);
        }
    }

    @Test
    void the_bulletin_shows_its_themes_in_order_then_the_other_capabilities_parts() {
        String html = node.get("/bulletins/2021-01-11?lang=en").body();
        List<String> order = all(Pattern.compile("data-(?:theme|part)=\"([a-z_]+)\""), html);
        assertThat(order).startsWith("returns", "demining", "medical", "remains");
        assertThat(order).endsWith("ceasefire", "implementation");
        int returnees = html.indexOf("data-metric=\"returnees\"");
        int boardings = html.indexOf("data-metric=\"bus_boardings\"");
        int land = html.indexOf("data-metric=\"land_cleared\"");
        assertThat(returnees).isPositive().isLessThan(land);
        if (boardings > 0) assertThat(boardings).isGreaterThan(returnees).isLessThan(land);
        assertThat(html).contains("class=\"qualifier\"").contains("class=\"citation\"").contains("data-source=\"");
    }

    @Test
    void a_bad_date_is_a_400_naming_date_and_an_unpublished_date_a_404_with_a_link_to_compute_it_for_a_signed_in_reader() {
        TestNode.Response bad = node.get("/bulletins/2021-13-01?lang=en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("data-field=\"date\"").contains("field date");
        TestNode.Response badSize = node.get("/bulletins/2021-01-11?lang=en&size=0");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.body()).contains("data-field=\"size\"");
        long size = node.truce.ledger().size();
        TestNode.Response never = node.get("/bulletins/2021-06-15?lang=en", node.token);
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.body()).contains("has not been published").contains("href=\"/bulletins/2021-06-15?size=" + size + "\"");
        TestNode.Response computed = node.get("/bulletins/2021-06-15?lang=en&size=" + size, node.token);
        assertThat(computed.status()).isEqualTo(200);
        assertThat(computed.body()).contains("data-published=\"false\"").contains("Not published.")
                .contains("DRAFT — NOT PUBLISHED")
                .contains("data-size=\"" + size + "\"").contains("href=\"/check?date=2021-06-15&amp;size=" + size + "\"");
    }

    @Test
    void an_anonymous_reader_gets_no_draft_page_by_default_but_a_page_in_their_language_saying_why() {
        long size = node.truce.ledger().size();
        TestNode.Response never = node.get("/bulletins/2021-06-15?lang=en");
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.body()).contains("has not been published").doesNotContain("class=\"compute\"")
                .contains("Drafts of unpublished bulletins are shown to signed-in accounts only.");
        TestNode.Response draft = node.get("/bulletins/2021-06-15?lang=de&size=" + size);
        assertThat(draft.status()).isEqualTo(403);
        assertThat(draft.body()).contains("<html lang=\"de\"").contains("data-field=\"size\"")
                .contains("Entwürfe werden nur angemeldeten Konten gezeigt").doesNotContain("data-published");
        TestNode.Response earlierSize = node.get("/bulletins/2021-01-11?lang=en&size=" + (size - 1));
        assertThat(earlierSize.status()).isEqualTo(403);
    }

    @Test
    void the_home_page_shows_the_latest_published_bulletin_in_each_language() {
        for (Language l : Language.values()) {
            TestNode.Response r = node.get("/?lang=" + l.code());
            assertThat(r.status()).as(l.code()).isEqualTo(200);
            assertThat(r.body()).as(l.code()).contains("<html lang=\"" + l.code() + "\"").contains("data-date=\"2021-01-11\"")
                    .contains("data-published=\"true\"");
            boolean translated = org.truce.bulletin.Messages.of(l.code()).isPresent();
            assertThat(r.body().contains("class=\"notice fallback\"")).as(l.code()).isEqualTo(!translated);
            assertThat(one(Pattern.compile("<article class=\"bulletin\"[^>]* lang=\"([a-z]+)\">"), r.body())).as(l.code())
                    .isEqualTo(translated ? l.code() : "en");
        }
    }

    @Test
    void the_api_bulletin_keeps_its_three_formats() {
        assertThat(node.get("/api/v1/bulletins/2021-01-11").json().get("asOf").asText()).isEqualTo("2021-01-11");
        assertThat(node.get("/api/v1/bulletins/2021-01-11?format=text").body()).contains("11 January 2021");
        assertThat(node.get("/api/v1/bulletins/2021-01-11?format=html").contentType()).startsWith("text/html");
    }

    static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String one(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as(p.pattern()).isTrue();
        return m.group(1);
    }
}

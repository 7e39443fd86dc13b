package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.support.Reports;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

@ExtendWith(DemoNodeExtension.class)
class BulletinTest {
    static final LocalDate JAN_11 = LocalDate.of(2021, 1, 11);
    TestNode node;

    @Test
    void the_english_bulletin_speaks_in_the_sources_name_with_its_attribution() {
        var r = node.get("/api/v1/bulletins/2021-01-11");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("According to Russia (the carrier names no body), as of 11 January 2021, "
                + "a total of 48,241 people had returned to Nagorno-Karabakh");
        assertThat(r.body()).contains("48,241 people returned to Karabakh with the assistance of Russian peacekeepers");
    }

    @Test
    void each_line_cites_its_document_and_quotes_only_the_bodys_verbatim_words_with_their_language() {
        String text = node.get("/api/v1/bulletins/2021-01-11?format=text").body();
        assertThat(text).contains("Document: \u201CRussia Secures Its Role As Key Mediator In Settlement Of Karabakh Conflict\u201D, "
                + "SouthFront, 11 January 2021; no web address known. In summary, not a quotation (language: English): "
                + "As of January 11, a total of 48,241 people returned to Karabakh with the assistance of Russian peacekeepers");
        assertThat(text).contains("newskitchen.eu / kremlin.ru, 11 January 2021, https://newskitchen.eu/2021/01/11/press-statements-following-talks-"
                + "with-president-of-azerbaijan-ilham-aliyev-and-prime-minister-of-armenia-nikol-pashinyan/. Quoted, verbatim "
                + "(language: English): \u201Cmore than 48,000 displaced persons and refugees have already returned to Nagorno-Karabakh\u201D");
        // 3 December: the ministry's total of 1 December (a summary of the carrier's words) and its quoted words of 3 December
        String ru = node.get("/api/v1/bulletins/2020-12-03?format=text&lang=ru").body();
        assertThat(ru).contains("Документ: «Более 27000 беженцев вернулись в Нагорный Карабах с российскими миротворцами», eurabota.ua / TASS, "
                + "2 декабря 2020\u202fг., https://news.eurabota.ua/ru/armenia/developments/bolee-27000-bezhencev-vernulis-v-nagornyj-karabah-s-rossijskimi-mirotvorcami/.")
                // an English summary is not a quotation: a Russian reader gets the document, not foreign words
                .doesNotContain("TASS, as the carrier reports it")
                .contains("Дословная цитата (язык: английский): «On December 3, 2020, Russian peacekeepers escorted");
        String page = node.get("/bulletins/2020-12-03?lang=en").body();
        assertThat(page).contains("\u201C<bdi class=\"quoted\" lang=\"en\">On December 3, 2020, Russian peacekeepers escorted")
                .contains("<a href=\"https://www.urdupoint.com/en/world/over-1900-refugees-returned-to-nagorno-karab-1104160.html\">")
                .contains("In summary, not a quotation (language: English): <bdi class=\"paraphrased\" lang=\"en\">TASS, as the carrier reports it");
        var json = node.get("/api/v1/bulletins/2020-12-03").json();
        var citations = json.at("/sections/0/lines/0/citations");
        assertThat(citations).hasSize(3); // the total, the increment after it, and the total's own day's increment
        assertThat(citations.at("/0/kind").asText()).isEqualTo("paraphrase");
        assertThat(citations.at("/0/document/publisher").asText()).isEqualTo("eurabota.ua / TASS");
        assertThat(citations.at("/0/document/date").asText()).isEqualTo("2020-12-02");
        assertThat(citations.at("/1/kind").asText()).isEqualTo("quote");
        assertThat(citations.at("/1/lang").asText()).isEqualTo("en");
        assertThat(citations.at("/1/document/url").asText()).isEqualTo("https://www.urdupoint.com/en/world/over-1900-refugees-returned-to-nagorno-karab-1104160.html");
        assertThat(citations.at("/2/kind").asText() + " " + citations.at("/2/lang").asText()).isEqualTo("quote ru");
    }

    @Test
    void the_russian_bulletin_uses_russian_plural_forms_and_grouping() {
        var r = node.get("/api/v1/bulletins/2021-01-11?lang=ru&format=text");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("по данным России (издание не называет орган), на 11 января 2021\u202fг. вернулся в общей сложности 48\u00a0241 человек");
        // 479.2 is a fraction: the "other" form, genitive after "более"
        assertThat(r.body()).contains("более 479,2 гектара");
        // 48,241 ends in 1: singular verb and "one" form; 1,200: "many" form, plural verb
        assertThat(r.body()).contains("медицинскую помощь получили в общей сложности 1\u00a0200 человек");
    }

    @Test
    void the_german_armenian_and_azerbaijani_bulletins_use_their_own_grammar_and_grouping() {
        String de = node.get("/api/v1/bulletins/2021-01-11?lang=de&format=text").body();
        // the verb agrees with the number; German grouping
        assertThat(de).contains("Lagebericht, Stand: 11. Januar 2021")
                .contains("Nach Angaben Russlands (das Medium nennt keine Stelle) sind mit Stand vom 11. Januar 2021 insgesamt 48.241 Personen nach")
                .contains("mehr als 479,2 Hektar Land in");
        String hy = node.get("/api/v1/bulletins/2021-01-11?lang=hy&format=text").body();
        assertThat(hy).contains("Իրավիճակի ամփոփագիր՝ 2021 թ. հունվարի 11 դրությամբ")
                .contains("ընդհանուր առմամբ 48\u00a0241 մարդ վերադարձել է Լեռնային Ղարաբաղ։");
        String az = node.get("/api/v1/bulletins/2021-01-11?lang=az&format=text").body();
        // "more than" is a suffix in Azerbaijani: the unit carries it
        assertThat(az).contains("Vəziyyət icmalı: 2021-ci il 11 yanvar tarixinə")
                .contains("ümumilikdə 48.241 nəfər qayıtmışdır")
                .contains("479,2 hektardan çox torpaq");
    }

    @Test
    void qualifiers_and_approximate_dates_are_shown_as_such() {
        var approximate = Reports.valid("00000000-0000-4000-8000-0000000000e5").put("asOf", "2021-01-05").put("asOfPrecision", "approximate");
        assertThat(node.post("/api/v1/reports", approximate.toString()).status()).isEqualTo(201);
        // the published bulletin is fixed: the late report shows in the draft at the ledger's size, read signed in
        String text = node.get("/api/v1/bulletins/2021-01-11?format=text&size=" + node.truce.ledger().size(), node.token).body();
        assertThat(text).contains("more than 479.2 hectares");
        assertThat(text).contains("about 182.8 kilometres");
        assertThat(text).contains("as of about 5 January 2021 (approximate date)");
    }

    @Test
    void bodies_that_published_nothing_on_a_metric_are_named() {
        String text = node.get("/api/v1/bulletins/2021-01-11?format=text").body();
        assertThat(text).contains("Azerbaijan National Agency for Mine Action");
        assertThat(text).contains("No figure on this from:");
    }

    @Test
    void the_same_tree_size_gives_byte_identical_output_after_the_ledger_grows() {
        var report = Reports.valid("00000000-0000-4000-8000-0000000000e0").put("asOf", "2021-01-11").put("value", 1250);
        assertThat(node.post("/api/v1/reports", report.toString()).status()).isEqualTo(201);
        long size = node.truce.ledger().size();
        Messages en = Messages.of("en").orElseThrow();
        String first = BulletinText.render(node.truce.bulletins().compose(JAN_11, size, en));
        String firstJson = BulletinJson.render(node.truce.bulletins().compose(JAN_11, size, en)).toString();
        assertThat(first).contains("1,250 people");
        node.clock.advance(Duration.ofDays(1));
        var correction = Reports.valid("00000000-0000-4000-8000-0000000000e1").put("asOf", "2021-01-11").put("value", 1260)
                .put("corrects", "00000000-0000-4000-8000-0000000000e0");
        assertThat(node.post("/api/v1/reports", correction.toString()).status()).isEqualTo(201);
        String now = BulletinText.render(node.truce.bulletins().compose(JAN_11, node.truce.ledger().size(), en));
        assertThat(now).contains("1,260 people").doesNotContain("1,250 people");
        String again = BulletinText.render(node.truce.bulletins().compose(JAN_11, size, en));
        assertThat(again).isEqualTo(first);
        assertThat(BulletinJson.render(node.truce.bulletins().compose(JAN_11, size, en)).toString()).isEqualTo(firstJson);
        // no publication names this size: a draft, for a signed-in reader, marked as such around the same text
        var http = node.get("/api/v1/bulletins/2021-01-11?format=text&atSize=" + size, node.token);
        assertThat(http.body()).isEqualTo(BulletinText.render(node.truce.issues().draft(JAN_11, size, en)));
        assertThat(http.body()).contains(first).startsWith("DRAFT");
    }

    @Test
    void each_bulletin_names_its_checkpoint_by_default_its_latest_publications() {
        var json = node.get("/api/v1/bulletins/2021-01-11").json();
        long size = node.truce.publications().latest(JAN_11).orElseThrow().size();
        assertThat(json.at("/checkpoint/size").asLong()).isEqualTo(size);
        assertThat(json.at("/checkpoint/root").asText()).matches("[0-9a-f]{64}");
        assertThat(json.at("/checkpoint/signedNote").asText()).startsWith("truce.local/ledger\n" + size + "\n");
    }

    @Test
    void an_unknown_language_is_a_400() {
        var r = node.get("/api/v1/bulletins/2021-01-11?lang=xx");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("?lang");
    }

    private void returned(String id, int value, String date) {
        var r = Reports.valid(id).put("metric", "returnees").put("kind", "increment").put("value", value).put("asOf", date)
                .put("source", "ru-defence-ministry").put("attribution", value + " more people returned").without("breakdown");
        assertThat(node.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
    }

    @Test
    void a_derived_figure_states_the_published_total_and_each_increment_and_labels_the_sum_as_truces() {
        returned("00000000-0000-4000-8000-0000000000f1", 351, "2020-12-26");
        returned("00000000-0000-4000-8000-0000000000f2", 402, "2020-12-27");
        String text = node.get("/api/v1/bulletins/2020-12-27?format=text", node.token).body();
        assertThat(text).contains("According to the Russian Defence Ministry, as of 21 December 2020, about 43,000 people had returned"
                + " to Nagorno-Karabakh. On 21 December 2020 the same body also reported an increment of 351 people; a total includes"
                + " the increments of its own day, so Truce does not add it. The same body reported further increments: 351 people on"
                + " 26 December 2020 and 402 people on 27 December 2020. Sum computed by Truce: about 43,753 people, as of 27 December 2020.");
        assertThat(text).as("the sum is never in the body's mouth").doesNotContain("Russian Defence Ministry, as of 27 December 2020")
                .contains("Sum computed by Truce from the reports of the Russian Defence Ministry: about 43,753 people, as of 27 December 2020.");
        var json = node.get("/api/v1/bulletins/2020-12-27?format=json", node.token).json();
        var line = json.at("/sections/0/lines/0");
        assertThat(line.get("source").asText()).isEqualTo("ru-defence-ministry");
        assertThat(line.get("derived").asBoolean()).isTrue();
        assertThat(line.get("value").asText()).isEqualTo("43753");
        assertThat(line.get("parts")).extracting(p -> p.get("kind").asText() + " " + p.get("value").asText() + " " + p.get("asOf").asText())
                .containsExactly("total 43000 2020-12-21", "increment 351 2020-12-26", "increment 402 2020-12-27");
        assertThat(line.get("parts")).allSatisfy(p -> assertThat(p.get("seq").isIntegralNumber()).isTrue());
        assertThat(line.at("/sameDay/0/value").asText()).isEqualTo("351");
        assertThat(json.at("/keyFigures/metrics/0/figures/0/derived").asBoolean()).isTrue();
        for (String lang : java.util.List.of("ru", "hy", "az", "de")) {
            String other = node.get("/api/v1/bulletins/2020-12-27?format=text&lang=" + lang, node.token).body();
            String label = Messages.of(lang).orElseThrow().format("derived.sum", java.util.Map.of("amount", "", "asOf", ""));
            assertThat(other).as(lang).contains(label.substring(0, 12)).doesNotContain("{").doesNotContain("derived.");
        }
    }

    @Test
    void the_key_figures_open_the_bulletin_each_body_in_its_own_name_with_its_date() {
        String text = node.get("/api/v1/bulletins/2021-01-11?format=text").body();
        int key = text.indexOf("## Key figures");
        assertThat(key).isPositive().isLessThan(text.indexOf("## People returned"));
        assertThat(text).contains("### People returned (Nagorno-Karabakh)\n"
                + "- According to the Russian Defence Ministry: about 43,000 people, as of 21 December 2020.\n"
                + "- According to the President of Russia: more than 48,000 people, as of 11 January 2021.\n"
                + "- According to Russia (the carrier names no body): 48,241 people, as of 11 January 2021.\n");
        assertThat(text).doesNotContain("139,241"); // never one merged number
        var json = node.get("/api/v1/bulletins/2021-01-11?format=json").json();
        assertThat(json.at("/keyFigures/metrics/0/figures")).extracting(f -> f.get("source").asText() + " " + f.get("value").asText()
                + " " + f.get("qualifier").asText() + " " + f.get("asOf").asText() + " " + f.get("derived").asBoolean())
                .containsExactly("ru-defence-ministry 43000 about 2020-12-21 false", "ru-president 48000 more_than 2021-01-11 false",
                        "ru-unnamed 48241 exact 2021-01-11 false");
        String page = node.get("/bulletins/2021-01-11").body();
        assertThat(page).contains("class=\"key-figures\"").contains("According to Russia (the carrier names no body): 48,241 people, as of 11 January 2021.");
        assertThat(page.indexOf("key-figures")).isLessThan(page.indexOf("data-metric=\"returnees\""));
        String html = node.get("/api/v1/bulletins/2021-01-11?format=html").body();
        assertThat(html).contains("<section class=\"key-figures\">");
        for (String lang : java.util.List.of("ru", "hy", "az", "de")) {
            var other = node.get("/api/v1/bulletins/2021-01-11?format=json&lang=" + lang).json();
            assertThat(other.at("/keyFigures/heading").asText()).as(lang)
                    .isEqualTo(Messages.of(lang).orElseThrow().format("key_figures.heading", java.util.Map.of()));
            assertThat(other.at("/keyFigures/metrics/0/figures")).as(lang).hasSize(3);
        }
    }

    @Test
    void an_increment_of_a_totals_own_day_is_stated_not_swallowed() {
        String text = node.get("/api/v1/bulletins/2020-12-21?format=text").body();
        assertThat(text).contains("about 43,000 people had returned to Nagorno-Karabakh. On 21 December 2020 the same body also"
                + " reported an increment of 351 people; a total includes the increments of its own day, so Truce does not add it.");
        assertThat(text).contains("351 people arrived on 21 December"); // its words are cited with the total's
        String ru = node.get("/api/v1/bulletins/2020-12-21?format=text&lang=ru").body();
        assertThat(ru).contains("тот же источник сообщил также о приросте: 351 человек").doesNotContain("г..");
    }
}

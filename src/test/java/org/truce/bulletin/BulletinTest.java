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
        assertThat(r.body()).contains("According to the Russian peacekeeping contingent, as of 11 January 2021, "
                + "a total of 48,241 people had returned to Nagorno-Karabakh");
        assertThat(r.body()).contains("48,241 people returned to Karabakh with the assistance of Russian peacekeepers");
    }

    @Test
    void the_russian_bulletin_uses_russian_plural_forms_and_grouping() {
        var r = node.get("/api/v1/bulletins/2021-01-11?lang=ru&format=text");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("по данным источника «Российский миротворческий контингент», по состоянию на 11 января 2021\u202fг. — вернулся в общей сложности 48\u00a0241 человек");
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
                .contains("gibt mit Stand vom 11. Januar 2021 an, dass insgesamt 48.241 Personen nach")
                .contains("mehr als 479,2 Hektar Land in");
        String hy = node.get("/api/v1/bulletins/2021-01-11?lang=hy&format=text").body();
        assertThat(hy).contains("Իրավիճակի ամփոփագիր՝ 11 հունվարի, 2021 թ. դրությամբ")
                .contains("ընդհանուր հաշվով 48\u00a0241 մարդ վերադարձել է Լեռնային Ղարաբաղ։");
        String az = node.get("/api/v1/bulletins/2021-01-11?lang=az&format=text").body();
        // "more than" is a suffix in Azerbaijani: the unit carries it
        assertThat(az).contains("Vəziyyət icmalı: 11 yanvar 2021 tarixinə")
                .contains("ümumilikdə 48.241 nəfər qayıtmışdır")
                .contains("479,2 hektardan çox torpaq");
    }

    @Test
    void qualifiers_and_approximate_dates_are_shown_as_such() {
        String text = node.get("/api/v1/bulletins/2021-01-11?format=text").body();
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
}

package org.truce.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.catalog.Alias;
import org.truce.figures.ReportKind;

/**
 * One sentence (or two) per reading rule, on the demo catalog: periods, since-dates said by a suffix,
 * numbers in words, a number of days, prisoners who "returned", who speaks for a body, a text that
 * cites one body, the day and place of the sentence before, the innermost place, a day's full stop
 * before its month, an as-of word after its date. Each rule's sentence in the language it was made for.
 */
class ReadingRulesTest {
    @TempDir
    static Path dir;
    static Truce truce;
    static Extractor extractor;

    @BeforeAll
    static void open() {
        truce = Truce.open(dir, Clock.systemUTC());
        truce.loadDemo();
        long size = truce.ledger().size();
        extractor = new Extractor(truce.figures().sources(size), truce.figures().places(size),
                List.of(new Alias(Alias.Kind.SOURCE, "Конашенков", "ru-defence-ministry"),
                        new Alias(Alias.Kind.SOURCE, "Минобороны России", "ru-defence-ministry")));
    }

    @AfterAll
    static void close() {
        truce.close();
    }

    static List<Proposal> read(String text, String lang, String documentDate) {
        return extractor.read(text, lang, LocalDate.parse(documentDate)).proposals();
    }

    @Test
    void a_period_is_an_increment_since_the_day_before_its_first_day_as_of_its_last() {
        Proposal en = read("From November 29 to December 4, deminers cleared 70 hectares of land.", "en", "2021-12-06").get(0);
        assertThat(en.kind()).isEqualTo(ReportKind.INCREMENT);
        assertThat(en.since()).isEqualTo(LocalDate.of(2021, 11, 28));
        assertThat(en.asOf()).isEqualTo(LocalDate.of(2021, 12, 4));

        // the month in the genitive, the first day with "-dan", the last a bare day with "-dək"
        Proposal az = read("ANAMA-dan verilən məlumata görə, mayın 17-dən 22-dək 70 hektar ərazi minalardan təmizlənib.", "az", "2021-05-24").get(0);
        assertThat(az.value()).isEqualByComparingTo("70");
        assertThat(az.kind()).isEqualTo(ReportKind.INCREMENT);
        assertThat(az.since()).isEqualTo(LocalDate.of(2021, 5, 16));
        assertThat(az.asOf()).isEqualTo(LocalDate.of(2021, 5, 22));
        assertThat(az.source()).as("the cue two words after the name").isEqualTo("anama");
    }

    @Test
    void a_date_with_a_suffix_of_from_opens_a_period_and_dates_nothing() {
        Proposal p = read("23 noyabr 2020-ci il tarixindən bəri 530 hektar ərazi minalardan təmizlənib.", "az", "2021-01-17").get(0);
        assertThat(p.asOf()).isNull();
        assertThat(p.undecided()).contains("asOf");
    }

    @Test
    void numbers_in_words_are_read_in_their_case_and_one_is_never_a_figure() {
        List<Proposal> ru = read("При посредничестве российской стороны Азербайджан передал Армении троих пленных.", "ru", "2020-12-10");
        assertThat(ru).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualByComparingTo("3");
            assertThat(p.metric()).isEqualTo("detainees_exchanged");
        });
        assertThat(read("Более трех тысяч беженцев вернулись в Нагорный Карабах.", "ru", "2020-11-19").get(0).value())
                .isEqualByComparingTo("3000");
        Extraction one = extractor.read("One of the refugees returned home.", "en", LocalDate.parse("2020-11-19"));
        assertThat(one.proposals()).isEmpty();
        assertThat(one.notUnderstood()).as("a number in words that counts nothing is no figure left out").isEmpty();
    }

    @Test
    void a_number_of_days_or_weeks_counts_a_period() {
        List<Proposal> p = read("За две последние недели в места прежнего проживания вернулось более 23,5 тысячи беженцев.", "ru", "2020-11-29");
        assertThat(p).extracting(x -> x.value().toPlainString()).containsExactly("23500");
    }

    @Test
    void a_year_before_what_it_names_counts_nothing() {
        List<Proposal> p = read("Rescuers found 8 more bodies during the search for the 2020 Artsakh war casualties.", "en", "2021-06-12");
        assertThat(p).extracting(x -> x.value().toPlainString()).containsExactly("8");
    }

    @Test
    void a_part_in_words_in_its_case_is_a_breakdown() {
        Proposal p = read("За прошедшие сутки военные врачи оказали помощь 39 пациентам, в том числе пятерым детям.", "ru", "2020-12-09").get(0);
        assertThat(p.breakdown()).containsEntry("children", new java.math.BigDecimal("5"));
    }

    @Test
    void who_returned_in_an_exchange_of_prisoners_are_the_prisoners_exchanged() {
        List<Proposal> p = read("Четверо военнопленных переданы сегодня Армении и двое вернулись в Азербайджан.", "ru", "2020-12-28");
        assertThat(p).extracting(Proposal::metric).containsExactly("detainees_exchanged", "detainees_exchanged");
        assertThat(p.get(1).why().get("metric")).contains("an exchange");
    }

    @Test
    void who_speaks_for_a_body_cites_it() {
        Proposal p = read("Более 1,3 тыс. беженцев вернулись в Нагорный Карабах, сообщил официальный представитель Минобороны России.",
                "ru", "2020-11-20").get(0);
        assertThat(p.source()).isEqualTo("ru-defence-ministry");
        assertThat(p.why().get("source")).contains("официальный представитель");
    }

    @Test
    void a_text_that_cites_one_body_speaks_in_its_name_and_the_sentence_before_gives_day_and_place() {
        String text = "За сутки в Нагорный Карабах вернулись 306 беженцев.\n\nВсего вернулись более 40 тысяч человек.\n\nОб этом сообщил Конашенков.";
        List<Proposal> p = read(text, "ru", "2020-12-20");
        assertThat(p).hasSize(2);
        assertThat(p).allSatisfy(x -> assertThat(x.source()).isEqualTo("ru-defence-ministry"));
        assertThat(p.get(1).why().get("source")).startsWith("in the text: ");
        assertThat(p.get(1).asOf()).as("another paragraph: its day is not carried").isNull();

        List<Proposal> one = read("За сутки в Нагорный Карабах вернулись 306 беженцев. Всего вернулись более 40 тысяч человек.", "ru", "2020-12-20");
        assertThat(one.get(1).asOf()).isEqualTo(LocalDate.of(2020, 12, 20));
        assertThat(one.get(1).why().get("asOf")).isEqualTo("in the paragraph: За сутки");
        assertThat(one.get(1).place()).isEqualTo("nk");
        assertThat(one.get(1).why().get("place")).startsWith("in the paragraph: ");
    }

    @Test
    void a_short_form_cites_the_one_body_named_before_whose_name_holds_its_key() {
        Proposal p = read("Специалисты Международного противоминного центра Минобороны России обезвредили свыше 16 тысяч "
                + "взрывоопасных предметов, сообщает оборонное ведомство.", "ru", "2021-01-03").get(0);
        assertThat(p.source()).isEqualTo("ru-defence-ministry");
        assertThat(p.why().get("source")).contains("оборонное ведомство").contains("(= ");
        assertThat(read("Engineers cleared 12 hectares of land, the ministry said.", "en", "2021-01-03").get(0).source())
                .as("no body named before: the ministry is none").isNull();
    }

    @Test
    void of_nested_places_the_innermost_counts() {
        Proposal p = read("Today, 351 Artsakh citizens returned to Stepanakert from Yerevan.", "en", "2020-12-22").get(0);
        assertThat(p.place()).isEqualTo("town-khankendi-stepanakert");
        // alone, the contested name stays undecided
        assertThat(read("Today, 351 people returned to Artsakh.", "en", "2020-12-22").get(0).undecided()).contains("place");
    }

    @Test
    void a_days_full_stop_before_its_month_ends_no_sentence() {
        Proposal p = read("Am 19. Dezember kehrten 470 Vertriebene nach Stepanakert zurück.", "de", "2020-12-20").get(0);
        assertThat(p.asOf()).isEqualTo(LocalDate.of(2020, 12, 19));
        assertThat(p.sentence()).startsWith("Am 19. Dezember");
    }

    @Test
    void an_as_of_word_after_its_date_makes_a_total_not_that_days_count() {
        Proposal p = read("Dekabrın 1-i vəziyyətinə 47 min qaçqın Dağlıq Qarabağa qayıdıb.", "az", "2020-12-02").get(0);
        assertThat(p.asOf()).isEqualTo(LocalDate.of(2020, 12, 1));
        assertThat(p.kind()).isEqualTo(ReportKind.TOTAL);
    }
}

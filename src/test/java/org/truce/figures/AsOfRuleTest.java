package org.truce.figures;

import org.truce.record.DuplicateOf;
import org.truce.catalog.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsOfRuleTest {
    final BookBuilder b = new BookBuilder();

    @Test
    void the_figure_is_the_latest_total_plus_the_increments_after_it() {
        b.total("a", "100", "2021-01-01");
        b.increment("a", "5", "2021-01-02");
        b.increment("a", "7", "2021-01-04");
        b.increment("a", "9", "2021-01-09");
        Figure f = b.figure("a", "region", "2021-01-05");
        assertThat(f.value()).isEqualByComparingTo("112");
        assertThat(f.reportedAsOf()).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(f.basis()).hasSize(3);
        assertThat(b.figure("a", "region", "2020-12-31")).isNull();
    }

    @Test
    void a_total_includes_the_increments_of_its_own_day() {
        b.total("a", "28000", "2020-12-03");
        b.increment("a", "1950", "2020-12-03");
        assertThat(b.figure("a", "region", "2020-12-03").value()).isEqualByComparingTo("28000");
    }

    @Test
    void a_later_total_replaces_the_earlier_sum() {
        b.total("a", "100", "2021-01-01");
        b.increment("a", "5", "2021-01-02");
        b.total("a", "200", "2021-01-03");
        b.increment("a", "1", "2021-01-04");
        Figure f = b.figure("a", "region", "2021-01-04");
        assertThat(f.value()).isEqualByComparingTo("201");
        assertThat(f.basis()).extracting(x -> x.report().value()).containsExactly(new BigDecimal("200"), new BigDecimal("1"));
    }

    @Test
    void qualifiers_combine_to_the_weakest() {
        b.report("a", "region", ReportKind.TOTAL, "479.2", Qualifier.MORE_THAN, "2021-01-01", Map.of(), null);
        b.increment("a", "1", "2021-01-02");
        assertThat(b.figure("a", "region", "2021-01-02").qualifier()).isEqualTo(Qualifier.MORE_THAN);
        b.report("a", "region", ReportKind.INCREMENT, "3", Qualifier.ABOUT, "2021-01-03", Map.of(), null);
        Figure f = b.figure("a", "region", "2021-01-03");
        assertThat(f.qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(f.value()).isEqualByComparingTo("483.2");
    }

    @Test
    void a_total_below_the_previous_total_is_flagged() {
        b.total("a", "500", "2021-01-01");
        b.total("a", "450", "2021-01-02");
        assertThat(b.figure("a", "region", "2021-01-02").flags()).extracting(Flag::code).containsExactly(Flag.TOTAL_DECREASED);
    }

    @Test
    void a_total_that_differs_from_the_previous_total_plus_increments_is_flagged() {
        b.total("a", "500", "2021-01-01");
        b.increment("a", "20", "2021-01-02");
        b.total("a", "530", "2021-01-03");
        assertThat(b.figure("a", "region", "2021-01-03").flags()).extracting(Flag::code).containsExactly(Flag.TOTAL_MISMATCH);
        b.total("a", "530", "2021-01-05");
        assertThat(b.figure("a", "region", "2021-01-05").flags()).isEmpty();
    }

    @Test
    void a_more_than_total_is_not_flagged_against_a_larger_exact_sum() {
        b.total("a", "500", "2021-01-01");
        b.increment("a", "20", "2021-01-02");
        b.report("a", "region", ReportKind.TOTAL, "510", Qualifier.MORE_THAN, "2021-01-03", Map.of(), null);
        assertThat(b.figure("a", "region", "2021-01-03").flags()).isEmpty();
    }

    @Test
    void a_derived_breakdown_larger_than_the_derived_value_is_flagged() {
        b.report("a", "region", ReportKind.TOTAL, "10", Qualifier.EXACT, "2021-01-01", Map.of("children", new BigDecimal("9")), null);
        b.report("a", "region", ReportKind.INCREMENT, "2", Qualifier.EXACT, "2021-01-02", Map.of("children", new BigDecimal("2")), null);
        Figure f = b.figure("a", "region", "2021-01-02");
        assertThat(f.breakdown()).containsEntry("children", new BigDecimal("11"));
        assertThat(f.flags()).isEmpty();
        b.report("a", "region", ReportKind.INCREMENT, "0", Qualifier.EXACT, "2021-01-03", Map.of("children", new BigDecimal("2")), null);
        assertThat(b.figure("a", "region", "2021-01-03").flags()).extracting(Flag::code).containsExactly(Flag.BREAKDOWN_EXCEEDS_VALUE);
    }

    @Test
    void increments_without_any_total_are_flagged_as_such() {
        b.increment("a", "5", "2021-01-02");
        Figure f = b.figure("a", "region", "2021-01-02");
        assertThat(f.value()).isEqualByComparingTo("5");
        assertThat(f.flags()).extracting(Flag::code).containsExactly(Flag.NO_BASE_TOTAL);
    }

    @Test
    void a_parent_place_rolls_up_only_for_a_source_that_reported_on_every_child() {
        b.report("a", "east", ReportKind.TOTAL, "10", Qualifier.EXACT, "2021-01-01", Map.of(), null);
        Figure partial = b.figure("a", "region", "2021-01-01");
        assertThat(partial.partial()).isTrue();
        assertThat(partial.value()).isNull();
        assertThat(partial.rollup().missing()).containsExactly("west");
        b.report("a", "west", ReportKind.TOTAL, "5", Qualifier.ABOUT, "2021-01-01", Map.of(), null);
        Figure whole = b.figure("a", "region", "2021-01-01");
        assertThat(whole.partial()).isFalse();
        assertThat(whole.value()).isEqualByComparingTo("15");
        assertThat(whole.qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(whole.rollup().from()).containsExactly("east", "west");
    }

    @Test
    void different_sources_stand_side_by_side_with_their_spread_and_the_silent_ones_are_named() {
        b.total("a", "100", "2021-01-01");
        b.total("b", "130", "2021-01-01");
        Reconciled r = b.book.reconciled("returnees", "region", LocalDate.of(2021, 1, 1), Long.MAX_VALUE);
        assertThat(r.figures()).extracting(Figure::source).containsExactly("a", "b");
        assertThat(r.spread().comparisons()).singleElement().satisfies(c -> {
            assertThat(c.date()).isEqualTo(LocalDate.of(2021, 1, 1));
            assertThat(c.difference()).isEqualByComparingTo("30");
        });
        assertThat(r.spread().apart()).isEmpty();
        assertThat(r.noReport()).extracting(Source::id).containsExactly("c");
    }

    @Test
    void a_total_states_the_increments_of_its_own_day_without_adding_them() {
        b.total("a", "43000", "2020-12-24");
        b.increment("a", "488", "2020-12-24");
        Figure f = b.figure("a", "region", "2020-12-24");
        assertThat(f.value()).isEqualByComparingTo("43000");
        assertThat(f.derived()).isFalse();
        assertThat(f.sameDay()).extracting(x -> x.report().value()).containsExactly(new BigDecimal("488"));
        b.increment("a", "351", "2020-12-26");
        Figure later = b.figure("a", "region", "2020-12-27");
        assertThat(later.sameDay()).as("still the base total's day").extracting(x -> x.report().value()).containsExactly(new BigDecimal("488"));
        assertThat(b.book.figureFromVersions("returnees", "a", "region", LocalDate.of(2020, 12, 27), Long.MAX_VALUE).orElseThrow().sameDay())
                .extracting(x -> x.report().value()).containsExactly(new BigDecimal("488"));
    }

    @Test
    void a_total_plus_later_increments_is_derived_and_keeps_its_parts() {
        b.report("a", "region", ReportKind.TOTAL, "43000", Qualifier.MORE_THAN, "2020-12-24", Map.of(), null);
        b.increment("a", "351", "2020-12-26");
        b.increment("a", "402", "2020-12-27");
        Figure f = b.figure("a", "region", "2020-12-27");
        assertThat(f.derived()).isTrue();
        assertThat(f.value()).isEqualByComparingTo("43753");
        assertThat(f.qualifier()).as("more than plus exact is still more than").isEqualTo(Qualifier.MORE_THAN);
        assertThat(f.base().report().value()).isEqualByComparingTo("43000");
        assertThat(f.increments()).extracting(x -> x.report().value()).containsExactly(new BigDecimal("351"), new BigDecimal("402"));
        assertThat(b.figure("a", "region", "2020-12-25").derived()).as("the total alone is the source's own").isFalse();
    }

    @Test
    void increments_without_a_total_are_derived_with_no_base() {
        b.increment("a", "5", "2021-01-02");
        Figure f = b.figure("a", "region", "2021-01-02");
        assertThat(f.derived()).isTrue();
        assertThat(f.base()).isNull();
        assertThat(f.increments()).hasSize(1);
    }

    @Test
    void a_report_marked_as_a_repeat_is_kept_but_never_counted() {
        String first = b.increment("a", "5", "2021-01-02");
        b.add(new Fact.ReportFiled(new Report("00000000-0000-4000-8000-999999999999", "returnees", ReportKind.INCREMENT,
                new BigDecimal("5"), Qualifier.EXACT, Map.of(), LocalDate.of(2021, 1, 2), DatePrecision.DAY, null, "region", "a",
                "again", null, null, new DuplicateOf(first, "carried again by another outlet"))));
        assertThat(b.figure("a", "region", "2021-01-02").value()).isEqualByComparingTo("5");
        assertThat(b.book.figureFromVersions("returnees", "a", "region", LocalDate.of(2021, 1, 2), Long.MAX_VALUE).orElseThrow().value())
                .isEqualByComparingTo("5");
        assertThat(b.book.report("00000000-0000-4000-8000-999999999999")).isPresent();
    }

    @Test
    void a_retraction_removes_the_report_from_its_record_time_on() {
        b.total("a", "100", "2021-01-01");
        String second = b.total("a", "120", "2021-01-02");
        long before = b.entries.size();
        b.retract("a", second);
        assertThat(b.figure("a", "region", "2021-01-05").value()).isEqualByComparingTo("100");
        Figure past = b.book.figure("returnees", "a", "region", LocalDate.of(2021, 1, 5), before).orElseThrow();
        assertThat(past.value()).isEqualByComparingTo("120");
    }
}

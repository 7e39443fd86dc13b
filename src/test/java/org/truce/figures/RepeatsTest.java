package org.truce.figures;

import org.truce.record.RepeatsFound;
import org.truce.record.DuplicateOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The duplicate rule of reports, without a node: {@link Repeats} over a book fed as the ledger would. */
class RepeatsTest {
    final BookBuilder b = new BookBuilder();
    final Repeats repeats = new Repeats(b.book);

    private static Fact report(String id, String kind, String value, String date, DuplicateOf dup) {
        return new Fact.ReportFiled(new Report(id, "returnees", ReportKind.fromWire(kind), new BigDecimal(value), Qualifier.EXACT,
                Map.of(), LocalDate.parse(date), DatePrecision.DAY, null, "region", "a", "words", null, null, dup));
    }

    private static String id(int n) {
        return String.format("10000000-0000-4000-8000-%012d", n);
    }

    @Test
    void the_same_source_metric_place_date_kind_and_value_is_a_repeat_that_names_the_first() {
        String first = b.increment("a", "488", "2020-12-24");
        RepeatsFound found = repeats.check(List.of(report(id(1), "increment", "488.0", "2020-12-24", null)), List.of(""));
        assertThat(found.wrong()).isEmpty();
        assertThat(found.unmarked()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("");
            assertThat(v.detail()).contains("repeats report " + first).contains("(entry " + (b.entries.size() - 1) + ")");
        });
    }

    @Test
    void another_kind_value_or_date_is_no_repeat() {
        b.increment("a", "488", "2020-12-24");
        RepeatsFound found = repeats.check(List.of(report(id(1), "total", "488", "2020-12-24", null),
                report(id(2), "increment", "489", "2020-12-24", null), report(id(3), "increment", "488", "2020-12-25", null)),
                List.of("/0", "/1", "/2"));
        assertThat(found.unmarked()).isEmpty();
        assertThat(found.wrong()).isEmpty();
    }

    @Test
    void a_repeat_marked_with_duplicate_of_the_first_is_accepted() {
        String first = b.increment("a", "488", "2020-12-24");
        RepeatsFound found = repeats.check(List.of(report(id(1), "increment", "488", "2020-12-24", new DuplicateOf(first, "another outlet"))),
                List.of(""));
        assertThat(found.unmarked()).isEmpty();
        assertThat(found.wrong()).isEmpty();
    }

    @Test
    void duplicate_of_must_name_a_report_it_repeats() {
        String other = b.increment("a", "7", "2020-12-24");
        RepeatsFound found = repeats.check(List.of(report(id(1), "increment", "488", "2020-12-24", new DuplicateOf(other, "why not"))),
                List.of(""));
        assertThat(found.wrong()).singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/duplicateOf/id"));
    }

    @Test
    void a_retry_of_a_recorded_id_is_no_repeat() {
        String first = b.increment("a", "488", "2020-12-24");
        RepeatsFound found = repeats.check(List.of(report(first, "increment", "488", "2020-12-24", null)), List.of(""));
        assertThat(found.unmarked()).isEmpty();
    }

    @Test
    void two_items_of_one_request_that_repeat_each_other_are_refused_at_the_second() {
        RepeatsFound found = repeats.check(List.of(report(id(1), "total", "100", "2021-01-01", null),
                report(id(2), "total", "100", "2021-01-01", null)), List.of("/0", "/1"));
        assertThat(found.unmarked()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/1");
            assertThat(v.detail()).contains(id(1)).contains("/0");
        });
        RepeatsFound marked = repeats.check(List.of(report(id(1), "total", "100", "2021-01-01", null),
                report(id(2), "total", "100", "2021-01-01", new DuplicateOf(id(1), "second outlet"))), List.of("/0", "/1"));
        assertThat(marked.unmarked()).isEmpty();
        assertThat(marked.wrong()).isEmpty();
    }

    @Test
    void a_retracted_report_is_not_repeated() {
        String first = b.increment("a", "488", "2020-12-24");
        b.retract("a", first);
        assertThat(repeats.check(List.of(report(id(1), "increment", "488", "2020-12-24", null)), List.of("")).unmarked()).isEmpty();
    }

}

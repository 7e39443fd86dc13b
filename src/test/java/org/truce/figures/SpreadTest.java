package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spread compares like with like: exact figures of one date; every other figure stands apart with why. */
class SpreadTest {
    final BookBuilder b = new BookBuilder();

    private Spread spread(String date) {
        return b.book.reconciled("returnees", "region", LocalDate.parse(date), Long.MAX_VALUE).spread();
    }

    @Test
    void a_lower_bound_is_never_subtracted_from_an_exact_figure() {
        b.total("a", "48241", "2021-01-11");
        b.report("b", "region", ReportKind.TOTAL, "48000", Qualifier.MORE_THAN, "2021-01-11", Map.of(), null);
        Spread s = spread("2021-01-11");
        assertThat(s.comparisons()).isEmpty();
        assertThat(s.apart()).extracting(a -> a.figure().source() + ":" + a.why())
                .containsExactly("a:" + Spread.ONLY_ONE_OF_ITS_DATE, "b:" + Spread.LOWER_BOUND);
    }

    @Test
    void an_older_figure_stands_apart_with_its_date_and_an_about_figure_as_approximate() {
        b.total("a", "43000", "2020-12-24");
        b.total("b", "48241", "2021-01-11");
        b.total("c", "48100", "2021-01-11");
        Spread s = spread("2021-01-11");
        assertThat(s.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.date()).isEqualTo(LocalDate.of(2021, 1, 11));
            assertThat(c.figures()).extracting(Figure::source).containsExactly("b", "c");
            assertThat(c.lowest()).isEqualByComparingTo("48100");
            assertThat(c.highest()).isEqualByComparingTo("48241");
            assertThat(c.difference()).isEqualByComparingTo("141");
        });
        assertThat(s.apart()).singleElement().satisfies(a -> {
            assertThat(a.figure().source()).isEqualTo("a");
            assertThat(a.figure().reportedAsOf()).isEqualTo(LocalDate.of(2020, 12, 24));
            assertThat(a.why()).isEqualTo(Spread.ONLY_ONE_OF_ITS_DATE);
        });
    }

    @Test
    void an_about_figure_is_approximate() {
        b.total("a", "100", "2021-01-01");
        b.report("b", "region", ReportKind.TOTAL, "182.8", Qualifier.ABOUT, "2021-01-01", Map.of(), null);
        assertThat(spread("2021-01-01").apart()).extracting(Spread.Apart::why)
                .containsExactly(Spread.ONLY_ONE_OF_ITS_DATE, Spread.APPROXIMATE_VALUE);
    }
}

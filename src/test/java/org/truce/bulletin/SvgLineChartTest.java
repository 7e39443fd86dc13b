package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server-side chart: readable date axes with years for one report and for reports years apart,
 * a mark only on a date a source reported, and numbers grouped as the reader's language groups them.
 */
class SvgLineChartTest {
    private static final Pattern DATE_LABEL = Pattern.compile("<text [^>]*data-date=\"([0-9-]+)\">([^<]*)</text>");
    private static final Pattern VALUE_LABEL = Pattern.compile("<g class=\"values\"[^>]*>(.*?)</g>");

    @Test
    void one_report_gets_one_date_tick_with_its_full_date_and_year_and_one_mark() {
        LocalDate d = LocalDate.of(2021, 1, 11);
        String svg = SvgLineChart.render(List.of(line("a", d, 48_000)), d, d, ULocale.ENGLISH, "one");
        assertThat(dateLabels(svg)).containsExactly("2021-01-11=Jan 11, 2021");
        assertThat(marks(svg)).isEqualTo(1);
        assertThat(svg).contains("<title>one</title>").contains("alt=\"one\"");
    }

    @Test
    void reports_years_apart_get_ticks_labelled_with_their_years_and_marks_only_on_report_dates() {
        LocalDate first = LocalDate.of(2019, 3, 5);
        LocalDate last = LocalDate.of(2023, 8, 20);
        var a = new SvgLineChart.Line("a", List.of(new SvgLineChart.Point(first, 10), new SvgLineChart.Point(last, 30)));
        String svg = SvgLineChart.render(List.of(a), first, last, ULocale.ENGLISH, null);
        assertThat(dateLabels(svg)).containsExactly("2020-01-01=2020", "2021-01-01=2021", "2022-01-01=2022", "2023-01-01=2023");
        assertThat(marks(svg)).isEqualTo(2);
        assertThat(svg).doesNotContain("<polyline").doesNotContain("<title>");
    }

    @Test
    void months_apart_read_month_and_year_and_days_apart_carry_the_year_where_it_changes() {
        String months = SvgLineChart.render(List.of(), LocalDate.of(2020, 11, 10), LocalDate.of(2021, 4, 2), ULocale.ENGLISH, null);
        assertThat(dateLabels(months)).containsExactly("2020-12-01=Dec 2020", "2021-01-01=Jan 2021", "2021-02-01=Feb 2021",
                "2021-03-01=Mar 2021", "2021-04-01=Apr 2021");
        String days = SvgLineChart.render(List.of(), LocalDate.of(2020, 12, 25), LocalDate.of(2021, 1, 11), ULocale.ENGLISH, null);
        assertThat(dateLabels(days)).containsExactly("2020-12-25=Dec 25, 2020", "2021-01-01=Jan 1, 2021", "2021-01-08=Jan 8");
    }

    @Test
    void a_source_that_reported_twice_has_two_marks_at_those_dates_and_none_between() {
        LocalDate from = LocalDate.of(2020, 11, 23);
        LocalDate to = LocalDate.of(2021, 1, 11);
        var a = new SvgLineChart.Line("a", List.of(new SvgLineChart.Point(from, 11_000), new SvgLineChart.Point(to, 48_000)));
        var b = new SvgLineChart.Line("b", List.of(new SvgLineChart.Point(LocalDate.of(2020, 12, 30), 44_000)));
        String svg = SvgLineChart.render(List.of(a, b), from, to, ULocale.ENGLISH, null);
        List<Double> xs = circleXs(svg);
        assertThat(xs).hasSize(2);
        // the first and last dates sit at the two ends of the plot, a mark on no date between
        assertThat(xs.get(0)).isEqualTo(SvgLineChart.LEFT + SvgLineChart.PAD);
        assertThat(xs.get(1)).isEqualTo(SvgLineChart.W - SvgLineChart.RIGHT - SvgLineChart.PAD);
        assertThat(svg).containsOnlyOnce("<rect x=");
    }

    @Test
    void values_are_grouped_as_the_language_groups_them() {
        LocalDate d = LocalDate.of(2021, 1, 11);
        assertThat(valueLabels(SvgLineChart.render(List.of(line("a", d, 48_000)), d, d, ULocale.ENGLISH, null))).contains("50,000", "12,500");
        assertThat(valueLabels(SvgLineChart.render(List.of(line("a", d, 48_000)), d, d, ULocale.GERMAN, null))).contains("50.000", "12.500");
        assertThat(valueLabels(SvgLineChart.render(List.of(line("a", d, 48_000)), d, d, new ULocale("ru"), null))).contains("50\u00a0000");
        assertThat(dateLabels(SvgLineChart.render(List.of(), d, d, new ULocale("az"), null)).get(0)).contains("2021").contains("yan");
        assertThat(dateLabels(SvgLineChart.render(List.of(), d, d, new ULocale("hy"), null)).get(0)).contains("2021").contains("հնվ");
    }

    private static SvgLineChart.Line line(String source, LocalDate d, double v) {
        return new SvgLineChart.Line(source, List.of(new SvgLineChart.Point(d, v)));
    }

    static List<String> dateLabels(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = DATE_LABEL.matcher(svg);
        while (m.find()) out.add(m.group(1) + "=" + m.group(2).replace('\u202f', ' ').replace('\u00a0', ' '));
        return out;
    }

    private static String valueLabels(String svg) {
        Matcher m = VALUE_LABEL.matcher(svg);
        return m.find() ? m.group(1) : "";
    }

    /** The marks of all sources: what each source's group holds. */
    private static int marks(String svg) {
        int n = 0;
        Matcher m = Pattern.compile("<g class=\"source\"[^>]*>(.*?)</g>").matcher(svg);
        while (m.find()) n += m.group(1).split("/>", -1).length - 1;
        return n;
    }

    private static List<Double> circleXs(String svg) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\"").matcher(svg);
        while (m.find()) out.add(Double.parseDouble(m.group(1)));
        return out;
    }
}

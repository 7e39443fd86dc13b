package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleDatesTest {

    @ParameterizedTest(name = "{1} in {0} is {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "ru|11.01.2021|2021-01-11",
            "de|11.01.2021|2021-01-11",
            "-|11.01.2021|2021-01-11",
            "ru|11.01.2021 г.|2021-01-11",
            "hy|11.01.2021|2021-01-11",
            "az|11.01.2021|2021-01-11",
            "en|2021-01-11|2021-01-11",
            "ru|11/01/2021|2021-01-11",
            "en-GB|11/01/2021|2021-01-11",
            "en-US|11/01/2021|2021-11-01",
            "en|13/01/2021|2021-01-13",
            "en|01/13/2021|2021-01-13",
            "-|13/01/2021|2021-01-13",
    })
    void a_date_is_read_as_its_locale_writes_it(String locale, String text, String expected) {
        assertThat(new LocaleDates(locale).parse(text)).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void a_slashed_date_whose_order_english_does_not_settle_is_refused_not_guessed() {
        assertThatThrownBy(() -> new LocaleDates("en").parse("11/01/2021")).isInstanceOf(BadCell.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("en-GB or en-US");
        assertThatThrownBy(() -> new LocaleDates(null).parse("11/01/2021")).isInstanceOf(BadCell.class)
                .hasMessageContaining("declare the sheet's locale");
    }

    @Test
    void an_excel_date_cell_is_its_date_and_an_excel_number_is_no_date() {
        LocalDate d = LocalDate.of(2021, 1, 11);
        assertThat(new LocaleDates("ru").parse(new Sheet.Cell("44207", null, d))).isEqualTo(d);
        assertThatThrownBy(() -> new LocaleDates("ru").parse(new Sheet.Cell("44207", new java.math.BigDecimal("44207"), null)))
                .isInstanceOf(BadCell.class).hasMessageContaining("not a date");
    }

    @Test
    void two_digit_years_and_days_not_in_the_calendar_are_refused() {
        assertThatThrownBy(() -> new LocaleDates("ru").parse("11.01.21")).isInstanceOf(BadCell.class).hasMessageContaining("year");
        assertThatThrownBy(() -> new LocaleDates("ru").parse("31.02.2021")).isInstanceOf(BadCell.class).hasMessageContaining("calendar");
        assertThatThrownBy(() -> new LocaleDates("ru").parse("вчера")).isInstanceOf(BadCell.class).hasMessageContaining("not a date");
    }
}

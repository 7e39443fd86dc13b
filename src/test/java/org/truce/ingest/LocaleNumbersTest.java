package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LocaleNumbersTest {

    @ParameterizedTest(name = "{1} in {0} is {2}")
    @CsvSource(delimiter = '|', value = {
            "ru|48 241|48241",
            "ru|48\u00A0241|48241",
            "ru|48\u202F241|48241",
            "hy|48\u00A0241|48241",
            "ru|479,2|479.2",
            "en|479,2|479.2",
            "de|479,2|479.2",
            "ru|48,241|48.241",
            "en|48,241|48241",
            "en|48.241|48.241",
            "de|48.241|48241",
            "az|48.241|48241",
            "az|48,241|48.241",
            "en|1,234,567|1234567",
            "de|1.234.567|1234567",
            "en|1,234.5|1234.5",
            "de|1.234,5|1234.5",
            "ru|0,125|0.125",
            "ru|12345,678|12345.678",
            "en|1300|1300",
    })
    void a_number_is_read_as_its_locale_writes_it(String locale, String text, String expected) {
        assertThat(new LocaleNumbers(locale).parse(text)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @Test
    void a_dot_between_thousands_is_ambiguous_in_russian_which_groups_with_spaces() {
        assertThatThrownBy(() -> new LocaleNumbers("ru").parse("48.241")).isInstanceOf(BadCell.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("48241 or 48.241");
    }

    @Test
    void a_separator_between_thousands_is_ambiguous_without_a_locale() {
        assertThatThrownBy(() -> new LocaleNumbers(null).parse("48,241")).isInstanceOf(BadCell.class)
                .hasMessageContaining("declare the sheet's locale");
    }

    @Test
    void a_decimal_comma_needs_no_locale() {
        assertThat(new LocaleNumbers(null).parse("479,2")).isEqualByComparingTo("479.2");
    }

    @Test
    void words_negatives_and_bad_grouping_are_refused() {
        LocaleNumbers en = new LocaleNumbers("en");
        assertThatThrownBy(() -> en.parse("many")).isInstanceOf(BadCell.class).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> en.parse("-5")).isInstanceOf(BadCell.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> en.parse("1,23,456")).isInstanceOf(BadCell.class).hasMessageContaining("grouped by three");
        assertThatThrownBy(() -> en.parse("")).isInstanceOf(BadCell.class).hasMessageContaining("empty");
    }
}

package org.truce.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Numbers and dates typed in the page's language: one case a row of {@code desk/local-input.csv}. */
class LocalInputTest {
    @ParameterizedTest(name = "{0} {1} \"{2}\" -> {3}")
    @CsvFileSource(resources = "/desk/local-input.csv", ignoreLeadingAndTrailingWhitespace = true)
    void a_typed_value_reads_as_the_wire_text_or_is_refused_with_its_reason(String kind, String lang, String typed, String expected) {
        LocalInput.Read read = kind.equals("date") ? LocalInput.date(typed, lang) : LocalInput.number(typed, lang);
        String got = read instanceof LocalInput.Ok ok ? ok.wire() : "refused:" + ((LocalInput.Refused) read).reason();
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void the_example_date_is_in_the_languages_short_form_with_a_four_digit_year() {
        LocalDate d = LocalDate.of(2021, 1, 31);
        assertThat(LocalInput.dateExample(d, "ru")).isEqualTo("31.01.2021");
        assertThat(LocalInput.dateExample(d, "de")).isEqualTo("31.01.2021");
        assertThat(LocalInput.dateExample(d, "en")).isEqualTo("1/31/2021");
        // every example reads back as the date it shows
        for (String lang : new String[] {"en", "ru", "hy", "az", "de"}) {
            assertThat(LocalInput.date(LocalInput.dateExample(d, lang), lang)).isEqualTo(new LocalInput.Ok("2021-01-31"));
        }
    }
}

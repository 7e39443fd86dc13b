package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each language's long date ({@code date.long}), unpadded, the same in bulletins and on pages. */
class LongDatesTest {
    static final LocalDate D = LocalDate.of(2021, 1, 5);

    static String date(String lang) {
        return Messages.of(lang).orElseThrow().date(D);
    }

    @Test
    void russian_and_german_dates_read_as_their_newsrooms_write_them() {
        assertThat(date("ru")).isEqualTo("5 января 2021\u202fг.");
        assertThat(date("de")).isEqualTo("5. Januar 2021");
        assertThat(date("en")).isEqualTo("5 January 2021");
    }

    @Test
    void the_pages_use_the_bulletins_date_pattern() {
        for (String lang : TranslationsTest.LANGUAGES) assertThat(Messages.ui(lang).date(D)).as(lang).isEqualTo(date(lang));
    }

    @Test
    void no_language_pads_the_day() {
        for (String lang : TranslationsTest.LANGUAGES) assertThat(date(lang)).as(lang).doesNotContain("05").contains("5");
    }
}

package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.figures.Qualifier;
import org.truce.figures.ReportKind;

class QualifiersTest {
    private final Qualifiers q = Qualifiers.standard();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "more than 479.2|MORE_THAN|479.2",
            "over 100|MORE_THAN|100",
            "about 1 300|ABOUT|1 300",
            "более 479,2|MORE_THAN|479,2",
            "Более чем 100|MORE_THAN|100",
            "свыше 48 000|MORE_THAN|48 000",
            "около 1300|ABOUT|1300",
            "ավելի քան 100|MORE_THAN|100",
            "մոտ 100|ABOUT|100",
            "100-dən çox|MORE_THAN|100",
            "479-dan çox|MORE_THAN|479",
            "təxminən 100|ABOUT|100",
            "mehr als 100|MORE_THAN|100",
            "rund 1.300|ABOUT|1.300",
            "48 241|EXACT|48 241",
    })
    void words_around_a_number_qualify_it_in_five_languages(String cell, Qualifier expected, String number) {
        Qualifiers.Split split = q.split(cell);
        assertThat(split.qualifier()).isEqualTo(expected);
        assertThat(split.number()).isEqualTo(number);
    }

    @Test
    void a_word_that_only_begins_like_a_qualifier_is_not_one() {
        assertThat(q.split("overall 5").qualifier()).isEqualTo(Qualifier.EXACT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "more_than|MORE_THAN", "more than|MORE_THAN", "более|MORE_THAN", "свыше|MORE_THAN", "ավելի քան|MORE_THAN",
            "dən çox|MORE_THAN", "mehr als|MORE_THAN", "about|ABOUT", "около|ABOUT", "rund|ABOUT", "exact|EXACT", "''|EXACT",
    })
    void a_qualifier_column_takes_the_words_or_the_wire_name(String cell, Qualifier expected) {
        assertThat(q.qualifier(cell)).isEqualTo(expected);
    }

    @Test
    void an_unknown_qualifier_word_is_refused_naming_the_known_ones() {
        assertThatThrownBy(() -> q.qualifier("perhaps")).isInstanceOf(BadCell.class).hasMessageContaining("more_than");
    }

    @Test
    void a_kind_column_takes_the_words_of_every_language() {
        assertThat(q.kind("всего")).isEqualTo(ReportKind.TOTAL);
        assertThat(q.kind("insgesamt")).isEqualTo(ReportKind.TOTAL);
        assertThat(q.kind("increment")).isEqualTo(ReportKind.INCREMENT);
        assertThat(q.kind("прирост")).isEqualTo(ReportKind.INCREMENT);
        assertThatThrownBy(() -> q.kind("sometimes")).isInstanceOf(BadCell.class);
    }
}

package org.truce.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void plain_fields_are_written_as_they_are_and_records_end_with_crlf() {
        assertThat(Csv.row(Arrays.asList("2021-02-03", "Battles", null, "39.8"))).isEqualTo("2021-02-03,Battles,,39.8\r\n");
    }

    @Test
    void a_field_with_a_comma_a_quote_or_a_line_break_is_quoted_and_its_quotes_doubled() {
        assertThat(Csv.row(Arrays.asList("a,b", "say \"no\"", "two\nlines", "cr\rhere", "x")))
                .isEqualTo("\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\"cr\rhere\",x\r\n");
    }

    @Test
    void a_text_that_a_spreadsheet_would_run_as_a_formula_is_defused_but_numbers_are_not() {
        assertThat(Csv.row(Arrays.asList("=HYPERLINK(\"x\")", "-12", "@cmd", "+1"))).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",-12,'@cmd,'+1\r\n");
    }
}

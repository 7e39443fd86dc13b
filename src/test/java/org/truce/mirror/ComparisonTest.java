package org.truce.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_same_bytes_have_no_difference() {
        assertThat(Comparison.difference(b("According to X, 12 people\n"), b("According to X, 12 people\n"))).isEmpty();
        assertThat(Comparison.difference(new byte[0], new byte[0])).isEmpty();
    }

    @Test
    void a_difference_names_its_byte_its_line_and_both_sides() {
        assertThat(Comparison.difference(b("title\nAccording to X, 12 people\n"), b("title\nAccording to X, 13 people\n")))
                .contains("first difference at byte 23 (line 2) of 32 from the log, 32 from the copy: the log has"
                        + " \"le\\nAccording to X, 12 people\\n\", the copy \"le\\nAccording to X, 13 people\\n\"");
    }

    @Test
    void a_copy_that_ends_early_differs_where_it_ends() {
        assertThat(Comparison.difference(b("abc\n"), b("abc"))).contains("first difference at byte 3 (line 1) of 4 from the log,"
                + " 3 from the copy: the log has \"abc\\n\", the copy \"(end)\"");
    }
}

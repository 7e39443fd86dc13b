package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/** The map's slider dates come from the server's ICU data, which has every language (a browser's may not). */
class MapDateLabelsTest {
    @TempDir
    Path dir;

    @Test
    void the_map_page_carries_each_slider_day_as_a_long_date_in_the_readers_language() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.get("/map?lang=az").body();
            assertThat(az).contains("data-date-labels=").contains("2020-ci il 10 noyabr").contains("2021-ci il 5 yanvar");
            assertThat(node.get("/map?lang=hy").body()).contains("data-date-labels=").contains("նոյեմբերի");
        }
    }
}

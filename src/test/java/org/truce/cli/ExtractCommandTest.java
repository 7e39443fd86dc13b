package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** {@code truce extract FILE} against a real node over HTTP: the proposals printed, nothing written. */
@ExtendWith(DemoNodeExtension.class)
class ExtractCommandTest {
    TestNode node;
    @TempDir
    Path dir;

    @Test
    void an_html_page_is_read_to_its_proposals_with_why_and_nothing_is_written() throws Exception {
        Path page = Files.writeString(dir.resolve("briefing.html"), "<html><head><title>Briefing</title><script>var n = 5;</script></head><body>"
                + "<nav>Home 1 2 3</nav><p>As of January 11, a total of 48,241 people returned to Nagorno-Karabakh.</p>"
                + "<p>About 30 demonstrators came.</p></body></html>", StandardCharsets.UTF_8);
        long size = node.truce.ledger().size();
        CliRun r = CliRun.of("extract", page.toString(), "--node", node.base(), "--token", node.token, "--document-publisher", "Outlet",
                "--document-date", "2021-01-12");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("briefing.html: 1 figures proposed (language en, told from the text); nothing written")
                .contains("1. returnees exact 48241 (total) as of 2021-01-11, place nk, source none named")
                .contains("metric <- people returned").contains("not understood [\"30\"]").doesNotContain("[5]").doesNotContain("Home");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
        CliRun bad = CliRun.of("extract", page.toString(), "--node", node.base(), "--token", node.token, "--lang", "fr");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("/lang");
    }
}

package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/** Every stored entry reads back over the API, however deep its payload nests (a geometry does). */
class LedgerEntriesReadTest {
    @TempDir
    Path dir;

    @Test
    void every_entry_of_the_demo_reads_back_whole() {
        try (TestNode node = TestNode.withDemo(dir)) {
            long size = node.truce.ledger().size();
            int read = 0;
            for (long from = 0; from < size; from += 100) {
                TestNode.Response page = node.get("/api/v1/ledger/entries?from=" + from + "&limit=100");
                assertThat(page.status()).as("entries from " + from).isEqualTo(200);
                read += page.json().get("entries").size();
            }
            assertThat(read).isEqualTo(size);
        }
    }
}

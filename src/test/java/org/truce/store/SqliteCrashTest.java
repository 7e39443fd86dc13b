package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerStore.KeptHead;

/**
 * Durability by breaking things, after H2's power-off tests: a child JVM appends in a loop and
 * acknowledges each append on stdout; we kill it (SIGKILL) at a seeded point, reopen, and require that
 * every acknowledged entry is there byte for byte, in a gap-free prefix with its head. Several rounds
 * write to the same directory, so recovery after a kill is also written through.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SqliteCrashTest {

    private static final long SEED = 20_210_111L;
    private static final int ROUNDS = 4;

    @TempDir
    Path tmp;

    @Test
    void every_acknowledged_append_survives_a_killed_writer() throws Exception {
        Path dataDir = tmp.resolve("data");
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            int acksBeforeKill = 5 + random.nextInt(60);

            long acknowledged = killAfterAcks(dataDir, SEED + round, acksBeforeKill, round);

            assertStoreHoldsPrefixOfAtLeast(dataDir, acknowledged, "round " + round + ", seed " + SEED);
        }
    }

    /** Runs a writer until it has acknowledged {@code acks} appends, kills it, and returns the highest size it acknowledged. */
    private long killAfterAcks(Path dataDir, long seed, int acks, int round) throws IOException, InterruptedException {
        Path errLog = tmp.resolve("writer-" + round + ".err");
        Process writer = ChildJvm.of(errLog, CrashWriter.class, dataDir.toString(), String.valueOf(seed)).start();
        long acknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            String line;
            while (seen < acks && (line = out.readLine()) != null) {
                if (line.startsWith(CrashWriter.ACKED)) {
                    acknowledged = Long.parseLong(line.substring(CrashWriter.ACKED.length()));
                    seen++;
                }
            }
            // The writer keeps appending while we read; kill it mid-stream. Acks still in the pipe are
            // lost with it (destroy closes the pipe), so `acknowledged` is a lower bound: still sound.
            writer.destroyForcibly().waitFor();
            assertThat(seen).as("acks before the writer stopped; its stderr:\n%s", Files.readString(errLog)).isEqualTo(acks);
        } finally {
            writer.destroyForcibly();
        }
        return acknowledged;
    }

    private static void assertStoreHoldsPrefixOfAtLeast(Path dataDir, long acknowledged, String context) {
        try (LedgerStore store = Stores.openSqlite(dataDir)) {
            assertThat(store.size()).as(context).isGreaterThanOrEqualTo(acknowledged);
            long[] next = {0};
            store.forEach(0, entry -> {
                LedgerStoreContract.assertSameEntry(entry, TestEntries.entry(next[0]));
                next[0]++;
            });
            assertThat(next[0]).as(context + ": rows form a gap-free prefix of size()").isEqualTo(store.size());

            List<KeptHead> heads = store.heads();
            assertThat(heads).as(context).isNotEmpty();
            assertThat(heads).extracting(KeptHead::size).as(context).isSorted().doesNotHaveDuplicates();
            assertThat(heads.get(heads.size() - 1).size()).as(context + ": the head commits with its entries").isEqualTo(store.size());
            heads.forEach(head -> assertThat(head.signedNote()).isEqualTo(TestEntries.headNote(head.size())));
        }
    }
}

package org.truce.store;

import java.nio.file.Path;
import java.util.Random;
import org.truce.ledger.LedgerStore;

/**
 * Child-process main for {@link SqliteCrashTest}: {@code CrashWriter <dataDir> <seed>} appends batches of
 * {@link TestEntries} (seeded random sizes) to the store, continuing from its size, and after each
 * append returns prints {@code acked <size>}. It runs until killed.
 */
public final class CrashWriter {

    static final String ACKED = "acked ";
    private static final long RUNAWAY_LIMIT = 5_000_000;

    private CrashWriter() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        try (LedgerStore store = Stores.openSqlite(dataDir)) {
            System.out.println("opened " + store.size());
            System.out.flush();
            while (store.size() < RUNAWAY_LIMIT) {
                long from = store.size();
                int count = 1 + random.nextInt(40);
                store.append(TestEntries.batch(from, count), from + count, TestEntries.headNote(from + count));
                System.out.println(ACKED + store.size());
                System.out.flush();
            }
        }
    }
}

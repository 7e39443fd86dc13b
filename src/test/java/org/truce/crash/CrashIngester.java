package org.truce.crash;

import org.truce.record.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.truce.app.Truce;
import org.truce.figures.Fact;
import org.truce.figures.FigureBook;
import org.truce.ledger.HighestHead;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerObserver;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NodeKey;
import org.truce.store.DataDirLock;
import org.truce.store.Stores;
import org.truce.figures.Recorder;
import org.truce.ledger.AppendResult;

/**
 * Child-process main of the crash campaign:
 * {@code CrashIngester <dataDir> <seed> <round> <retryRound> <retryIndex> [storeUrl]} opens the ledger as
 * {@link Truce#open} does (the data directory locked, the store migrated and replayed into the Merkle
 * tree and the figures, the last signed head and the remembered highest head checked) but without the other projections and the
 * private stores, which the campaign does not write and which would double each restart's cost; first
 * re-sends request ({@code retryRound}, {@code retryIndex}) — the one the previous child may have had in
 * flight when it was killed (-1: none) — then files requests (round, 0), (round, 1), ... through the
 * {@link Recorder}, now and then re-sending one it was already answered for. After each answer it
 * prints {@code acked <round> <index>} (or {@code retried ...}); a retry that creates an entry prints
 * {@code BUG ...} and exits. It runs until killed.
 */
public final class CrashIngester {
    static final String OPENED = "opened ";
    static final String ACKED = "acked ";
    static final String RETRIED = "retried ";
    static final String BUG = "BUG ";
    private static final int RUNAWAY_LIMIT = 100_000;

    private CrashIngester() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        int round = Integer.parseInt(args[2]);
        int retryRound = Integer.parseInt(args[3]);
        int retryIndex = Integer.parseInt(args[4]);
        FigureBook figures = new FigureBook();
        try (DataDirLock lock = DataDirLock.acquire(dataDir);
             LedgerStore store = args.length > 5 ? openByUrl(args[5]) : Stores.openSqlite(dataDir);
             Ledger ledger = Ledger.open(store, NodeKey.loadOrCreate(dataDir, Truce.DEFAULT_ORIGIN), Truce.DEFAULT_ORIGIN,
                     Clock.systemUTC(), List.of(figures), Ledger.Progress.NONE, List.of(), LedgerObserver.NONE,
                     HighestHead.in(dataDir))) {
            Recorder recorder = new Recorder(ledger, figures, Clock.systemUTC());
            send(recorder, CrashRequests.catalog());
            System.out.println(OPENED + ledger.size());
            System.out.flush();
            if (retryIndex >= 0) {
                send(recorder, CrashRequests.request(retryRound, retryIndex));
                say(ACKED + retryRound + " " + retryIndex);
            }
            for (int index = 0; index < RUNAWAY_LIMIT; index++) {
                send(recorder, CrashRequests.request(round, index));
                say(ACKED + round + " " + index);
                if (index > 0 && random.nextInt(4) == 0) {
                    int again = random.nextInt(index);
                    AppendResult.Accepted accepted = send(recorder, CrashRequests.request(round, again));
                    if (accepted.outcomes().stream().anyMatch(AppendResult.Outcome::created)) {
                        say(BUG + "the retry of request " + round + " " + again + " created an entry");
                        System.exit(3);
                    }
                    say(RETRIED + round + " " + again);
                }
            }
        }
    }

    /** The store named by a subclass's {@link CrashCampaign#storeArgs()}: a PostgreSQL URL. */
    private static LedgerStore openByUrl(String url) {
        return Stores.openPostgres(url);
    }

    private static AppendResult.Accepted send(Recorder recorder, List<Fact> facts) {
        Outcome outcome = recorder.record(facts, CrashRequests.pointers(facts.size()), CrashRequests.AUTHOR);
        if (outcome instanceof Outcome.Done done && done.result() instanceof AppendResult.Accepted accepted) {
            return accepted;
        }
        say(BUG + "refused: " + outcome);
        System.exit(3);
        return null;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}

package org.truce.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.truce.bulletin.BulletinComposer;
import org.truce.figures.FigureBook;
import org.truce.figures.Recorder;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NodeKey;
import org.truce.store.DataDirLock;
import org.truce.store.Stores;

/**
 * The composition root of one node: the data-directory lock, the store, the node's signing key, the
 * ledger and the projections rebuilt from it. Open once, share, close on shutdown.
 */
public final class Truce implements AutoCloseable {
    public static final String DEFAULT_ORIGIN = "truce.local/ledger";

    private final DataDirLock lock;
    private final LedgerStore store;
    private final Ledger ledger;
    private final FigureBook figures;
    private final Recorder recorder;
    private final BulletinComposer bulletins;
    private final Clock clock;
    private final Path dataDir;

    private Truce(Path dataDir, DataDirLock lock, LedgerStore store, Ledger ledger, FigureBook figures, Clock clock) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.store = store;
        this.ledger = ledger;
        this.figures = figures;
        this.clock = clock;
        this.recorder = new Recorder(ledger, figures, clock);
        this.bulletins = new BulletinComposer(figures, ledger);
    }

    /** Locks the data directory (refusing if another process holds it), opens the store and replays it. */
    public static Truce open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Ledger.Progress.NONE);
    }

    /** @param progress told how far rebuilding the projections from the store has come */
    public static Truce open(Path dataDir, Clock clock, Ledger.Progress progress) {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            LedgerStore store = Stores.openSqlite(dataDir);
            NodeKey key = NodeKey.loadOrCreate(dataDir, DEFAULT_ORIGIN);
            FigureBook figures = new FigureBook();
            Ledger ledger = Ledger.open(store, key, DEFAULT_ORIGIN, clock, List.of(figures), progress);
            return new Truce(dataDir, lock, store, ledger, figures, clock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    public FigureBook figures() {
        return figures;
    }

    public Recorder recorder() {
        return recorder;
    }

    public BulletinComposer bulletins() {
        return bulletins;
    }

    public Clock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        ledger.close();
        store.close();
        lock.close();
    }
}

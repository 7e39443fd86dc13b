package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Rebuilds a ledger's in-memory state from its store when a node opens: a reading thread decodes
 * the entries and lets each listener prepare its part; the calling thread hashes them into the tree,
 * the record times and the client-id index, and folds them into the listeners, in seq order. The
 * split balances the two halves (measured: decoding and preparing take about as long as hashing and
 * folding), since replay is CPU-bound and the machine has two cores.
 * Single use; nothing else may touch the ledger while it runs.
 */
final class Replay {
    private static final int CHUNK = 1024;
    private static final List<Object[]> END = List.of();

    private final LedgerStore store;
    private final MerkleTree tree;
    private final RecordTimes times;
    private final ClientIds clientIds;
    private final List<Ledger.Listener> listeners;
    private final BlockingQueue<List<Object[]>> chunks = new ArrayBlockingQueue<>(16);
    private volatile RuntimeException failure;

    Replay(LedgerStore store, MerkleTree tree, RecordTimes times, ClientIds clientIds, List<Ledger.Listener> listeners) {
        this.store = store;
        this.tree = tree;
        this.times = times;
        this.clientIds = clientIds;
        this.listeners = listeners;
    }

    void run(Ledger.Progress progress) {
        long total = store.size();
        Thread reader = new Thread(this::read, "ledger-replay-reader");
        reader.start();
        long done = 0;
        try {
            for (List<Object[]> chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                for (Object[] item : chunk) {
                    Entry entry = (Entry) item[0];
                    tree.append(Hashes.leafHash((byte[]) item[1]));
                    times.add(entry.recordedAt().toEpochMilli());
                    clientIds.add(entry.clientId());
                    for (int i = 0; i < listeners.size(); i++) Ledger.notify(listeners.get(i), entry, item[2 + i]);
                }
                done += chunk.size();
                progress.at(done, total);
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while replaying the ledger", e);
        }
        if (failure != null) throw failure;
    }

    /** Each item: the entry, its stored bytes, then what each listener prepared from it. */
    private void read() {
        List<Object[]> chunk = new ArrayList<>(CHUNK);
        try {
            store.forEach(0, stored -> {
                Entry entry = EntryCodec.decode(stored.bytes());
                Object[] item = new Object[2 + listeners.size()];
                item[0] = entry;
                item[1] = stored.bytes();
                for (int i = 0; i < listeners.size(); i++) item[2 + i] = Ledger.prepareQuietly(listeners.get(i), entry);
                chunk.add(item);
                if (chunk.size() == CHUNK) {
                    put(new ArrayList<>(chunk));
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) put(chunk);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            put(END);
        }
    }

    private void put(List<Object[]> chunk) {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while replaying the ledger", e);
        }
    }
}

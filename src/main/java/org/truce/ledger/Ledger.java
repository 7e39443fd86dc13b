package org.truce.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only ledger: one writer thread turns drafts into entries, group-commits them durably
 * with one signed tree head per batch, then an applier thread hands them, in seq order, to the
 * listeners (the projections) before acknowledging them, so an acknowledged write is readable.
 *
 * <p>Lifecycle: {@link #open} replays the store into the Merkle tree and the listeners, then starts
 * the writer; {@link #close} drains and stops it. {@link #append} may be called from any thread; it
 * blocks until the request's entries are durable. Reads (size, heads, proofs) are thread-safe.
 *
 * <p>Idempotency is decided inside the single writer: a client id already in the ledger (or earlier in
 * the same batch) with the same type and payload is a retry and yields the original entry; with other
 * content the whole request is refused and nothing of it is written.
 *
 * <p>Several nodes on one {@linkplain LedgerStore#shared() shared} store: each batch is decided and
 * written under the store's append lock, after catching up (tree, record times, client ids,
 * listeners) with what other nodes appended, so seqs stay consecutive, a client id sent to two nodes
 * yields one entry, and {@code recordedAt} = max(previous entry's, this node's clock) never decreases.
 * A tailer thread, woken by the store or every {@link #TAIL_POLL}, has the writer catch up while this
 * node writes nothing. Every node must sign with the same key, so the heads they write agree.
 */
public final class Ledger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final int MAX_BATCH_DRAFTS = 20_000;
    private static final int CATCH_UP_PAGE = 1_000;

    /** Receives each entry once it is durable, in seq order, on one thread at a time (replay, then the applier). */
    public interface Listener {
        void applied(Entry entry);

        /**
         * Work on one entry that needs no state of the listener (decoding, say); on replay it runs on
         * the reading thread, ahead of {@link #applied(Entry, Object)}, so the two overlap.
         */
        default Object prepare(Entry entry) {
            return null;
        }

        default void applied(Entry entry, Object prepared) {
            applied(entry);
        }
    }

    private record Request(List<Draft> drafts, CompletableFuture<AppendResult> result) {}

    /** Asks the writer to catch up with other nodes' appends; at most one is queued at a time. */
    private static final Request TAIL = new Request(List.of(), new CompletableFuture<>());
    private final java.util.concurrent.atomic.AtomicBoolean tailQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private final StoreTailer tailer;

    private final LedgerStore store;
    private final MerkleTree tree = new MerkleTree();
    private final RecordTimes times = new RecordTimes();
    private final ClientIds clientIds = new ClientIds();
    private final HeadSigner key;
    private final String origin;
    private final Clock clock;
    private final List<Listener> listeners;
    private final BodyKeys bodyKeys = new BodyKeys();
    private final LedgerObserver observer;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    /**
     * Under load the writer waits up to this long after taking a batch's first request for the
     * clients just acknowledged to send their next ones (see {@link Gathering}): the most a batch's
     * requests wait for others, well under one fsync. Writer thread.
     */
    private static final long GATHER_WINDOW_NANOS = 800_000;
    private final Gathering gathering = new Gathering(GATHER_WINDOW_NANOS, System::nanoTime);
    /** A request taken from the queue but left for the next batch, which would have grown too large. Writer thread. */
    private Request held;
    private final Thread writer;
    /**
     * Hands durable batches to the listeners and then acknowledges them, in commit order, while the
     * writer already commits the next batch: projection work overlaps the disk's.
     */
    private final java.util.concurrent.ExecutorService applier = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-applier");
        t.setDaemon(true);
        return t;
    });
    private volatile String latestHead;
    /** Entries durable and folded into the listeners: what reads may see and name. */
    private volatile long visible;
    private volatile boolean closing;
    /** Set, for good, when another node's head differs from this node's: it then refuses every write. Writer thread. */
    private volatile String foreignHead;
    /**
     * Set when a write failed in a way that leaves unknown whether the store holds it; the next batch
     * then catches up with the store under its lock before deciding anything. Writer thread.
     */
    private boolean unsure;
    /** Whether the last batch was refused because the store's disk was below its reserve. Writer thread. */
    private boolean refusingForSpace;
    /** When the last batch failed, or null once a batch was written since. */
    private volatile Instant lastWriteFailure;

    /** Keys of the nodes whose heads this store holds from before an import; see {@link #open(LedgerStore, HeadSigner, String, Clock, List, Progress, List, LedgerObserver)}. */
    private final List<NoteVerifier> predecessors;
    /** The highest head this node signed, remembered outside the store; offered each head committed. */
    private final HighestHead highest;

    private Ledger(LedgerStore store, HeadSigner key, String origin, Clock clock, List<Listener> listeners,
                   List<NoteVerifier> predecessors, LedgerObserver observer, HighestHead highest) {
        this.predecessors = List.copyOf(predecessors);
        this.highest = highest;
        this.store = store;
        this.observer = observer;
        this.key = key;
        this.origin = origin;
        this.clock = clock;
        List<Listener> all = new ArrayList<>(listeners.size() + 1);
        all.add(bodyKeys); // first: a projection that reads the keys sees those of every entry before
        all.addAll(listeners);
        this.listeners = List.copyOf(all);
        this.writer = new Thread(this::writeLoop, "ledger-writer");
        this.writer.setDaemon(true);
        this.tailer = store.shared() ? new StoreTailer(store, times::size, this::askCatchUp) : null;
    }

    /** Told how far a replay has come: entries done of the total. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void at(long done, long total);
    }

    /** Replays every stored entry into the tree and the listeners, then starts the writer. */
    public static Ledger open(LedgerStore store, HeadSigner key, String origin, Clock clock, List<Listener> listeners) {
        return open(store, key, origin, clock, listeners, Progress.NONE);
    }

    public static Ledger open(LedgerStore store, HeadSigner key, String origin, Clock clock, List<Listener> listeners,
                              Progress progress) {
        return open(store, key, origin, clock, listeners, progress, List.of(), LedgerObserver.NONE);
    }

    /**
     * As {@link #open(LedgerStore, HeadSigner, String, Clock, List, Progress)}, for a store imported from
     * another node: its last kept head may be signed by one of {@code predecessors} (the exporting
     * node's verifier key) instead of this node's key. This node then serves its own signature over the
     * same tree and signs every later head with its own key.
     *
     * @param observer told of every durable batch (metrics); {@link LedgerObserver#NONE} for none
     */
    public static Ledger open(LedgerStore store, HeadSigner key, String origin, Clock clock, List<Listener> listeners,
                              Progress progress, List<NoteVerifier> predecessors, LedgerObserver observer) {
        return open(store, key, origin, clock, listeners, progress, predecessors, observer, HighestHead.NONE);
    }

    /**
     * As {@link #open(LedgerStore, HeadSigner, String, Clock, List, Progress, List, LedgerObserver)}, for a
     * node that remembers its highest signed head outside the store ({@link HighestHead#in} its data
     * directory): a store rolled back below that head, or whose entries below it differ, is refused with
     * a {@link StoreFailure}; the file follows the heads committed (see {@link HighestHead}) and is
     * written last at {@link #close}. Either way an unsigned tail (entries no kept head covers, never
     * acknowledged) is cut off and logged.
     */
    public static Ledger open(LedgerStore store, HeadSigner key, String origin, Clock clock, List<Listener> listeners,
                              Progress progress, List<NoteVerifier> predecessors, LedgerObserver observer,
                              HighestHead highest) {
        Ledger ledger = new Ledger(store, key, origin, clock, listeners, predecessors, observer, highest);
        ledger.replay(progress);
        ledger.writer.start();
        if (ledger.tailer != null) ledger.tailer.start();
        return ledger;
    }

    private void replay(Progress progress) {
        StoreAtOpen atOpen = new StoreAtOpen(store, key, origin, highest);
        List<LedgerStore.KeptHead> heads = atOpen.beforeReplay();
        new Replay(store, tree, times, clientIds, listeners).run(progress);
        visible = times.size();
        if (store.shared()) heads = store.heads(); // other nodes may have appended during the replay
        if (heads.isEmpty()) {
            if (tree.size() > 0) throw new StoreFailure("the store holds " + tree.size() + " entries but no signed head");
            latestHead = key.sign(new Checkpoint(origin, 0, tree.root(0)));
        } else {
            latestHead = new ReplayedHead(key, origin, predecessors).served(heads, store.shared(), tree);
        }
        atOpen.afterReplay(tree, latestHead);
    }

    /**
     * Appends one request atomically; blocks until durable. Every draft in the name of a body that has
     * a key is first sealed with that body's signature from the request ({@link BodyKeys#signing}) or
     * marked a transcription; otherwise the whole request is refused with {@link BodyKeys.Unsigned}
     * and nothing is appended, whichever path appends.
     */
    public AppendResult append(List<Draft> drafts) {
        if (drafts.isEmpty()) return new AppendResult.Accepted(List.of());
        var checked = bodyKeys.writes();
        checked.lock();
        try {
            return submit(bodyKeys.seal(drafts));
        } finally {
            checked.unlock();
        }
    }

    /**
     * The bodies' keys at every position: an entry in the name of a body with a key is appended only
     * with that body's signature ({@link BodyKeys.Unsigned} otherwise, nothing appended).
     */
    public BodyKeys bodyKeys() {
        return bodyKeys;
    }

    /**
     * Runs {@code checkAndAppend} — a check of a request against the projections, then its append —
     * alone among every such work on every node of the store, and on projections that hold every
     * entry the store held once the work had the lock: so a rule such as "only the current version
     * can be replaced" holds across nodes, not only within one. On a store of one node this is a
     * lock of this ledger's. The lock is the store's rules lock ({@link LedgerStore#lockRules()});
     * a {@link StoreFailure} when it or the catch-up fails, before {@code checkAndAppend} runs.
     */
    public <T> T exclusively(java.util.function.Supplier<T> checkAndAppend) {
        synchronized (rulesMonitor) {
            try (LedgerStore.RulesLock held = store.lockRules()) {
                if (store.shared()) submit(List.of()); // an empty request: its batch catches up under the append lock
                return checkAndAppend.get();
            }
        }
    }

    /** Held by the thread that holds (or waits for) the store's rules lock: one per node asks the store. */
    private final Object rulesMonitor = new Object();

    /**
     * Queues a request for the writer and waits for its answer, given once the listeners hold the
     * request's batch (and, for an empty request, whatever its batch caught up with).
     */
    private AppendResult submit(List<Draft> drafts) {
        var request = new Request(List.copyOf(drafts), new CompletableFuture<>());
        synchronized (queue) {
            if (closing) throw new IllegalStateException("the ledger is closed");
            queue.add(request);
        }
        try {
            return request.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting for the ledger", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new StoreFailure("append failed", e.getCause());
        }
    }

    private void writeLoop() {
        while (true) {
            Request first;
            try {
                first = held != null ? held : queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                failQueued(new IllegalStateException("the ledger is closed"));
                return;
            }
            held = null;
            if (first == null) {
                synchronized (queue) {
                    if (closing && queue.isEmpty()) return;
                }
                continue;
            }
            if (first == TAIL) {
                tailQueued.set(false);
                tailOnce();
                continue;
            }
            List<Request> batch = new ArrayList<>();
            batch.add(first);
            int drafts = first.drafts().size();
            gathering.started();
            while (drafts < MAX_BATCH_DRAFTS) {
                Request next = queue.poll();
                if (next == null) {
                    long wait = gathering.waitNanos(batch.size());
                    if (wait <= 0) break;
                    try {
                        next = queue.poll(wait, TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // commit what is taken; the next poll ends the writer
                        break;
                    }
                    if (next == null) break;
                }
                if (next == TAIL) {
                    // the commit catches up anyway
                    tailQueued.set(false);
                    continue;
                }
                if (drafts + next.drafts().size() > MAX_BATCH_DRAFTS) {
                    held = next; // the first of the next batch, so the order of requests is kept
                    break;
                }
                batch.add(next);
                drafts += next.drafts().size();
            }
            gathering.committed(batch.size());
            try {
                commit(batch);
            } catch (RuntimeException e) {
                // commit(batch) answers its own failures; this is a bug, not a store failure
                LOG.error("the ledger's writer failed on a batch of {} requests", batch.size(), e);
                fail(batch, e);
            }
        }
    }

    /** Fails every request of a batch with {@code cause}, in commit order (on the applier). */
    private void fail(List<Request> batch, RuntimeException cause) {
        lastWriteFailure = clock.instant();
        try {
            observer.batchFailed(batch.size());
        } catch (RuntimeException e) {
            LOG.warn("the ledger observer failed", e);
        }
        applier.execute(() -> batch.forEach(r -> r.result().completeExceptionally(cause)));
    }

    private void failQueued(RuntimeException cause) {
        List<Request> left = new ArrayList<>();
        if (held != null) left.add(held);
        held = null;
        synchronized (queue) {
            queue.drainTo(left);
        }
        left.forEach(r -> r.result().completeExceptionally(cause));
    }

    /**
     * Under the store's append lock: catches up with other nodes, decides every request of the batch,
     * writes the new entries in one transaction, then acknowledges.
     */
    private void commit(List<Request> batch) {
        if (belowReserve(batch)) return;
        LedgerStore.AppendSession session;
        try {
            session = store.beginAppend();
        } catch (StoreFailure e) {
            // no lock, nothing written: this batch fails, the writer goes on
            LOG.warn("could not take the store's append lock; nothing of a batch of {} requests was written", batch.size(), e);
            fail(batch, e);
            return;
        }
        try (session) {
            commit(batch, session);
        }
    }

    /**
     * Fails the batch, writing nothing, while the store's disk has less free than its reserve; logs when
     * that starts and ends rather than every refusal. Writer thread.
     */
    private boolean belowReserve(List<Request> batch) {
        Optional<LedgerStore.DiskSpace> low = store.diskSpace().filter(LedgerStore.DiskSpace::belowReserve);
        if (low.isEmpty()) {
            if (refusingForSpace) LOG.info("the disk of the ledger is above its reserve again; writes are taken");
            refusingForSpace = false;
            return false;
        }
        if (!refusingForSpace) LOG.warn("{}; readiness is false meanwhile", low.get().refusal());
        refusingForSpace = true;
        fail(batch, new StoreFailure(low.get().refusal()));
        return true;
    }

    private void commit(List<Request> batch, LedgerStore.AppendSession session) {
        long started = System.nanoTime();
        try {
            if (foreignHead != null) throw new StoreFailure(foreignHead);
            if (store.shared() || unsure) catchUp(session::read);
            long stored = session.size();
            if (stored != tree.size()) {
                throw new StoreFailure("the store holds " + stored + " entries but " + tree.size() + " were read");
            }
            unsure = false;
        } catch (RuntimeException e) {
            // nothing was written: this batch fails, the writer goes on
            LOG.warn("could not catch up with the store; nothing of a batch of {} requests was written", batch.size(), e);
            fail(batch, e);
            return;
        }
        long base = tree.size();
        Instant recordedAt = Instant.ofEpochMilli(Math.max(times.last(), clock.millis()));
        BatchDecision decision = new BatchDecision(base, recordedAt, this::stored);
        try {
            for (Request request : batch) decision.decide(request.drafts());
        } catch (RuntimeException e) {
            // nothing was written yet: this batch fails, the writer goes on
            LOG.warn("could not decide a batch of {} requests; nothing of it was written", batch.size(), e);
            fail(batch, e);
            return;
        }
        List<BatchDecision.Fresh> fresh = decision.fresh();
        String note;
        try {
            note = fresh.isEmpty() ? null : write(session, fresh);
        } catch (RuntimeException e) {
            // the commit may have landed and still failed (a connection lost after COMMIT was sent): the
            // batch is not acknowledged, and the next batch first reads back what the store holds
            unsure = true;
            LOG.warn("a batch of {} requests could not be written; none of it is acknowledged, and the next batch"
                    + " first catches up with what the store holds", batch.size(), e);
            fail(batch, e instanceof StoreFailure ? e : new StoreFailure("the batch could not be written: " + e.getMessage(), e));
            return;
        }
        long durable = times.size();
        lastWriteFailure = null;
        if (note != null) highest.offer(durable, note);
        observe(batch, fresh.size(), System.nanoTime() - started);
        applier.execute(() -> {
            for (BatchDecision.Fresh f : fresh) notifyListeners(f.entry());
            visible = durable;
            if (note != null) latestHead = note;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(decision.result(i, tree::leafHash));
            }
        });
    }

    private void observe(List<Request> batch, int created, long nanos) {
        int drafts = 0;
        for (Request r : batch) drafts += r.drafts().size();
        if (drafts == 0) return; // only the catch-ups of exclusive work: not an append
        try {
            observer.batchCommitted(batch.size(), drafts, created, nanos);
        } catch (RuntimeException e) {
            LOG.warn("the ledger observer failed; the batch stands", e);
        }
    }

    /** @return the signed head of the batch */
    private String write(LedgerStore.AppendSession session, List<BatchDecision.Fresh> fresh) {
        long before = tree.size();
        List<StoredEntry> rows = new ArrayList<>(fresh.size());
        List<byte[]> leaves = new ArrayList<>(fresh.size());
        for (BatchDecision.Fresh f : fresh) {
            Entry entry = f.entry();
            byte[] bytes = EntryCodec.frame(entry.seq(), entry.recordedAt(), entry.type(), entry.author(),
                    entry.clientId(), f.payloadBytes());
            rows.add(new StoredEntry(entry.seq(), entry.clientId(), bytes));
            leaves.add(Hashes.leafHash(bytes));
        }
        tree.appendAll(leaves);
        try {
            long size = tree.size();
            String note = key.sign(new Checkpoint(origin, size, tree.root(size)));
            session.append(rows, size, note);
            for (BatchDecision.Fresh f : fresh) {
                times.add(f.entry().recordedAt().toEpochMilli());
                clientIds.add(f.entry().clientId());
            }
            return note;
        } catch (RuntimeException e) {
            tree.truncate(before);
            throw e;
        }
    }

    /** Reads pages of stored entries; the append session's view or the store's. */
    @FunctionalInterface
    private interface Pages {
        List<StoredEntry> read(long fromSeq, int limit);
    }

    /**
     * Folds in, in seq order, the entries other nodes appended beyond this node's tree: the tree, the
     * record times and the client ids now, the listeners on the applier (after what it already holds).
     * Each page is decoded before anything changes, so a failure leaves the state at a page boundary.
     * Writer thread only.
     */
    private void catchUp(Pages pages) {
        while (true) {
            long from = tree.size();
            List<StoredEntry> page = pages.read(from, CATCH_UP_PAGE);
            if (page.isEmpty()) return;
            List<Entry> entries = new ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                if (page.get(i).seq() != from + i) {
                    throw new StoreFailure("the store returned seq " + page.get(i).seq() + " where " + (from + i) + " was expected");
                }
                entries.add(EntryCodec.decode(page.get(i).bytes()));
            }
            for (int i = 0; i < page.size(); i++) {
                tree.append(Hashes.leafHash(page.get(i).bytes()));
                times.add(entries.get(i).recordedAt().toEpochMilli());
                clientIds.add(entries.get(i).clientId());
            }
            long durable = tree.size();
            String note = signedOrNull(durable);
            if (note != null) highest.offer(durable, note);
            applier.execute(() -> {
                for (Entry entry : entries) notifyListeners(entry);
                visible = durable;
                if (note != null) latestHead = note;
            });
            if (page.size() < CATCH_UP_PAGE && note != null) requireSameHead(durable, note);
            if (page.size() < CATCH_UP_PAGE) return;
        }
    }

    /**
     * The signed note of the tree at {@code size}, or null when the signer holds none: a mirror's copy
     * repeats only the log's notes, which exist at the log's checkpoints, not at every page a catch-up
     * reads (a node's own key signs every size). The head served then stays the last one signed.
     */
    private String signedOrNull(long size) {
        try {
            return key.sign(checkpointAt(size));
        } catch (HeadSigner.Unsigned e) {
            return null;
        }
    }

    /**
     * A catch-up ends where a commit of another node ended, at a kept head; Ed25519 is deterministic,
     * so that head is the note this node signs for the same tree unless the nodes hold different keys
     * (or the entries differ from what was signed).
     */
    private void requireSameHead(long size, String note) {
        store.head(size).ifPresent(kept -> {
            if (!kept.signedNote().equals(note)) {
                foreignHead = "the head of size " + size + " written by another node is not the one this node signs"
                        + " for the same entries: every node of one database must hold the same node key (copy node-key.pk8"
                        + " and node-key.pub from the first node's data directory)";
                throw new StoreFailure("the head of size " + size + " written by another node is not the one this node signs"
                        + " for the same entries: every node of one database must hold the same node key (copy node-key.pk8"
                        + " and node-key.pub from the first node's data directory)");
            }
        });
    }

    /** Queues a catch-up for the writer, unless one is queued already (the tailer's call). */
    private void askCatchUp() {
        if (!closing && tailQueued.compareAndSet(false, true)) queue.add(TAIL);
    }

    /** A catch-up asked for by the tailer, outside the append lock: committed entries only. */
    private void tailOnce() {
        try {
            catchUp(store::read);
        } catch (RuntimeException e) {
            LOG.warn("could not catch up with the store; the tailer will try again", e);
        }
    }

    /**
     * The entry with this client id, if the store holds one (a committed entry of any node, applied
     * here or not yet). Asks the store, which readers may do concurrently with the writer.
     */
    public Optional<Entry> entry(String clientId) {
        return store.findByClientId(clientId).map(e -> EntryCodec.decode(e.bytes()));
    }

    /** The stored entry of a client id; the store is asked only when the client id filter says it may hold it. */
    private Optional<Entry> stored(String clientId) {
        if (!clientIds.mightContain(clientId)) return Optional.empty();
        return store.findByClientId(clientId).map(e -> EntryCodec.decode(e.bytes()));
    }

    private void notifyListeners(Entry entry) {
        for (Listener listener : listeners) notify(listener, entry, prepareQuietly(listener, entry));
    }

    static Object prepareQuietly(Listener listener, Entry entry) {
        try {
            return listener.prepare(entry);
        } catch (RuntimeException e) {
            return e;
        }
    }

    static void notify(Listener listener, Entry entry, Object prepared) {
        try {
            if (prepared instanceof RuntimeException e) throw e;
            listener.applied(entry, prepared);
        } catch (RuntimeException e) {
            LOG.error("listener {} failed on entry {}", listener.getClass().getSimpleName(), entry.seq(), e);
        }
    }

    /** Number of entries that are durable and applied to the projections (and so acknowledged). */
    public long size() {
        return visible;
    }

    /**
     * Entries in the store, which may run ahead of {@link #size} while a batch is being applied (or,
     * when several nodes share a store, while this node catches up); the difference is the projection lag.
     */
    public long storeSize() {
        return store.size();
    }

    /**
     * Why this node refuses every write for good (another node's head is not the one it signs: the
     * nodes hold different keys); empty while it takes writes. A store that cannot be reached is not
     * such a reason: the writer fails the batches meanwhile and goes on once the store answers.
     */
    public Optional<String> stoppedReason() {
        return Optional.ofNullable(foreignHead);
    }

    /**
     * When the last batch failed (the store could not be reached, locked or written; none of it was
     * acknowledged), if no batch has been written since.
     */
    public Optional<Instant> lastWriteFailure() {
        return Optional.ofNullable(lastWriteFailure);
    }

    /**
     * The free space of the store's disk and its reserve, when this node watches that disk (SQLite);
     * below the reserve every write fails until space is freed, and then works again without a restart.
     */
    public Optional<LedgerStore.DiskSpace> diskSpace() {
        return store.diskSpace();
    }

    /** The number of entries recorded at or before {@code knownAt} (of those visible). */
    public long sizeAt(Instant knownAt) {
        return Math.min(times.sizeAt(knownAt), visible);
    }

    public Instant recordedAt(long seq) {
        return times.at(seq);
    }

    /** The signed note of the latest kept head. */
    public String latestSignedHead() {
        return latestHead;
    }

    /** A checkpoint of the tree at {@code size} (≤ the durable size), signed by this node. */
    public String signedHeadAt(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("size " + size + " is beyond the ledger's " + size() + " entries");
        }
        return key.sign(checkpointAt(size));
    }

    public Checkpoint checkpointAt(long size) {
        return new Checkpoint(origin, size, tree.root(size));
    }

    public List<byte[]> inclusionProof(long seq, long size) {
        checkDurable(size);
        return tree.inclusionProof(seq, size);
    }

    public List<byte[]> consistencyProof(long first, long second) {
        checkDurable(second);
        return tree.consistencyProof(first, second);
    }

    public byte[] leafHash(long seq) {
        if (seq < 0 || seq >= size()) throw new IllegalArgumentException("seq " + seq + " is not in the ledger");
        return tree.leafHash(seq);
    }

    private void checkDurable(long size) {
        if (size > size()) {
            throw new IllegalArgumentException("size " + size + " is beyond the ledger's " + size() + " entries");
        }
    }

    public List<StoredEntry> read(long fromSeq, int limit) {
        return store.read(fromSeq, limit);
    }

    public String origin() {
        return origin;
    }

    public String verifierKey() {
        return key.verifierKey();
    }

    @Override
    public void close() {
        synchronized (queue) {
            closing = true;
        }
        try {
            if (tailer != null) tailer.close();
            writer.join(30_000);
            applier.shutdown();
            applier.awaitTermination(10, TimeUnit.SECONDS);
            highest.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.truce.mirror;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.BodySignatures;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.DurableFile;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Hashes;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.MerkleTree;
import org.truce.ledger.StoredEntry;
import org.truce.store.DataDirLock;
import org.truce.store.Stores;

/**
 * Follows one log: each {@link #round} takes the log's signed checkpoint under the
 * {@link CheckpointPolicy}, checks it against the last one accepted ({@link Consistency}), fetches the
 * new entries, checks that they hash to the signed root and that the log's consistency proof verifies,
 * and only then adds them to the copy (a SQLite ledger in {@code DIR/copy}, each checkpoint's entries
 * stored with the log's signed note; the copy's read API folds them in as they land) and keeps the checkpoint ({@code DIR/checkpoint.note}, replaced
 * atomically). It then re-reads the entries the log serves against the copy, and recomputes every
 * publication from the copy through the {@link Replica} (the node's own read API on the copy) in every
 * language and format, comparing bytes ({@link Reproduction}). Whatever is wrong is an {@link Alarm}, logged at ERROR once and
 * kept; a mirror with alarms stays alarmed until restarted, and never accepts a checkpoint that failed.
 *
 * <p>Lifecycle: {@link #open} (locks {@code DIR}, rebuilds the copy's tree and checks it against the
 * kept checkpoint), rounds from one thread, {@link #close}. {@link #alarms} may be read from any thread.
 */
public final class Mirror implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mirror.class);
    public static final String COPY = "copy";
    public static final String CHECKPOINT = "checkpoint.note";
    /** Formats compared, JSON first: it carries the log's signed note that the copy's renderings repeat. */
    public static final List<String> FORMATS = List.of("json", "text", "html", "pdf");

    /** The copy served by the node's own read API, which follows what the mirror adds to the copy. */
    public interface Replica {
        /** Opens the copy (replaying it) and serves it; the address of its read API. */
        URI open();

        /** Returns once the read API serves the copy's first {@code size} entries (it folds them in as they are added). */
        void caughtUp(long size);

        void close();
    }

    private final LogClient log;
    private final CheckpointPolicy policy;
    private final Path dir;
    private final DataDirLock lock;
    private final FollowedStore copy;
    private final LogNotes notes;
    private final MerkleTree tree = new MerkleTree();
    private final Set<String> alarmed = ConcurrentHashMap.newKeySet();
    private final List<Alarm> alarms = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Reproduction reproduction;
    private final long auditBudget;
    private volatile Checkpoint accepted;
    /** The accepted checkpoint's note with the cosignatures checked ({@link CheckpointPolicy.Accepted#cosignedNote}). */
    private volatile String cosigned;
    /** The address of the copy's read API while the replica is open, else null. Round thread. */
    private URI served;
    private long auditFrom;

    private Mirror(LogClient log, CheckpointPolicy policy, Path dir, DataDirLock lock, FollowedStore copy, List<String> languages,
                   List<String> formats, long auditBudget) {
        this.copy = copy;
        this.log = log;
        this.policy = policy;
        this.dir = dir;
        this.lock = lock;
        this.auditBudget = auditBudget;
        this.notes = new LogNotes(policy.log(), dir.resolve("log-notes"));
        this.reproduction = new Reproduction(log, policy.log(), notes, tree, languages, formats, this::raise);
    }

    /**
     * @param auditBudget how many entries each round re-reads from the log (from where the last round
     *                    stopped, wrapping around); {@code Long.MAX_VALUE} for all
     * @throws IllegalStateException if the copy in {@code dir} does not match the checkpoint it kept
     */
    public static Mirror open(LogClient log, CheckpointPolicy policy, Path dir, List<String> languages, List<String> formats,
                              long auditBudget) {
        DataDirLock lock = DataDirLock.acquire(dir);
        FollowedStore copy = null;
        try {
            copy = new FollowedStore(Stores.openSqlite(dir.resolve(COPY)));
            Mirror m = new Mirror(log, policy, dir, lock, copy, languages, formats, auditBudget);
            m.load();
            return m;
        } catch (RuntimeException e) {
            if (copy != null) copy.closeStore();
            lock.close();
            throw e;
        }
    }

    private void load() {
        Optional<CheckpointPolicy.Accepted> kept = DurableFile.read(dir.resolve(CHECKPOINT)).map(policy::witnessed);
        accepted = kept.map(CheckpointPolicy.Accepted::checkpoint).orElse(null);
        cosigned = kept.map(CheckpointPolicy.Accepted::cosignedNote).orElse(null);
        copy.forEach(0, e -> tree.append(Hashes.leafHash(e.bytes())));
        long expected = accepted == null ? 0 : accepted.size();
        if (tree.size() != expected || (expected > 0 && !Arrays.equals(tree.root(expected), accepted.rootHash()))) {
            throw new IllegalStateException("the copy in " + dir.resolve(COPY) + " holds " + tree.size()
                    + " entries that do not match the checkpoint of size " + expected + " kept in " + dir.resolve(CHECKPOINT)
                    + ": it was changed behind the mirror's back; move both aside to copy the log again");
        }
    }

    /** Which checkpoints this mirror accepts: the log's key, the known witnesses and the quorum. */
    public CheckpointPolicy policy() {
        return policy;
    }

    /** The log's notes the copy is signed with: the copy's {@link org.truce.ledger.HeadSigner}. */
    public LogNotes notes() {
        return notes;
    }

    /** Where the copy lives: a node's data directory, for {@link org.truce.app.Truce#openMirror}. */
    public Path copyDir() {
        return dir.resolve(COPY);
    }

    /**
     * The copy's store, to open the copy's ledger on: shared with this mirror, which appends to it, so the
     * ledger follows (its close leaves the store to the mirror's).
     */
    public LedgerStore copyStore() {
        return copy;
    }

    /** The last accepted checkpoint, if any. */
    public Optional<Checkpoint> accepted() {
        return Optional.ofNullable(accepted);
    }

    /**
     * The last accepted checkpoint as a C2SP signed note: the log's signature line, then the cosignature
     * lines of the known witnesses that verified (what {@code GET /api/v1/ledger/checkpoint} serves on a
     * mirror, so that a reader checks k of n there too); empty before any was accepted.
     */
    public Optional<String> cosignedCheckpoint() {
        return Optional.ofNullable(cosigned);
    }

    /** Everything found wrong so far, oldest first. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** Outputs (a publication in one language and format) compared with the log's, identical or not. */
    public long outputsCompared() {
        return reproduction.outputsCompared();
    }

    /** Publications whose every output was identical. */
    public int publicationsVerified() {
        return reproduction.publicationsVerified();
    }

    /**
     * One round: checkpoint, new entries, the log's entries again, the publications.
     *
     * @param replica the copy's read API: opened first when the copy holds entries (so it is served
     *                whether or not the log answers), and left open; it follows what the round adds
     * @throws java.io.UncheckedIOException if the log cannot be reached (no alarm: a log that is down is
     *                                      not a log that lies; the next round tries again)
     */
    public void round(Replica replica) {
        // the copy is served before the log is asked: a mirror serves readers while the log is down
        if (served == null && tree.size() > 0) served = replica.open();
        String note = log.checkpoint();
        CheckpointPolicy.Accepted offered = null;
        try {
            offered = policy.check(note);
        } catch (IllegalArgumentException e) {
            raise(new Alarm(Alarm.Kind.BAD_SIGNATURE, "the checkpoint served by " + log.base(), e.getMessage()), note);
            signedByLog(note).flatMap(this::inconsistent).ifPresent(a -> raise(a, note));
        }
        if (offered != null) {
            List<StoredEntry> fresh = take(offered, note);
            if (!fresh.isEmpty()) {
                commit(fresh, offered, note);
                if (served != null) replica.caughtUp(tree.size());
                bodySignatures();
            }
        }
        if (served == null && tree.size() > 0) served = replica.open();
        audit();
        if (served != null) reproduction.run(served);
    }

    /**
     * The checkpoint of a note the log signed, whatever its cosignatures: one refused for want of the
     * quorum (witnesses refuse what is inconsistent with what they cosigned) is still the log's word.
     */
    private Optional<Checkpoint> signedByLog(String note) {
        try {
            return Optional.of(policy.log().verify(note));
        } catch (IllegalArgumentException notTheLogs) {
            return Optional.empty();
        }
    }

    /**
     * A rollback or fork that a checkpoint signed by the log but not accepted shows against the accepted
     * one: its size and root, else the log's own consistency proof to it. Nothing is fetched or kept.
     */
    private Optional<Alarm> inconsistent(Checkpoint cp) {
        Optional<Alarm> bad = Consistency.againstAccepted(accepted, cp, tree);
        if (bad.isEmpty() && accepted != null && cp.size() > accepted.size()) {
            bad = Consistency.proof(accepted, cp, tree, log.consistency(accepted.size(), cp.size()));
        }
        return bad;
    }

    /** The new entries of {@code offered}, checked; empty when there are none or when an alarm was raised. */
    private List<StoredEntry> take(CheckpointPolicy.Accepted offered, String note) {
        Checkpoint cp = offered.checkpoint();
        Optional<Alarm> bad = Consistency.againstAccepted(accepted, cp, tree);
        if (bad.isPresent()) {
            raise(bad.get(), note);
            return List.of();
        }
        long from = tree.size();
        if (cp.size() <= from) return List.of();
        List<StoredEntry> fresh = new ArrayList<>();
        boolean ok = false;
        try {
            while (tree.size() < cp.size()) {
                List<StoredEntry> page = log.entries(tree.size(), (int) Math.min(LogClient.PAGE, cp.size() - tree.size()));
                if (page.isEmpty()) break;
                for (StoredEntry e : page) {
                    StoredEntry checked = wellFormed(e, tree.size());
                    if (checked == null) return List.of();
                    fresh.add(checked);
                    tree.append(Hashes.leafHash(checked.bytes()));
                }
            }
            bad = Consistency.rootOfCopy(cp, tree);
            if (bad.isEmpty() && accepted != null) bad = Consistency.proof(accepted, cp, tree, log.consistency(accepted.size(), cp.size()));
            if (bad.isPresent()) {
                raise(bad.get(), note);
                return List.of();
            }
            ok = true;
            return fresh;
        } finally {
            if (!ok) tree.truncate(from); // the copy's tree holds only what a checkpoint accepted
        }
    }

    /** The entry as stored, or null (and an alarm) when its bytes are not a ledger entry at {@code seq}. */
    private StoredEntry wellFormed(StoredEntry e, long seq) {
        try {
            Entry entry = EntryCodec.decode(e.bytes());
            if (e.seq() == seq && entry.seq() == seq && Arrays.equals(EntryCodec.encode(entry), e.bytes())) {
                return new StoredEntry(seq, entry.clientId(), e.bytes());
            }
        } catch (IllegalArgumentException notAnEntry) {
            // named below
        }
        raise(new Alarm(Alarm.Kind.BAD_ENTRY, "seq " + seq, "the log serves at seq " + e.seq()
                + " bytes that are not the canonical ledger entry of that position"), null);
        return null;
    }

    private void commit(List<StoredEntry> fresh, CheckpointPolicy.Accepted offered, String note) {
        notes.add(offered.logNote()); // first: the copy's ledger repeats it as it folds the entries in
        try {
            copy.append(fresh, offered.checkpoint().size(), offered.logNote());
        } catch (RuntimeException e) {
            tree.truncate(fresh.get(0).seq()); // nothing of it was stored (an append is atomic)
            throw e;
        }
        DurableFile.write(dir.resolve(CHECKPOINT), note);
        cosigned = offered.cosignedNote();
        accepted = offered.checkpoint();
        LOG.info("accepted the log's checkpoint of size {} (root {}), cosigned by {}; the copy holds {} entries",
                accepted.size(), Hashes.hex(accepted.rootHash()), offered.cosigners(), tree.size());
    }

    /**
     * Every entry of the copy in a body's name carries that body's signature, once the body registered
     * a key (what {@code truce verify} checks): the log's operator signs the checkpoints, so it could
     * plant an entry that every root and proof accepts, but it holds no body's key.
     */
    private void bodySignatures() {
        for (BodySignatures.Failure f : BodySignatures.check(copy)) {
            raise(new Alarm(Alarm.Kind.BODY_SIGNATURE, "seq " + f.seq() + " (client id " + f.clientId() + ")", f.reason()), null);
        }
    }

    /** Re-reads up to the audit budget of entries from the log and compares them with the copy's leaves. */
    private void audit() {
        long size = tree.size();
        if (size == 0) return;
        long end = Math.min(size, auditFrom + auditBudget < 0 ? Long.MAX_VALUE : auditFrom + auditBudget);
        long seq = auditFrom;
        while (seq < end) {
            List<StoredEntry> page = log.entries(seq, (int) Math.min(LogClient.PAGE, end - seq));
            if (page.isEmpty()) {
                raise(new Alarm(Alarm.Kind.ENTRY_MISSING, "seq " + seq + " to " + (size - 1), "the log no longer serves entries"
                        + " that its checkpoint of size " + size + " covered (it answers none from seq " + seq + ")"), null);
                break;
            }
            for (StoredEntry e : page) {
                if (e.seq() != seq) {
                    raise(new Alarm(Alarm.Kind.BAD_ENTRY, "seq " + seq, "the log answers seq " + e.seq() + " where " + seq + " was asked"), null);
                    break;
                }
                byte[] leaf = Hashes.leafHash(e.bytes());
                if (!Arrays.equals(leaf, tree.leafHash(seq))) {
                    raise(new Alarm(Alarm.Kind.ENTRY_CHANGED, "seq " + seq + describe(e.bytes()), "the log now serves bytes with leaf hash "
                            + Hashes.hex(leaf) + "; the copy holds leaf " + Hashes.hex(tree.leafHash(seq))
                            + ", covered by the log's signed checkpoint of size " + accepted.size()), null);
                }
                seq++;
            }
        }
        auditFrom = end >= size ? 0 : end;
    }

    private static String describe(byte[] bytes) {
        try {
            Entry e = EntryCodec.decode(bytes);
            return " (" + e.type() + ", client id " + e.clientId() + ")";
        } catch (IllegalArgumentException notAnEntry) {
            return "";
        }
    }

    /** Keeps and logs an alarm once; a note involved is kept as evidence beside the accepted one. */
    private void raise(Alarm alarm, String note) {
        if (!alarmed.add(alarm.line())) return;
        alarms.add(alarm);
        LOG.error("mirror alarm: {} (log {})", alarm.line(), log.base());
        if (note != null) {
            String accepted = DurableFile.read(dir.resolve(CHECKPOINT)).orElse("(none accepted)\n");
            DurableFile.write(dir.resolve("evidence").resolve(alarms.size() + "-" + alarm.kind().name().toLowerCase() + ".txt"),
                    alarm.line() + "\n\nThe checkpoint the mirror accepted last:\n" + accepted + "\nWhat the log served:\n" + note);
        }
    }

    /** Closes the copy's store and unlocks the directory; close the replica first. */
    @Override
    public void close() {
        copy.closeStore();
        lock.close();
    }
}

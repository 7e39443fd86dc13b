package org.truce.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.Checkpoint;
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
 * stored with the log's signed note) and keeps the checkpoint ({@code DIR/checkpoint.note}, replaced
 * atomically). It then re-reads the entries the log serves against the copy, and recomputes every
 * publication from the copy through the {@link Replica} (the node's own read API on the copy) in every
 * language and format, comparing bytes. Whatever is wrong is an {@link Alarm}, logged at ERROR once and
 * kept; a mirror with alarms stays alarmed until restarted, and never accepts a checkpoint that failed.
 *
 * <p>Lifecycle: {@link #open} (locks {@code DIR}, rebuilds the copy's tree and checks it against the
 * kept checkpoint), rounds from one thread, {@link #close}. {@link #alarms} may be read from any thread.
 */
public final class Mirror implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mirror.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String COPY = "copy";
    public static final String CHECKPOINT = "checkpoint.note";
    /** Formats compared, JSON first: it carries the log's signed note that the copy's renderings repeat. */
    public static final List<String> FORMATS = List.of("json", "text", "html", "pdf");

    /** The copy served by the node's own read API, closed while the copy takes new entries. */
    public interface Replica {
        /** Opens the copy (replaying it) and serves it; the address of its read API. */
        URI open();

        void close();
    }

    private final LogClient log;
    private final CheckpointPolicy policy;
    private final Path dir;
    private final DataDirLock lock;
    private final LogNotes notes;
    private final List<String> languages;
    private final List<String> formats;
    private final MerkleTree tree = new MerkleTree();
    private final Set<String> alarmed = ConcurrentHashMap.newKeySet();
    private final List<Alarm> alarms = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<Long> compared = new LinkedHashSet<>();
    private final AtomicLong outputsCompared = new AtomicLong();
    private final long auditBudget;
    private volatile Checkpoint accepted;
    private long auditFrom;

    private Mirror(LogClient log, CheckpointPolicy policy, Path dir, DataDirLock lock, List<String> languages, List<String> formats,
                   long auditBudget) {
        this.log = log;
        this.policy = policy;
        this.dir = dir;
        this.lock = lock;
        this.languages = List.copyOf(languages);
        this.formats = List.copyOf(formats);
        this.auditBudget = auditBudget;
        this.notes = new LogNotes(policy.log(), dir.resolve("log-notes"));
    }

    /**
     * @param auditBudget how many entries each round re-reads from the log (from where the last round
     *                    stopped, wrapping around); {@code Long.MAX_VALUE} for all
     * @throws IllegalStateException if the copy in {@code dir} does not match the checkpoint it kept
     */
    public static Mirror open(LogClient log, CheckpointPolicy policy, Path dir, List<String> languages, List<String> formats,
                              long auditBudget) {
        DataDirLock lock = DataDirLock.acquire(dir);
        try {
            Mirror m = new Mirror(log, policy, dir, lock, languages, formats, auditBudget);
            m.load();
            return m;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void load() {
        accepted = DurableFile.read(dir.resolve(CHECKPOINT)).map(policy.log()::verify).orElse(null);
        try (LedgerStore copy = Stores.openSqlite(dir.resolve(COPY))) {
            copy.forEach(0, e -> tree.append(Hashes.leafHash(e.bytes())));
        }
        long expected = accepted == null ? 0 : accepted.size();
        if (tree.size() != expected || (expected > 0 && !Arrays.equals(tree.root(expected), accepted.rootHash()))) {
            throw new IllegalStateException("the copy in " + dir.resolve(COPY) + " holds " + tree.size()
                    + " entries that do not match the checkpoint of size " + expected + " kept in " + dir.resolve(CHECKPOINT)
                    + ": it was changed behind the mirror's back; move both aside to copy the log again");
        }
    }

    /** The log's notes the copy is signed with: the copy's {@link org.truce.ledger.HeadSigner}. */
    public LogNotes notes() {
        return notes;
    }

    /** Where the copy lives: a node's data directory, for {@link org.truce.app.Truce#openMirror}. */
    public Path copyDir() {
        return dir.resolve(COPY);
    }

    /** The last accepted checkpoint, if any. */
    public Optional<Checkpoint> accepted() {
        return Optional.ofNullable(accepted);
    }

    /** Everything found wrong so far, oldest first. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** Outputs (a publication in one language and format) compared with the log's, identical or not. */
    public long outputsCompared() {
        return outputsCompared.get();
    }

    /** Publications whose every output was identical. */
    public int publicationsVerified() {
        return compared.size();
    }

    /**
     * One round: checkpoint, new entries, the log's entries again, the publications.
     *
     * @param replica the copy's read API: opened first when the copy holds entries (so it is served
     *                whether or not the log answers), closed while the copy takes new entries, then
     *                opened again, and left open
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
        }
        if (offered != null) {
            List<StoredEntry> fresh = take(offered, note);
            if (!fresh.isEmpty()) {
                if (served != null) replica.close();
                served = null;
                commit(fresh, offered, note);
            }
        }
        if (served == null && tree.size() > 0) served = replica.open();
        audit();
        if (served != null) recompute(served);
    }

    /** The address of the copy's read API while the replica is open, else null. Round thread. */
    private URI served;

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
        try (LedgerStore copy = Stores.openSqlite(copyDir())) {
            copy.append(fresh, offered.checkpoint().size(), offered.logNote());
        } catch (RuntimeException e) {
            tree.truncate(fresh.get(0).seq()); // nothing of it was stored (an append is atomic)
            throw e;
        }
        notes.add(offered.logNote());
        DurableFile.write(dir.resolve(CHECKPOINT), note);
        accepted = offered.checkpoint();
        LOG.info("accepted the log's checkpoint of size {} (root {}), cosigned by {}; the copy holds {} entries",
                accepted.size(), Hashes.hex(accepted.rootHash()), offered.cosigners(), tree.size());
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

    /** Every publication in the copy not yet verified: the log's bytes against the copy's, per language and format. */
    private void recompute(URI replica) {
        LogClient own = new LogClient(replica.toString());
        // in ledger order: a republication lists the changes since the earlier one, whose signed note it needs
        List<LogClient.Listed> all = new ArrayList<>(log.publications());
        all.sort(java.util.Comparator.comparingLong(LogClient.Listed::seq));
        for (LogClient.Listed p : all) {
            if (p.seq() >= tree.size() || compared.contains(p.seq())) continue;
            boolean same = true;
            for (String lang : languages) {
                for (String format : formats) {
                    same &= compare(own, p, lang, format);
                }
            }
            if (same) compared.add(p.seq());
        }
    }

    private boolean compare(LogClient own, LogClient.Listed p, String lang, String format) {
        String path = LogClient.bulletinPath(p.date(), p.size(), lang, format);
        LogClient.Answer theirs = log.get(path);
        if (theirs.status() != 200) {
            raise(new Alarm(Alarm.Kind.BULLETIN_MISSING, path, "the log lists the publication at seq " + p.seq()
                    + " but answers " + theirs.status()), null);
            return false;
        }
        if (format.equals("json") && !takeNote(theirs.body(), p, path)) return false;
        LogClient.Answer ours = own.get(path);
        outputsCompared.incrementAndGet();
        if (ours.status() != 200) {
            raise(new Alarm(Alarm.Kind.BULLETIN_DIFFERS, path, "the copy cannot render it (" + ours.status() + ": "
                    + new String(ours.body(), 0, Math.min(200, ours.body().length), java.nio.charset.StandardCharsets.UTF_8) + ")"), null);
            return false;
        }
        Optional<String> difference = Comparison.difference(theirs.body(), ours.body());
        difference.ifPresent(d -> raise(new Alarm(Alarm.Kind.BULLETIN_DIFFERS, path, d), null));
        return difference.isEmpty();
    }

    /**
     * Keeps the log's signed note of the publication's checkpoint, which the copy's renderings repeat,
     * once the log's key verifies it and it names the copy's own root at that size.
     */
    private boolean takeNote(byte[] json, LogClient.Listed p, String path) {
        String note;
        try {
            note = JSON.readTree(json).path("checkpoint").path("signedNote").asText("");
        } catch (IOException e) {
            raise(new Alarm(Alarm.Kind.BULLETIN_DIFFERS, path, "the log's JSON does not parse: " + e.getMessage()), null);
            return false;
        }
        Checkpoint cp;
        try {
            cp = notes.add(note);
        } catch (IllegalArgumentException e) {
            raise(new Alarm(Alarm.Kind.BAD_SIGNATURE, path, "the checkpoint the bulletin names: " + e.getMessage()), note);
            return false;
        }
        if (cp.size() != p.size() || !Arrays.equals(cp.rootHash(), tree.root(cp.size()))) {
            raise(new Alarm(Alarm.Kind.FORK, path, "the bulletin names a checkpoint of size " + cp.size() + " with root "
                    + Hashes.hex(cp.rootHash()) + " signed by the log; the copy's root at that size is "
                    + Hashes.hex(tree.root(Math.min(cp.size(), tree.size())))), note);
            return false;
        }
        return true;
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

    @Override
    public void close() {
        lock.close();
    }
}

package org.truce.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Checks a store from scratch, trusting nothing the node computed: every entry's position, canonical
 * form and record-time order; every leaf and root recomputed; every kept head's signature checked
 * with the given key and its root compared with the recomputed tree. Names the first bad seq.
 * On a shared store that other nodes append to meanwhile, it checks the prefix it read (see
 * {@link #verify(LedgerStore, List, LongConsumer)}).
 */
public final class LedgerVerifier {
    /** The verdict: ok, or the first bad seq (or -1 when no single entry is to blame) and why. */
    public record Verdict(boolean ok, long entries, int heads, long firstBadSeq, String reason) {
        static Verdict bad(long entries, int heads, long seq, String reason) {
            return new Verdict(false, entries, heads, seq, reason);
        }
    }

    /**
     * A checkpoint kept outside the store (C2SP signed note text, as the node serves it): a reader's, or
     * the node's own {@link HighestHead}. The store must still hold its tree: at least its size, and a
     * consistency proof (RFC 9162 §2.1.4) from it to the store's tree. {@code label} names it in messages.
     */
    public record Pin(String label, String signedNote) {}

    private LedgerVerifier() {}

    public static Verdict verify(LedgerStore store, NoteVerifier key, LongConsumer progress) {
        return verify(store, List.of(key), progress);
    }

    /**
     * As {@link #verify(LedgerStore, NoteVerifier, LongConsumer)}, where each kept head may be signed by
     * any of {@code keys} (a node's own key and, after an import, the exporting node's). On a
     * {@linkplain LedgerStore#shared() shared} store the entries are those of one read (one snapshot on
     * PostgreSQL); heads that other nodes appended after it are left to the next run.
     */
    public static Verdict verify(LedgerStore store, List<NoteVerifier> keys, LongConsumer progress) {
        return verify(store, keys, List.of(), progress);
    }

    /**
     * As {@link #verify(LedgerStore, List, LongConsumer)}, and then each pinned checkpoint must verify
     * with one of {@code keys} and be a prefix of the store's tree: a store rolled back below a pin fails
     * at the first missing seq; one whose tree is not consistent with it fails with no seq (-1) to blame.
     */
    public static Verdict verify(LedgerStore store, List<NoteVerifier> keys, List<Pin> pins, LongConsumer progress) {
        MerkleTree tree = new MerkleTree();
        long[] expected = {0};
        long[] lastMillis = {Long.MIN_VALUE};
        long[] disorder = {-1};
        Verdict[] failure = {null};
        store.forEach(0, row -> {
            if (failure[0] != null) return;
            long seq = expected[0];
            Checked checked = checkEntry(row, seq);
            failure[0] = checked.failure();
            if (failure[0] != null) return;
            long millis = checked.entry().recordedAt().toEpochMilli();
            if (millis < lastMillis[0] && disorder[0] < 0) disorder[0] = seq;
            lastMillis[0] = millis;
            tree.append(Hashes.leafHash(row.bytes()));
            expected[0]++;
            progress.accept(expected[0]);
        });
        long n = expected[0];
        if (failure[0] != null) return Verdict.bad(n, 0, failure[0].firstBadSeq(), failure[0].reason());
        Verdict heads = checkHeads(store, keys, tree, n);
        // a record time out of order may come from an edit of the entry before it: a batch the heads
        // reject that starts no later is the better answer to "where is the first bad seq"
        if (disorder[0] >= 0 && (heads.ok() || heads.firstBadSeq() > disorder[0])) {
            return Verdict.bad(n, heads.heads(), disorder[0], "seq " + disorder[0] + " was recorded before its predecessor");
        }
        if (!heads.ok()) return heads;
        for (Pin pin : pins) {
            Verdict pinned = checkPin(pin, keys, tree, n, heads.heads());
            if (!pinned.ok()) return pinned;
        }
        return heads;
    }

    private static Verdict checkPin(Pin pin, List<NoteVerifier> keys, MerkleTree tree, long n, int heads) {
        Checkpoint cp;
        try {
            cp = verifyWithAny(keys, pin.signedNote());
        } catch (IllegalArgumentException e) {
            return Verdict.bad(n, heads, -1, pin.label() + " does not verify: " + e.getMessage());
        }
        if (cp.size() > n) {
            String missing = cp.size() - n == 1 ? "entry " + n + " is missing" : "entries " + n + " to " + (cp.size() - 1) + " are missing";
            return Verdict.bad(n, heads, n, "the store holds " + n + " entries, fewer than the " + cp.size() + " of "
                    + pin.label() + ": it was rolled back (" + missing + ")");
        }
        boolean consistent = cp.size() == 0
                ? Arrays.equals(cp.rootHash(), tree.root(0))
                : MerkleProofs.verifyConsistency(cp.size(), n, cp.rootHash(), tree.root(n), tree.consistencyProof(cp.size(), n));
        if (!consistent) {
            return Verdict.bad(n, heads, -1, "the store is not consistent with " + pin.label() + " (size " + cp.size()
                    + "): its first " + cp.size() + " entries are not the ones that checkpoint signed (the history was rewritten)");
        }
        return new Verdict(true, n, heads, -1, "ok");
    }

    private static Verdict checkHeads(LedgerStore store, List<NoteVerifier> keys, MerkleTree tree, long n) {
        List<LedgerStore.KeptHead> heads = headsOfTheEntriesRead(store, n);
        long lastGood = 0;
        for (LedgerStore.KeptHead head : heads) {
            Checkpoint cp;
            try {
                cp = verifyWithAny(keys, head.signedNote());
            } catch (IllegalArgumentException e) {
                return Verdict.bad(n, heads.size(), lastGood, "the kept head of size " + head.size() + " does not verify: " + e.getMessage());
            }
            if (cp.size() != head.size() || cp.size() > n) {
                return Verdict.bad(n, heads.size(), Math.min(lastGood, n), "the signed head of size " + cp.size()
                        + " covers entries the store does not hold (it has " + n + ")");
            }
            if (!Arrays.equals(cp.rootHash(), tree.root(cp.size()))) {
                return Verdict.bad(n, heads.size(), lastGood, "entries " + lastGood + " to " + (cp.size() - 1)
                        + " do not hash to the signed root of size " + cp.size() + "; the first bad seq is among them");
            }
            lastGood = cp.size();
        }
        if (lastGood != n) {
            return Verdict.bad(n, heads.size(), lastGood, "entries from seq " + lastGood + " on are not covered by any signed head");
        }
        return new Verdict(true, n, heads.size(), -1, "ok");
    }

    /**
     * The kept heads to check against the {@code n} entries read. On a shared store (several nodes on
     * one database) other nodes may append while the entries are read; a batch and its head commit in
     * one transaction, so a head beyond {@code n} whose entries the store now holds was appended after
     * the read and is left to the next run. A head beyond what the store holds still fails (entries
     * deleted behind the application's back).
     */
    private static List<LedgerStore.KeptHead> headsOfTheEntriesRead(LedgerStore store, long n) {
        List<LedgerStore.KeptHead> heads = store.heads();
        if (!store.shared() || heads.isEmpty() || heads.get(heads.size() - 1).size() <= n) return heads;
        long now = store.size();
        List<LedgerStore.KeptHead> read = new java.util.ArrayList<>();
        for (LedgerStore.KeptHead head : heads) {
            if (head.size() <= n || head.size() > now) read.add(head);
        }
        return read;
    }

    /** The checkpoint of a note signed by one of the keys; else the first key's reason. */
    static Checkpoint verifyWithAny(List<NoteVerifier> keys, String note) {
        IllegalArgumentException first = null;
        for (NoteVerifier key : keys) {
            try {
                return key.verify(note);
            } catch (IllegalArgumentException e) {
                if (first == null) first = e;
            }
        }
        throw first != null ? first : new IllegalArgumentException("no verifier key was given");
    }

    /** An entry decoded and checked on its own, or why it fails. */
    private record Checked(Entry entry, Verdict failure) {
        static Checked bad(long seq, String reason) {
            return new Checked(null, Verdict.bad(seq, 0, seq, reason));
        }
    }

    private static Checked checkEntry(StoredEntry row, long seq) {
        if (row.seq() != seq) {
            return Checked.bad(seq, "seq " + seq + " is missing (the next stored row is " + row.seq() + ")");
        }
        Entry entry;
        try {
            entry = EntryCodec.decode(row.bytes());
        } catch (IllegalArgumentException e) {
            return Checked.bad(seq, "seq " + seq + " is not a ledger entry: " + e.getMessage());
        }
        if (entry.seq() != seq) {
            return Checked.bad(seq, "seq " + seq + " holds the entry of seq " + entry.seq() + " (reordered or moved)");
        }
        if (!Arrays.equals(EntryCodec.encode(entry), row.bytes())) {
            return Checked.bad(seq, "seq " + seq + " is not in canonical form (edited)");
        }
        if (!entry.clientId().equals(row.clientId())) {
            return Checked.bad(seq, "seq " + seq + " is indexed under another client id");
        }
        return new Checked(entry, null);
    }
}

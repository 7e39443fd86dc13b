package org.truce.audit;

import java.util.Objects;

/**
 * A point of the chain that the next record links to: the seq and hash of the record before it.
 * {@link #GENESIS} (seq 0, 32 zero bytes) precedes the first record; after a prune the anchor is the
 * last pruned record, so the records kept still verify. Immutable.
 */
public record AuditAnchor(long seq, String hash) {

    /** Before the first record: seq 0 and the hex of 32 zero bytes. */
    public static final AuditAnchor GENESIS = new AuditAnchor(0, "0".repeat(64));

    public AuditAnchor {
        if (seq < 0) throw new IllegalArgumentException("anchor seq must not be negative, got " + seq);
        Objects.requireNonNull(hash, "hash");
    }

    /** The anchor a record leaves for the one after it. */
    public static AuditAnchor after(AuditRecord record) {
        return new AuditAnchor(record.seq(), record.hash());
    }
}

package org.truce.audit;

import java.util.List;

/**
 * The port of the audit trail: an append-only, hash-chained log, separate from the public ledger.
 * Adapters are thread-safe, and several instances (processes) may append to the same log at once:
 * each append links to the record committed just before it. There is no update or delete; only
 * {@link #prune()} removes records, those past the retention period, leaving an anchor.
 */
public interface AuditLog extends AutoCloseable {

    /**
     * Appends a record stamped with the adapter's clock and returns it with its seq and hash.
     * {@code actor} and {@code action} are required; the others may be null.
     */
    AuditRecord append(String actor, String org, String action, String target, String address, String detail);

    /**
     * Up to {@code limit} records with seq greater than {@code afterSeq}, ascending; only those of
     * {@code org} unless it is null (admins read all).
     */
    List<AuditRecord> read(String org, long afterSeq, int limit);

    /**
     * The bytes the records take in the store now (pages in use, indexes included): what an audit
     * quota is measured against. Approximate, and cheap enough to ask once per batch of appends.
     */
    long sizeBytes();

    /** Walks the whole chain from the anchor (or genesis) and says whether it is intact. */
    AuditVerification verify();

    /**
     * Deletes the oldest records, those recorded before now minus the retention period, up to the
     * first one that is not; keeps the last deleted record's seq and hash as the anchor.
     *
     * @return the number of records deleted
     * @throws IllegalStateException if the records to be pruned do not verify: pruning them would
     *     destroy the evidence
     */
    int prune();

    @Override
    void close();
}

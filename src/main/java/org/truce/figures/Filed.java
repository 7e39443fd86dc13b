package org.truce.figures;

import java.time.Instant;

/**
 * A report as the record holds it: the report, the entry that filed it, and — once known — the entry
 * that replaced or withdrew it. Only the ledger's writer thread sets {@code endedAtSeq}.
 */
public final class Filed {
    private final Report report;
    private final long seq;
    private final Instant recordedAt;
    private volatile long endedAtSeq = Long.MAX_VALUE;
    private volatile String endedBy;

    Filed(Report report, long seq, Instant recordedAt) {
        this.report = report;
        this.seq = seq;
        this.recordedAt = recordedAt;
    }

    public Report report() {
        return report;
    }

    public long seq() {
        return seq;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** Whether this version was in force in the ledger of the first {@code size} entries. */
    public boolean inForceAt(long size) {
        return seq < size && endedAtSeq >= size;
    }

    public boolean current() {
        return endedAtSeq == Long.MAX_VALUE;
    }

    /** The seq of the correction or retraction that ended this version; {@link Long#MAX_VALUE} while current. */
    public long endedAt() {
        return endedAtSeq;
    }

    /** The id of the correction or retraction that ended this version, or null. */
    public String endedBy() {
        return endedBy;
    }

    void end(long atSeq, String by) {
        this.endedAtSeq = atSeq;
        this.endedBy = by;
    }
}

package org.truce.figures;

import java.time.Instant;

/**
 * A report as the record holds it: the report, the entry that filed it, the entry from which it counts
 * (its own, or for a report that awaited review the confirmation's), and — once known — the entry that
 * replaced, withdrew or rejected it. Only the ledger's writer thread sets the mutable parts.
 */
public final class Filed {
    private final Report report;
    private final long seq;
    private final Instant recordedAt;
    private volatile long endedAtSeq = Long.MAX_VALUE;
    private volatile String endedBy;
    private volatile long countsFrom;
    private volatile String confirmedBy;
    private volatile boolean rejected;

    Filed(Report report, long seq, Instant recordedAt) {
        this.report = report;
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.countsFrom = report.awaitsReview() ? Long.MAX_VALUE : seq;
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
        return countsFrom < size && endedAtSeq >= size;
    }

    /** The seq of the entry from which this version counts: its own, or its confirmation's; MAX_VALUE while it awaits review. */
    public long countsFrom() {
        return countsFrom;
    }

    /** Whether it waits for a second account's confirmation (and was neither rejected nor replaced meanwhile). */
    public boolean awaitingReview() {
        return countsFrom == Long.MAX_VALUE && current();
    }

    /** The id of the confirmation it counts by, or null. */
    public String confirmedBy() {
        return confirmedBy;
    }

    /**
     * The review state of this version as the ledger's first {@code size} entries knew it: none (it
     * never needed one), awaiting, confirmed or rejected.
     */
    public String reviewAt(long size) {
        if (!report.awaitsReview()) return "none";
        if (confirmedBy != null && countsFrom < size) return "confirmed";
        if (rejected && endedAt() < size) return "rejected";
        return "awaiting";
    }

    void reject(long atSeq, String by) {
        this.rejected = true;
        end(atSeq, by);
    }

    void confirm(long atSeq, String by) {
        this.countsFrom = atSeq;
        this.confirmedBy = by;
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

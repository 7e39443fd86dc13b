package org.truce.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit log in a list, for the rules' unit tests: its size is the characters its records hold, and
 * it can be told to fail every call, as a full disk would. Thread-safe (synchronized).
 */
final class MemoryAuditLog implements AuditLog {
    private final Clock clock;
    private final List<AuditRecord> records = new ArrayList<>();
    private boolean failing;

    MemoryAuditLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void failing(boolean failing) {
        this.failing = failing;
    }

    synchronized List<AuditRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized AuditRecord append(String actor, String org, String action, String target, String address, String detail) {
        failIfTold();
        AuditAnchor last = records.isEmpty() ? AuditAnchor.GENESIS : AuditAnchor.after(records.get(records.size() - 1));
        AuditRecord r = AuditChain.link(last, clock.instant(), actor, org, action, target, address, detail);
        records.add(r);
        return r;
    }

    @Override
    public synchronized List<AuditRecord> read(String org, long afterSeq, int limit) {
        return records.stream().filter(r -> r.seq() > afterSeq && (org == null || org.equals(r.org()))).limit(limit).toList();
    }

    @Override
    public synchronized long sizeBytes() {
        failIfTold();
        return records.stream().mapToLong(MemoryAuditLog::size).sum();
    }

    static long size(AuditRecord r) {
        return 100 + length(r.actor()) + length(r.org()) + length(r.action()) + length(r.target()) + length(r.address())
                + length(r.detail()) + r.hash().length();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    @Override
    public synchronized AuditVerification verify() {
        AuditChain.Walk walk = AuditChain.walkFrom(AuditAnchor.GENESIS);
        for (AuditRecord r : records) if (!walk.accept(r)) break;
        return walk.result();
    }

    @Override
    public int prune() {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void close() {}

    private void failIfTold() {
        if (failing) throw new IllegalStateException("the disk is full");
    }
}

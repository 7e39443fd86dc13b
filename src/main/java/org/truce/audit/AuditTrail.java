package org.truce.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node writes to the audit trail, and how, so that the trail cannot be used to fill the disk
 * and never stops the work it records (issue 16):
 *
 * <ul>
 *   <li>every free field is clipped ({@link AuditFields});
 *   <li>{@link #refused refusals} of anonymous callers (bad tokens, failed or throttled sign-ins) are
 *       counted per action, address and minute ({@link RefusalTally}) and written as one record,
 *       {@code detail = "×N in <minute>/PT1M"}, once the minute has closed: by the next call after it
 *       ({@link #flushDue}, which the web layer calls on every request) or on {@link #close}. The record
 *       is an ordinary link of the chain, written once, so the chain verifies as before;
 *   <li>when the store holds more than its quota, refusal records are dropped (counted in
 *       {@link #droppedRefusals}, logged when the quota is first passed), while {@link #note notes}
 *       (sign-ins, token use, grants: what accounts did) and {@link #require required} records
 *       (restricted reads) still go in;
 *   <li>a note that cannot be written is counted ({@link #failedAppends}) and logged, never thrown:
 *       the write it attributes has happened or must not be stopped by the audit. Only
 *       {@link #require} throws, for an act that must not happen unaudited.
 * </ul>
 *
 * Refusal counts not yet written are lost if the process dies (at most a minute's). Thread-safe. One
 * per node, over the node's {@link AuditLog}, which it does not close.
 */
public final class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    public static final String ANONYMOUS = "anonymous";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final AuditLog log;
    private final Clock clock;
    private final long quotaBytes;
    private final RefusalTally tally = new RefusalTally();
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean overQuota;
    private volatile boolean failing;
    private volatile boolean closed;

    /** @param quotaBytes the size of the store ({@link AuditLog#sizeBytes}) above which refusals are dropped */
    public AuditTrail(AuditLog log, Clock clock, long quotaBytes) {
        if (quotaBytes < 1) throw new IllegalArgumentException("the audit quota must be positive, got " + quotaBytes);
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quotaBytes = quotaBytes;
    }

    /**
     * Records what an account (or the bootstrap token) did: a sign-in, a token used for a request, a
     * grant. Written whatever the quota; a failure to write is logged and counted, never thrown.
     */
    public void note(String actor, String org, String action, String target, String address, String detail) {
        flushDue();
        append(actor, org, action, AuditFields.clip(target), AuditFields.clip(address), AuditFields.clip(detail));
    }

    /**
     * Records an act that must not happen unaudited (a read of restricted personal data), whatever the
     * quota, and throws if it cannot: the caller then refuses the act.
     */
    public AuditRecord require(String actor, String org, String action, String target, String address, String detail) {
        flushDue();
        return log.append(actor, org, action, AuditFields.clip(target), AuditFields.clip(address), AuditFields.clip(detail));
    }

    /** Counts an anonymous refusal ({@code token.refused}, {@code signin.failed}, ...) from {@code address}. */
    public void refused(String action, String target, String address) {
        if (closed) {
            dropped.incrementAndGet();
            return;
        }
        tally.add(action, AuditFields.clip(target), AuditFields.clip(address), clock.instant());
        flushDue();
    }

    /**
     * Writes the counts of minutes that have closed, if any; cheap when there are none. A thread that
     * finds another writing them goes on without waiting.
     */
    public void flushDue() {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (!tally.holdsBefore(minute) || !flushing.tryLock()) return;
        try {
            write(tally.takeBefore(minute));
        } finally {
            flushing.unlock();
        }
    }

    /** Refusals counted but not written, because the store was over its quota (or closing). */
    public long droppedRefusals() {
        return dropped.get();
    }

    /** Records that could not be appended (the store failed). */
    public long failedAppends() {
        return failed.get();
    }

    /** Whether the store held more than its quota when last measured. */
    public boolean overQuota() {
        return overQuota;
    }

    public long quotaBytes() {
        return quotaBytes;
    }

    /** Writes every count, the current minute's included. Later refusals are dropped. */
    @Override
    public void close() {
        flushing.lock();
        try {
            closed = true;
            write(tally.takeAll());
        } finally {
            flushing.unlock();
        }
    }

    private void write(List<RefusalTally.Count> counts) {
        if (counts.isEmpty()) return;
        if (measureOverQuota()) {
            dropped.addAndGet(counts.stream().mapToLong(RefusalTally.Count::count).sum());
            return;
        }
        for (RefusalTally.Count c : counts) {
            append(ANONYMOUS, null, c.action(), targets(c), c.address(), "×" + c.count() + " in " + MINUTE.format(c.minute()) + "/PT1M");
        }
    }

    /** The first target (clipped), then as many of the others as fit in {@link AuditFields#MAX}; "…" if any is left out. */
    private static String targets(RefusalTally.Count c) {
        if (c.targets().isEmpty()) return null;
        StringBuilder joined = new StringBuilder(c.targets().get(0));
        boolean leftOut = false;
        for (String t : c.targets().subList(1, c.targets().size())) {
            if (!leftOut && joined.length() + 2 + t.length() <= AuditFields.MAX) joined.append(", ").append(t);
            else leftOut = true;
        }
        return leftOut || c.moreTargets() ? joined.append(", …").toString() : joined.toString();
    }

    private boolean measureOverQuota() {
        long used;
        try {
            used = log.sizeBytes();
        } catch (RuntimeException e) {
            failure(e, "measure");
            return true; // a store that cannot say its size takes no refusals
        }
        boolean over = used > quotaBytes;
        if (over && !overQuota) {
            LOG.warn("The audit store holds {} bytes, over its quota of {}: refusal records are dropped (and counted) until "
                    + "pruning frees room; sign-ins, token use and restricted reads are still recorded.", used, quotaBytes);
        } else if (!over && overQuota) {
            LOG.info("The audit store holds {} bytes, under its quota of {} again: refusals are recorded.", used, quotaBytes);
        }
        overQuota = over;
        return over;
    }

    /** Appends fields already clipped; a failure is counted and logged, not thrown. */
    private void append(String actor, String org, String action, String target, String address, String detail) {
        try {
            log.append(actor, org, action, target, address, detail);
            if (failing) {
                failing = false;
                LOG.info("The audit store takes records again, after {} failed appends in all.", failed.get());
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            failure(e, "append " + action + " to");
        }
    }

    /** Logs the first failure of a run of them, so a failing store does not also fill the log. */
    private void failure(RuntimeException e, String what) {
        if (failing) return;
        failing = true;
        LOG.error("Could not {} the audit store; the work goes on unaudited, counted in truce.audit.append.failed", what, e);
    }
}

package org.truce.figures;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The present of one {@link Series} as a snapshot: its report dates (epoch days, sorted), the folded
 * {@link Step} of each date, and the reports a figure of each date rests on, in flat arrays. "As of D,
 * known now" is one binary search over a {@code long[]} with no lock; the basis is a view of an index
 * range, made in O(1).
 *
 * <p>Immutable once published, so readers need no lock. The series' single writer either appends a
 * later date in place (slots beyond a snapshot's {@code count} are never read through it, so older
 * snapshots sharing the arrays stay unchanged) or builds a new snapshot, keeping an unchanged prefix.
 *
 * <p>{@link #validFrom()} is the ledger size from which the snapshot is the series' state: one past the
 * seq of the last entry that changed the series. For every size from there up to the book's, the
 * versions in force are those of the snapshot, so its answers equal {@link Series#at} at those sizes.
 */
final class AsOfIndex {
    static final AsOfIndex EMPTY = new AsOfIndex(0, 0, new long[0], new Step[0], new int[0], new Filed[0], new int[0], new Filed[0]);

    private final long validFrom;
    private final int count;
    private final long[] days;
    private final Step[] steps;
    /** Index of the date whose total the step stands on, or -1 when it has none. */
    private final int[] base;
    /** The total that counts on each date (the latest recorded), or null. */
    private final Filed[] totals;
    /** End (exclusive) in {@code incs} of the increments of dates up to and including each date. */
    private final int[] incEnd;
    /** The increments of the dates without a total, in date then seq order; a total includes its own day's. */
    private final Filed[] incs;

    private AsOfIndex(long validFrom, int count, long[] days, Step[] steps, int[] base, Filed[] totals, int[] incEnd, Filed[] incs) {
        this.validFrom = validFrom;
        this.count = count;
        this.days = days;
        this.steps = steps;
        this.base = base;
        this.totals = totals;
        this.incEnd = incEnd;
        this.incs = incs;
    }

    long validFrom() {
        return validFrom;
    }

    int count() {
        return count;
    }

    /** Index of the latest date on or before {@code date}, or -1 when the series starts after it. */
    int floor(LocalDate date) {
        long day = date.toEpochDay();
        if (count == 0) return -1;
        if (days[count - 1] <= day) return count - 1; // most questions are about the latest figure
        int lo = 0, hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long d = days[mid];
            if (d < day) lo = mid + 1;
            else if (d > day) hi = mid - 1;
            else return mid;
        }
        return lo - 1;
    }

    Step step(int i) {
        return steps[i];
    }

    /** The reports the figure of date {@code i} was computed from: its base total, then the increments after it. */
    List<Filed> basis(int i) {
        int b = base[i];
        return b < 0 ? new Basis(null, incs, 0, incEnd[i]) : new Basis(totals[b], incs, incEnd[b], incEnd[i]);
    }

    /**
     * This snapshot with {@code bucket} (dated after every date here, its step folded) added at the end.
     * Writes only beyond {@code count}, growing the arrays when full.
     */
    AsOfIndex appended(Series.Bucket bucket, long validFrom) {
        Filed total = bucket.day().total();
        List<Filed> add = total == null ? bucket.reports : List.of();
        int incCount = count == 0 ? 0 : incEnd[count - 1];
        long[] d = days;
        Step[] s = steps;
        int[] bs = base, ie = incEnd;
        Filed[] t = totals, in = incs;
        if (count == d.length) {
            int cap = grow(count + 1);
            d = Arrays.copyOf(d, cap);
            s = Arrays.copyOf(s, cap);
            bs = Arrays.copyOf(bs, cap);
            t = Arrays.copyOf(t, cap);
            ie = Arrays.copyOf(ie, cap);
        }
        if (incCount + add.size() > in.length) in = Arrays.copyOf(in, grow(incCount + add.size()));
        put(count, bucket, total, add, incCount, d, s, bs, t, ie, in);
        return new AsOfIndex(validFrom, count + 1, d, s, bs, t, ie, in);
    }

    /**
     * A new snapshot of {@code buckets}: the first {@code keep} dates copied from {@code prefix} (which
     * must hold them unchanged), the rest read from the buckets. The caller holds the series still.
     */
    static AsOfIndex rebuilt(AsOfIndex prefix, int keep, List<Series.Bucket> buckets, long validFrom) {
        int n = buckets.size();
        keep = prefix == null ? 0 : Math.min(keep, Math.min(prefix.count, n));
        int cap = grow(n);
        long[] d = new long[cap];
        Step[] s = new Step[cap];
        int[] bs = new int[cap], ie = new int[cap];
        Filed[] t = new Filed[cap];
        int incCount = keep == 0 ? 0 : prefix.incEnd[keep - 1];
        int incTail = 0;
        for (int i = keep; i < n; i++) if (buckets.get(i).day().total() == null) incTail += buckets.get(i).reports.size();
        Filed[] in = new Filed[grow(incCount + incTail)];
        if (keep > 0) {
            System.arraycopy(prefix.days, 0, d, 0, keep);
            System.arraycopy(prefix.steps, 0, s, 0, keep);
            System.arraycopy(prefix.base, 0, bs, 0, keep);
            System.arraycopy(prefix.totals, 0, t, 0, keep);
            System.arraycopy(prefix.incEnd, 0, ie, 0, keep);
            System.arraycopy(prefix.incs, 0, in, 0, incCount);
        }
        for (int i = keep; i < n; i++) {
            Series.Bucket b = buckets.get(i);
            Filed total = b.day().total();
            List<Filed> add = total == null ? b.reports : List.of();
            put(i, b, total, add, incCount, d, s, bs, t, ie, in);
            incCount += add.size();
        }
        return new AsOfIndex(validFrom, n, d, s, bs, t, ie, in);
    }

    private static void put(int i, Series.Bucket b, Filed total, List<Filed> add, int incCount, long[] d, Step[] s, int[] bs,
                            Filed[] t, int[] ie, Filed[] in) {
        d[i] = b.date.toEpochDay();
        s[i] = b.step;
        t[i] = total;
        bs[i] = total != null ? i : i == 0 ? -1 : bs[i - 1];
        for (int k = 0; k < add.size(); k++) in[incCount + k] = add.get(k);
        ie[i] = incCount + add.size();
    }

    /** Room for half as many again, so that a series filed in date order appends in place. */
    private static int grow(int n) {
        return Math.max(4, n + (n >> 1));
    }

    /** An optional total followed by a range of increments; immutable. */
    private static final class Basis extends AbstractList<Filed> implements RandomAccess {
        private final Filed total;
        private final Filed[] incs;
        private final int from, to;

        Basis(Filed total, Filed[] incs, int from, int to) {
            this.total = total;
            this.incs = incs;
            this.from = from;
            this.to = to;
        }

        @Override
        public Filed get(int index) {
            int k = total == null ? index : index - 1;
            if (index < 0 || k >= to - from) throw new IndexOutOfBoundsException("index " + index + " of " + size());
            return k < 0 ? total : incs[from + k];
        }

        @Override
        public int size() {
            return (total == null ? 0 : 1) + to - from;
        }
    }
}

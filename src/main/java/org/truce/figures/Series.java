package org.truce.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One source's reports on one metric for one place, as a timeline. Keeps every version ever filed
 * (for questions about the past) and, for the present, the folded figure at each report date. Dates
 * are kept in an array list because reports arrive almost always in date order (an append); an
 * earlier date costs a shift. The present is published as an {@link AsOfIndex}, so that "as of D,
 * known now" is one binary search without a lock.
 *
 * <p>Not thread-safe, except {@link #index()}: {@link FigureBook} guards the rest (one writer, many
 * readers). A report filed after the latest date is appended to the published index in place; any
 * other change marks it stale, and the next reader under the book's lock rebuilds it from the first
 * changed date on ({@link #present()}), so a run of changes costs one rebuild.
 */
final class Series {
    /** The reports of one date, and the figure folded at the end of that date. */
    static final class Bucket {
        final LocalDate date;
        /** Totals and increments of the date, in seq order; usually one report. */
        final List<Filed> reports = new ArrayList<>(1);
        Step step;

        Bucket(LocalDate date) {
            this.date = date;
        }

        boolean isEmpty() {
            return reports.isEmpty();
        }

        void add(Filed f) {
            reports.add(f);
        }

        List<Filed> increments() {
            List<Filed> out = new ArrayList<>(reports.size());
            for (Filed f : reports) if (f.report().kind() == ReportKind.INCREMENT) out.add(f);
            return out;
        }

        SeriesFold.Day day() {
            Filed total = null;
            for (Filed f : reports) {
                if (f.report().kind() == ReportKind.TOTAL && (total == null || f.countsFrom() > total.countsFrom())) total = f;
            }
            return new SeriesFold.Day(total, total == null ? reports : increments()); // without a total, all are increments
        }
    }

    /** A figure and the reports it was computed from. */
    record Answer(Step step, List<Filed> basis) {}

    private final List<Filed> versions = new ArrayList<>(2);
    private final List<Bucket> now = new ArrayList<>(2);
    /** The present, or null while stale; written by the writer, and by readers holding the book's read lock. */
    private volatile AsOfIndex index = AsOfIndex.EMPTY;
    /** While stale: the last published index, and the first date index where the buckets may differ from it. */
    private AsOfIndex stale;
    private int staleFrom;
    /** Ledger size after the last entry that changed the present (one past its seq). */
    private long changedAt;

    /** Adds a version that counts from the entry {@code filed.countsFrom()}. A knowing repeat is kept, never folded. */
    void add(Filed filed) {
        versions.add(filed);
        if (filed.report().duplicateOf() != null) return;
        LocalDate date = filed.report().asOf();
        int i = indexOf(now, date);
        boolean append = i < 0 && -i - 1 == now.size();
        if (i < 0) {
            i = -i - 1;
            now.add(i, new Bucket(date));
        }
        now.get(i).add(filed);
        refold(now, i);
        changedAt = filed.countsFrom() + 1;
        AsOfIndex published = index;
        if (append && published != null) {
            index = published.appended(now.get(i), changedAt);
            stale = null; // the index is current again: the snapshot a reader rebuilt it from need not be kept
        } else {
            changed(i);
        }
    }

    /** Withdraws a version from the present: the entry {@code seq} corrected or retracted it. */
    void remove(Filed filed, long seq) {
        int i = indexOf(now, filed.report().asOf());
        if (i < 0) return;
        Bucket b = now.get(i);
        if (!b.reports.remove(filed)) return;
        if (b.isEmpty()) now.remove(i);
        if (i < now.size()) refold(now, i);
        changedAt = seq + 1;
        changed(i);
    }

    /** Marks the index stale from date index {@code i} on. */
    private void changed(int i) {
        AsOfIndex published = index;
        if (published != null) {
            stale = published;
            staleFrom = i;
            index = null;
        } else {
            staleFrom = Math.min(staleFrom, i);
        }
    }

    /** The published present, or null while stale. Safe without a lock. */
    AsOfIndex index() {
        return index;
    }

    /** The present, rebuilt if stale. The caller holds the book's lock (a read lock is enough). */
    AsOfIndex present() {
        AsOfIndex published = index;
        if (published != null) return published;
        // readers may race to rebuild; each builds the same snapshot from buckets the lock keeps still
        AsOfIndex rebuilt = AsOfIndex.rebuilt(stale, staleFrom, now, changedAt);
        index = rebuilt;
        return rebuilt;
    }

    private static void refold(List<Bucket> buckets, int from) {
        Step prev = from == 0 ? null : buckets.get(from - 1).step;
        for (int i = from; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            b.step = SeriesFold.step(prev, b.date, b.day());
            prev = b.step;
        }
    }

    /** Index of the bucket of {@code date}, or (-(insertion point) - 1); appends are checked first. */
    private static int indexOf(List<Bucket> buckets, LocalDate date) {
        int n = buckets.size();
        if (n == 0) return -1;
        int c = buckets.get(n - 1).date.compareTo(date);
        if (c == 0) return n - 1;
        if (c < 0) return -n - 1;
        int lo = 0, hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = buckets.get(mid).date.compareTo(date);
            if (cmp < 0) lo = mid + 1;
            else if (cmp > 0) hi = mid - 1;
            else return mid;
        }
        return -lo - 1;
    }

    /** The figure as of {@code date} from the versions in force in the ledger's first {@code size} entries. */
    Answer at(LocalDate date, long size) {
        List<Filed> inForce = new ArrayList<>();
        for (Filed f : versions) {
            if (f.inForceAt(size) && !f.report().asOf().isAfter(date) && f.report().duplicateOf() == null) inForce.add(f);
        }
        inForce.sort(Comparator.comparing((Filed f) -> f.report().asOf()).thenComparingLong(Filed::countsFrom));
        List<Bucket> past = new ArrayList<>();
        for (Filed f : inForce) {
            if (past.isEmpty() || !past.get(past.size() - 1).date.equals(f.report().asOf())) past.add(new Bucket(f.report().asOf()));
            past.get(past.size() - 1).add(f);
        }
        refold(past, 0);
        return answer(past, date);
    }

    private static Answer answer(List<Bucket> buckets, LocalDate date) {
        int i = indexOf(buckets, date);
        int at = i >= 0 ? i : -i - 2;
        if (at < 0) return null;
        Step step = buckets.get(at).step;
        List<Filed> basis = new ArrayList<>();
        int first = 0;
        if (step.baseDate() != null) first = indexOf(buckets, step.baseDate());
        for (int k = first; k <= at; k++) {
            Bucket b = buckets.get(k);
            if (b.date.equals(step.baseDate())) basis.add(b.day().total());
            else basis.addAll(b.increments());
        }
        return new Answer(step, basis);
    }

    List<Filed> versions() {
        return versions;
    }

    /** The reports of {@code date} in force now, repeats left out. The caller holds the book's lock. */
    List<Filed> currentOn(LocalDate date) {
        int i = indexOf(now, date);
        return i < 0 ? List.of() : List.copyOf(now.get(i).reports);
    }
}

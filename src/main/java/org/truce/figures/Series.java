package org.truce.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One source's reports on one metric for one place, as a timeline. Keeps every version ever filed
 * (for questions about the past) and, for the present, the folded figure at each report date, so
 * that "as of D, known now" is one floor lookup: O(log n).
 *
 * <p>Not thread-safe: {@link FigureBook} guards it (one writer, many readers).
 */
final class Series {
    /** The reports of one date in force now, and the figure folded at the end of that date. */
    private static final class Bucket {
        final List<Filed> totals = new ArrayList<>(1);
        final List<Filed> increments = new ArrayList<>(1);
        Step step;

        boolean isEmpty() {
            return totals.isEmpty() && increments.isEmpty();
        }

        SeriesFold.Day day() {
            Filed total = null;
            for (Filed f : totals) if (total == null || f.seq() > total.seq()) total = f;
            return new SeriesFold.Day(total, increments);
        }
    }

    /** A figure and the reports it was computed from. */
    record Answer(Step step, List<Filed> basis) {}

    private final List<Filed> versions = new ArrayList<>(2);
    private final TreeMap<LocalDate, Bucket> now = new TreeMap<>();

    void add(Filed filed) {
        versions.add(filed);
        Report r = filed.report();
        Bucket b = now.computeIfAbsent(r.asOf(), d -> new Bucket());
        (r.kind() == ReportKind.TOTAL ? b.totals : b.increments).add(filed);
        refold(r.asOf());
    }

    void remove(Filed filed) {
        LocalDate date = filed.report().asOf();
        Bucket b = now.get(date);
        if (b == null) return;
        b.totals.remove(filed);
        b.increments.remove(filed);
        if (b.isEmpty()) now.remove(date);
        refold(date);
    }

    private void refold(LocalDate from) {
        Map.Entry<LocalDate, Bucket> before = now.lowerEntry(from);
        Step prev = before == null ? null : before.getValue().step;
        for (var e : now.tailMap(from, true).entrySet()) {
            Bucket b = e.getValue();
            b.step = SeriesFold.step(prev, e.getKey(), b.day());
            prev = b.step;
        }
    }

    /** The figure as of {@code date} from what is in force now. */
    Answer now(LocalDate date) {
        return answer(now, date);
    }

    /** The figure as of {@code date} from the versions in force in the ledger's first {@code size} entries. */
    Answer at(LocalDate date, long size) {
        TreeMap<LocalDate, Bucket> past = new TreeMap<>();
        for (Filed f : versions) {
            if (!f.inForceAt(size) || f.report().asOf().isAfter(date)) continue;
            Bucket b = past.computeIfAbsent(f.report().asOf(), d -> new Bucket());
            (f.report().kind() == ReportKind.TOTAL ? b.totals : b.increments).add(f);
        }
        Step prev = null;
        for (var e : past.entrySet()) {
            prev = SeriesFold.step(prev, e.getKey(), e.getValue().day());
            e.getValue().step = prev;
        }
        return answer(past, date);
    }

    private static Answer answer(NavigableMap<LocalDate, Bucket> buckets, LocalDate date) {
        Map.Entry<LocalDate, Bucket> at = buckets.floorEntry(date);
        if (at == null) return null;
        Step step = at.getValue().step;
        List<Filed> basis = new ArrayList<>();
        NavigableMap<LocalDate, Bucket> span = step.baseDate() == null
                ? buckets.headMap(at.getKey(), true)
                : buckets.subMap(step.baseDate(), true, at.getKey(), true);
        for (var e : span.entrySet()) {
            SeriesFold.Day day = e.getValue().day();
            if (e.getKey().equals(step.baseDate())) basis.add(day.total());
            else basis.addAll(day.increments());
        }
        return new Answer(step, basis);
    }

    boolean isEmptyNow() {
        return now.isEmpty();
    }

    List<Filed> versions() {
        return versions;
    }
}

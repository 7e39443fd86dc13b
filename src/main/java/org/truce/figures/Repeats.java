package org.truce.figures;

import org.truce.record.RepeatsFound;
import org.truce.record.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The duplicate rule of reports: a report with the same source, metric, place, as-of date, kind and
 * value as one in force (or one earlier in the same request) is a repeat. A repeat is refused (a 409
 * that names the first) unless it says so with {@code duplicateOf} and a reason; then it is recorded,
 * marked, and never counted again. {@code duplicateOf} must name a report it does repeat. A retry of
 * an id already in the record is the ledger's to answer, never a repeat. Thread-safe; reads the book.
 */
public final class Repeats {
    private final FigureBook book;

    public Repeats(FigureBook book) {
        this.book = book;
    }

    /** Whether two reports say the same thing: source, metric, place, as-of date, kind and value. */
    static boolean same(Report a, Report b) {
        return a.source().equals(b.source()) && a.metric().equals(b.metric()) && a.place().equals(b.place())
                && a.asOf().equals(b.asOf()) && a.kind() == b.kind() && a.value().compareTo(b.value()) == 0;
    }

    public RepeatsFound check(List<Fact> facts, List<String> pointers) {
        List<Violation> unmarked = new ArrayList<>();
        List<Violation> wrong = new ArrayList<>();
        // the reports before each one in the request, by what they say: a request of 10,000 reports is
        // checked in one pass, not by comparing every pair
        Map<List<Object>, List<Integer>> earlier = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            if (!(facts.get(i) instanceof Fact.ReportFiled filed)) continue;
            Report r = filed.report();
            List<Object> says = says(r);
            check(facts, pointers, i, r, earlier.getOrDefault(says, List.of()), unmarked, wrong);
            earlier.computeIfAbsent(says, k -> new ArrayList<>()).add(i);
        }
        return new RepeatsFound(unmarked, wrong);
    }

    /** What {@link #same} compares, as a key: equal keys for reports that say the same. */
    private static List<Object> says(Report r) {
        return List.of(r.source(), r.metric(), r.place(), r.asOf(), r.kind(), r.value().stripTrailingZeros());
    }

    private void check(List<Fact> facts, List<String> pointers, int i, Report r, List<Integer> sameBefore,
                       List<Violation> unmarked, List<Violation> wrong) {
        if (book.report(r.id()).isPresent()) return; // a retry
        String at = pointers.get(i);
        if (r.duplicateOf() != null) {
            if (!repeats(r, r.duplicateOf().id(), facts.subList(0, i))) {
                wrong.add(new Violation(at + "/duplicateOf/id", "names no report that this one repeats (the same source,"
                        + " metric, place, asOf, kind and value, in force or earlier in this request): " + r.duplicateOf().id()));
            }
            return;
        }
        Optional<Filed> held = book.repeated(r);
        if (held.isPresent()) {
            unmarked.add(new Violation(at, "repeats report " + held.get().report().id() + " (entry " + held.get().seq()
                    + "): the same source, metric, place, asOf, kind and value; to record it anyway, send duplicateOf"
                    + " with that id and a reason"));
            return;
        }
        for (int j : sameBefore) {
            Report e = ((Fact.ReportFiled) facts.get(j)).report();
            if (!e.id().equals(r.id()) && e.duplicateOf() == null && same(e, r) && !e.id().equals(r.corrects())) {
                unmarked.add(new Violation(at, "repeats report " + e.id() + " at " + pointers.get(j)
                        + " in this request: the same source, metric, place, asOf, kind and value; to record it anyway,"
                        + " send duplicateOf with that id and a reason"));
                return;
            }
        }
    }

    /** Whether report {@code id} (in the record, or among {@code earlier}) says what {@code r} says. */
    private boolean repeats(Report r, String id, List<Fact> earlier) {
        if (id.equals(r.id())) return false;
        Optional<Filed> held = book.report(id);
        if (held.isPresent()) return held.get().current() && same(held.get().report(), r);
        for (Fact f : earlier) if (f instanceof Fact.ReportFiled e && e.report().id().equals(id)) return same(e.report(), r);
        return false;
    }
}

package org.truce.accords;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.truce.accords.AccordBook.Held;
import org.truce.accords.AccordFact.DeadlineAmended;
import org.truce.accords.AccordFact.ObligationSet;
import org.truce.accords.AccordFact.StatusAssessed;

/**
 * Answers the tracker's questions over {@link AccordBook}: each obligation's deadline (resolved from
 * its event, amended with both dates kept), whether a meeting or event met it on time, each
 * assessor's latest status, what is overdue per assessor as of a date, and which deadlines come up.
 * Every answer uses the ledger's first {@code size} entries only. Stateless over the book; thread-safe.
 */
public final class Tracker {
    private final AccordBook book;

    public Tracker(AccordBook book) {
        this.book = book;
    }

    public AccordBook book() {
        return book;
    }

    /** Something recorded that met an obligation: a meeting or an event, with its date. */
    public record Fulfilment(String entry, String title, LocalDate date) {}

    /**
     * An obligation's deadline as known at a ledger size.
     *
     * @param original the deadline before any amendment (null while its event has not been recorded)
     * @param current  the deadline now in force: the last amendment's, else the original
     * @param fulfilment the earliest meeting or event recorded as meeting it, or null
     */
    public record Schedule(ObligationSet obligation, LocalDate original, LocalDate current,
                           List<Held<DeadlineAmended>> amendments, Fulfilment fulfilment) {
        /** Waiting for the event a relative deadline counts from. */
        public boolean pending() {
            return obligation.deadline() != null && current == null;
        }

        /** Met by a recorded meeting or event on or before the deadline in force. */
        public boolean metOnTime() {
            return fulfilment != null && current != null && !fulfilment.date().isAfter(current);
        }
    }

    /** One assessor's latest status of an obligation, or (assessor null) the note that nobody assessed it. */
    public record Overdue(Schedule schedule, String assessor, Held<StatusAssessed> latest) {}

    public Schedule schedule(ObligationSet o, long size) {
        LocalDate original = null;
        if (o.deadline() != null && !o.deadline().relative()) original = o.deadline().date();
        else if (o.deadline() != null) {
            original = book.event(o.deadline().event(), size).map(e -> o.deadline().after(e.date())).orElse(null);
        }
        List<Held<DeadlineAmended>> amendments = book.all(DeadlineAmended.class, size, a -> a.obligation().equals(o.id()));
        LocalDate current = amendments.isEmpty() ? original : amendments.get(amendments.size() - 1).fact().date();
        return new Schedule(o, original, current, amendments, fulfilment(o.id(), size));
    }

    public List<Schedule> schedules(long size) {
        return book.all(ObligationSet.class, size).stream().map(h -> schedule(h.fact(), size)).toList();
    }

    private Fulfilment fulfilment(String obligation, long size) {
        List<Fulfilment> found = new ArrayList<>();
        for (var m : book.all(AccordFact.MeetingHeld.class, size, m -> m.fulfils().contains(obligation))) {
            found.add(new Fulfilment(m.fact().id(), m.fact().title(), m.fact().date()));
        }
        for (var e : book.all(AccordFact.EventHappened.class, size, e -> e.fulfils().contains(obligation))) {
            found.add(new Fulfilment(e.fact().id(), e.fact().title(), e.fact().date()));
        }
        return found.stream().min(Comparator.comparing(Fulfilment::date)).orElse(null);
    }

    /** Each assessor's latest assessment of {@code obligation} dated on or before {@code asOf}; later entries win ties. */
    public Map<String, Held<StatusAssessed>> latest(String obligation, LocalDate asOf, long size) {
        Map<String, Held<StatusAssessed>> out = new LinkedHashMap<>();
        for (var h : book.all(StatusAssessed.class, size, s -> s.obligation().equals(obligation) && !s.date().isAfter(asOf))) {
            Held<StatusAssessed> before = out.get(h.fact().assessor());
            if (before == null || !h.fact().date().isBefore(before.fact().date())) out.put(h.fact().assessor(), h);
        }
        return out;
    }

    /**
     * Obligations overdue as of {@code asOf}, per assessor: the deadline in force passed before
     * {@code asOf}, nothing recorded met it on time, and that assessor's latest status is below 3 (full).
     * An obligation past its deadline that nobody has assessed is listed once with a null assessor.
     */
    public List<Overdue> overdue(LocalDate asOf, long size) {
        List<Overdue> out = new ArrayList<>();
        for (Schedule s : schedules(size)) {
            if (s.current() == null || !s.current().isBefore(asOf)) continue;
            if (s.fulfilment() != null && !s.fulfilment().date().isAfter(s.current())) continue;
            Map<String, Held<StatusAssessed>> latest = latest(s.obligation().id(), asOf, size);
            if (latest.isEmpty()) {
                if (s.fulfilment() == null || s.fulfilment().date().isAfter(asOf)) out.add(new Overdue(s, null, null));
                continue;
            }
            for (var e : latest.entrySet()) if (e.getValue().fact().status() < 3) out.add(new Overdue(s, e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Obligations whose deadline in force falls from {@code from} to {@code days} days after it, not yet met; by date. */
    public List<Schedule> upcoming(LocalDate from, int days, long size) {
        LocalDate to = from.plusDays(days);
        return schedules(size).stream()
                .filter(s -> s.current() != null && !s.current().isBefore(from) && !s.current().isAfter(to))
                .filter(s -> s.fulfilment() == null || s.fulfilment().date().isAfter(from))
                .sorted(Comparator.comparing(Schedule::current)).toList();
    }

    /**
     * The points of an agreement whose versions differ: two versions in the same language give the
     * point different texts (whitespace and case aside). A version may hold only some points (the
     * one where a translation differs); a point it leaves out is not counted as a difference.
     */
    public Set<Integer> differingPoints(String agreement, long size) {
        Map<String, Map<Integer, Set<String>>> byLang = new HashMap<>();
        for (var v : book.all(AccordFact.VersionPublished.class, size, v -> v.agreement().equals(agreement))) {
            String lang = v.fact().lang();
            for (var p : v.fact().points()) {
                byLang.computeIfAbsent(lang, k -> new HashMap<>()).computeIfAbsent(p.number(), k -> new java.util.HashSet<>())
                        .add(p.text().strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT));
            }
        }
        Set<Integer> out = new TreeSet<>();
        byLang.forEach((lang, points) -> points.forEach((n, texts) -> {
            if (texts.size() > 1) out.add(n);
        }));
        return out;
    }
}

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
 * Answers the tracker's questions over {@link AccordBook}: each obligation's deadline as of a date
 * (resolved from its event, amended with both dates kept, an amendment counting from the day it was
 * agreed), whether a meeting or event met it on time, each assessor's latest status, what is overdue
 * per assessor as of a date, and which deadlines come up. Every answer uses the ledger's first
 * {@code size} entries only. Stateless over the book; thread-safe.
 */
public final class Tracker {
    private final AccordBook book;

    public Tracker(AccordBook book) {
        this.book = book;
    }

    public AccordBook book() {
        return book;
    }

    /** Something recorded that met an obligation: a meeting or an event, with its date and the body that reported it. */
    public record Fulfilment(String entry, String title, LocalDate date, String source) {}

    /**
     * An obligation's deadline as of a date, as known at a ledger size.
     *
     * @param original the deadline before any amendment (null while its event has not been recorded
     *                 as happened on or before the date)
     * @param current  the deadline in force on the date: the last amendment agreed by then, else the original
     * @param amendments the amendments agreed on or before the date, in ledger order
     * @param fulfilment the earliest meeting or event recorded as meeting it, or null
     * @param fulfilments every meeting and event recorded as meeting it, earliest first
     */
    public record Schedule(ObligationSet obligation, LocalDate original, LocalDate current,
                           List<Held<DeadlineAmended>> amendments, Fulfilment fulfilment, List<Fulfilment> fulfilments) {
        public Schedule {
            amendments = List.copyOf(amendments);
            fulfilments = List.copyOf(fulfilments);
        }

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

    /**
     * The deadline of {@code o} in force on {@code asOf}: an event a relative deadline counts from
     * counts once it happened (on or before {@code asOf}), and an amendment once it was agreed (its
     * {@code agreedOn} on or before {@code asOf}); before that the earlier deadline stands.
     */
    public Schedule schedule(ObligationSet o, LocalDate asOf, long size) {
        LocalDate original = null;
        if (o.deadline() != null && !o.deadline().relative()) original = o.deadline().date();
        else if (o.deadline() != null) {
            original = book.event(o.deadline().event(), size).filter(e -> !e.date().isAfter(asOf))
                    .map(e -> o.deadline().after(e.date())).orElse(null);
        }
        List<Held<DeadlineAmended>> amendments = book.all(DeadlineAmended.class, size,
                a -> a.obligation().equals(o.id()) && !a.agreedOn().isAfter(asOf));
        LocalDate current = amendments.isEmpty() ? original : amendments.get(amendments.size() - 1).fact().date();
        List<Fulfilment> fulfilments = fulfilments(o.id(), size);
        return new Schedule(o, original, current, amendments, fulfilments.isEmpty() ? null : fulfilments.get(0), fulfilments);
    }

    public List<Schedule> schedules(LocalDate asOf, long size) {
        return book.all(ObligationSet.class, size).stream().map(h -> schedule(h.fact(), asOf, size)).toList();
    }

    private List<Fulfilment> fulfilments(String obligation, long size) {
        List<Fulfilment> found = new ArrayList<>();
        for (var m : book.all(AccordFact.MeetingHeld.class, size, m -> m.fulfils().contains(obligation))) {
            found.add(new Fulfilment(m.fact().id(), m.fact().title(), m.fact().date(), m.fact().source()));
        }
        for (var e : book.all(AccordFact.EventHappened.class, size, e -> e.fulfils().contains(obligation))) {
            found.add(new Fulfilment(e.fact().id(), e.fact().title(), e.fact().date(), e.fact().source()));
        }
        found.sort(Comparator.comparing(Fulfilment::date));
        return found;
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
     * {@code asOf} and that assessor's latest status is below 3 (full), unless a meeting or event that
     * assessor itself reported met the deadline on time. Claims are never merged: one body's
     * fulfilment or assessment clears that body's flag only. An obligation past its deadline that
     * nobody has assessed, with no fulfilment recorded by {@code asOf}, is listed once with a null assessor.
     */
    public List<Overdue> overdue(LocalDate asOf, long size) {
        List<Overdue> out = new ArrayList<>();
        for (Schedule s : schedules(asOf, size)) {
            if (s.current() == null || !s.current().isBefore(asOf)) continue;
            Map<String, Held<StatusAssessed>> latest = latest(s.obligation().id(), asOf, size);
            if (latest.isEmpty()) {
                if (s.fulfilment() == null || s.fulfilment().date().isAfter(asOf)) out.add(new Overdue(s, null, null));
                continue;
            }
            for (var e : latest.entrySet()) {
                if (e.getValue().fact().status() < 3 && !metOnTimeBy(s, e.getKey())) out.add(new Overdue(s, e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** Whether a meeting or event reported by {@code source} met the schedule's deadline in force on time. */
    private static boolean metOnTimeBy(Schedule s, String source) {
        return s.fulfilments().stream().anyMatch(f -> source.equals(f.source()) && !f.date().isAfter(s.current()));
    }

    /**
     * Obligations whose deadline in force on {@code asOf} falls from {@code from} to {@code days} days
     * after it, not yet met; by date.
     */
    public List<Schedule> upcoming(LocalDate asOf, LocalDate from, int days, long size) {
        LocalDate to = from.plusDays(days);
        return schedules(asOf, size).stream()
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

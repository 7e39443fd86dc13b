package org.truce.accords;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.truce.accords.AccordBook.Held;
import org.truce.accords.AccordFact.MeetingHeld;
import org.truce.accords.AccordFact.ObligationSet;
import org.truce.accords.AccordFact.StatusAssessed;
import org.truce.bulletin.Bulletin;
import org.truce.bulletin.BulletinPart;
import org.truce.bulletin.Messages;
import org.truce.figures.FigureBook;

/**
 * The bulletin's implementation section (key {@value #KEY}): statuses that changed on the date, per
 * assessor and in its name; deadlines in the next {@value #AHEAD} days; obligations overdue per
 * assessor; meetings of the {@value #BEHIND} days up to the date, each saying whether it met an
 * obligation on time. Texts come only from the {@code implementation.*} patterns. Thread-safe.
 */
public final class ImplementationPart implements BulletinPart {
    public static final String KEY = "implementation";
    static final int AHEAD = 14;
    static final int BEHIND = 7;
    private final Tracker tracker;
    private final FigureBook figures;

    public ImplementationPart(Tracker tracker, FigureBook figures) {
        this.tracker = tracker;
        this.figures = figures;
    }

    @Override
    public Optional<Bulletin.Part> compose(LocalDate asOf, long size, Messages m) {
        List<String> lines = new ArrayList<>();
        changed(asOf, size, m, lines);
        for (Tracker.Schedule s : tracker.upcoming(asOf.plusDays(1), AHEAD - 1, size)) lines.add(deadline(s, size, m));
        for (Tracker.Overdue o : tracker.overdue(asOf, size)) lines.add(overdue(o, size, m));
        meetings(asOf, size, m, lines);
        if (lines.isEmpty()) return Optional.empty();
        return Optional.of(new Bulletin.Part(KEY, m.format("implementation.heading", Map.of("date", m.date(asOf))), lines));
    }

    /** An assessment dated on the day whose status differs from the assessor's previous one (or is its first). */
    private void changed(LocalDate asOf, long size, Messages m, List<String> lines) {
        for (Held<StatusAssessed> h : tracker.book().all(StatusAssessed.class, size, s -> s.date().equals(asOf))) {
            StatusAssessed s = h.fact();
            Held<StatusAssessed> before = tracker.latest(s.obligation(), asOf.minusDays(1), size).get(s.assessor());
            if (before != null && before.fact().status() == s.status()) continue;
            if (!h.equals(tracker.latest(s.obligation(), asOf, size).get(s.assessor()))) continue;
            Map<String, Object> args = obligationArgs(tracker.book().obligation(s.obligation(), size).orElseThrow(), size, m);
            args.put("assessor", sourceName(s.assessor(), size, m));
            args.put("status", Integer.toString(s.status()));
            args.put("date", m.date(s.date()));
            args.put("illustrative", Boolean.toString(s.illustrative()));
            lines.add(m.format("implementation.changed", args));
        }
    }

    private String deadline(Tracker.Schedule s, long size, Messages m) {
        Map<String, Object> args = obligationArgs(s.obligation(), size, m);
        args.put("due", m.date(s.current()));
        args.put("who", s.obligation().who().stream().map(w -> sourceName(w, size, m)).collect(Collectors.joining("; ")));
        boolean amended = !s.amendments().isEmpty() && s.original() != null;
        args.put("amended", Boolean.toString(amended));
        args.put("original", amended ? m.date(s.original()) : "");
        args.put("agreedOn", amended ? m.date(s.amendments().get(s.amendments().size() - 1).fact().agreedOn()) : "");
        return m.format("implementation.deadline", args);
    }

    private String overdue(Tracker.Overdue o, long size, Messages m) {
        Map<String, Object> args = obligationArgs(o.schedule().obligation(), size, m);
        args.put("due", m.date(o.schedule().current()));
        if (o.assessor() == null) return m.format("implementation.overdue_unassessed", args);
        args.put("assessor", sourceName(o.assessor(), size, m));
        args.put("status", Integer.toString(o.latest().fact().status()));
        args.put("date", m.date(o.latest().fact().date()));
        args.put("illustrative", Boolean.toString(o.latest().fact().illustrative()));
        return m.format("implementation.overdue", args);
    }

    private void meetings(LocalDate asOf, long size, Messages m, List<String> lines) {
        LocalDate from = asOf.minusDays(BEHIND - 1);
        var held = tracker.book().all(MeetingHeld.class, size, x -> !x.date().isBefore(from) && !x.date().isAfter(asOf));
        for (var h : held) {
            MeetingHeld meeting = h.fact();
            Map<String, Object> args = new HashMap<>();
            args.put("source", sourceName(meeting.source(), size, m));
            args.put("title", meeting.title());
            args.put("date", m.date(meeting.date()));
            args.put("place", meeting.place());
            args.put("met", "none");
            args.put("what", "");
            args.put("deadline", "");
            for (String id : meeting.fulfils()) {
                var o = tracker.book().obligation(id, size);
                if (o.isEmpty()) continue;
                Tracker.Schedule s = tracker.schedule(o.get(), size);
                if (s.current() == null) continue;
                args.put("met", meeting.date().isAfter(s.current()) ? "late" : "on_time");
                args.put("what", o.get().what());
                args.put("deadline", m.date(s.current()));
                break;
            }
            lines.add(m.format("implementation.meeting", args));
        }
    }

    private Map<String, Object> obligationArgs(ObligationSet o, long size, Messages m) {
        Map<String, Object> args = new HashMap<>();
        args.put("what", o.what());
        args.put("point", Integer.toString(o.provision()));
        args.put("agreementDate", tracker.book().agreement(o.agreement(), size).map(a -> m.date(a.date())).orElse(o.agreement()));
        return args;
    }

    private String sourceName(String id, long size, Messages m) {
        return figures.source(id, size).map(s -> s.name(m.lang())).orElse(id);
    }

}

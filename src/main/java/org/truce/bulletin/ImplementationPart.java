package org.truce.bulletin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.accords.AccordBook.Held;
import org.truce.accords.AccordFact.MeetingHeld;
import org.truce.accords.AccordFact.ObligationSet;
import org.truce.accords.AccordFact.StatusAssessed;
import org.truce.accords.AccordFact;
import org.truce.accords.Tracker;
import org.truce.catalog.Catalog;

/**
 * The bulletin's implementation section (key {@value #KEY}): statuses that changed on the date, per
 * assessor and in its name; deadlines in force on the date that fall in the next {@value #AHEAD}
 * days; obligations overdue per assessor; meetings of the {@value #BEHIND} days up to the date, in
 * the reporting body's name, each followed by a separate sentence in no body's voice that states the
 * meeting's date and the deadline it met. Obligation and meeting texts are shown in the bulletin's
 * language when the record holds them in it, else in their own language marked as such. Fixed texts
 * come only from the {@code implementation.*} patterns. Thread-safe.
 */
public final class ImplementationPart implements BulletinPart {
    public static final String KEY = "implementation";
    static final int AHEAD = 14;
    static final int BEHIND = 7;
    private final Tracker tracker;
    private final Catalog catalog;

    public ImplementationPart(Tracker tracker, Catalog catalog) {
        this.tracker = tracker;
        this.catalog = catalog;
    }

    @Override
    public Optional<Bulletin.Part> compose(LocalDate asOf, long size, Messages m) {
        List<String> lines = new ArrayList<>();
        changed(asOf, size, m, lines);
        for (Tracker.Schedule s : tracker.upcoming(asOf, asOf.plusDays(1), AHEAD - 1, size)) lines.add(deadline(s, size, m));
        for (Tracker.Overdue o : tracker.overdue(asOf, size)) lines.add(overdue(o, asOf, size, m));
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
            SourceNames.put(args, "assessor", s.assessor(), id -> catalog.source(id, size), m);
            args.put("status", Integer.toString(s.status()));
            args.put("date", m.date(s.date()));
            args.put("illustrative", Boolean.toString(s.illustrative()));
            lines.add(m.format("implementation.changed", args));
        }
    }

    private String deadline(Tracker.Schedule s, long size, Messages m) {
        Map<String, Object> args = obligationArgs(s.obligation(), size, m);
        args.put("due", m.date(s.current()));
        SourceNames.putList(args, "who", s.obligation().who(), id -> catalog.source(id, size), m);
        args.put("whoCount", s.obligation().who().size());
        boolean amended = !s.amendments().isEmpty() && s.original() != null;
        args.put("amended", Boolean.toString(amended));
        args.put("original", amended ? m.date(s.original()) : "");
        args.put("agreedOn", amended ? m.date(s.amendments().get(s.amendments().size() - 1).fact().agreedOn()) : "");
        return m.format("implementation.deadline", args);
    }

    private String overdue(Tracker.Overdue o, LocalDate asOf, long size, Messages m) {
        Map<String, Object> args = obligationArgs(o.schedule().obligation(), size, m);
        args.put("due", m.date(o.schedule().current()));
        args.put("days", ChronoUnit.DAYS.between(o.schedule().current(), asOf));
        if (o.assessor() == null) return m.format("implementation.overdue_unassessed", args);
        SourceNames.put(args, "assessor", o.assessor(), id -> catalog.source(id, size), m);
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
            AccordFact.InLanguage title = meeting.title(m.lang());
            SourceNames.put(args, "source", meeting.source(), id -> catalog.source(id, size), m);
            args.put("title", title.text());
            args.put("titleLang", inLanguage(title.lang(), m));
            args.put("date", m.date(meeting.date()));
            args.put("place", title.place());
            StringBuilder line = new StringBuilder(m.format("implementation.meeting", args));
            // whether it was on time is the record's reading of two dates, not the reporting body's words
            for (String id : meeting.fulfils()) {
                var o = tracker.book().obligation(id, size);
                if (o.isEmpty()) continue;
                Tracker.Schedule s = tracker.schedule(o.get(), asOf, size);
                if (s.current() == null) continue;
                Map<String, Object> dates = obligationArgs(o.get(), size, m);
                dates.put("date", m.date(meeting.date()));
                dates.put("deadline", m.date(s.current()));
                dates.put("met", meeting.date().isAfter(s.current()) ? "late" : "on_time");
                line.append(' ').append(m.format("implementation.meeting_dates", dates));
            }
            if (meeting.document() != null) line.append(' ').append(Citations.documentText(meeting.document(), m));
            lines.add(line.toString());
        }
    }

    /** " (in English)" after a text shown in another language than the bulletin's; empty otherwise. */
    private static String inLanguage(String lang, Messages m) {
        return lang.equals(m.lang()) ? "" : m.format("implementation.in_lang", Map.of("lang", lang));
    }

    private Map<String, Object> obligationArgs(ObligationSet o, long size, Messages m) {
        Map<String, Object> args = new HashMap<>();
        AccordFact.InLanguage what = o.what(m.lang());
        args.put("what", what.text());
        args.put("whatLang", inLanguage(what.lang(), m));
        args.put("point", Integer.toString(o.provision()));
        args.put("agreementDate", tracker.book().agreement(o.agreement(), size).map(a -> m.date(a.date())).orElse(o.agreement()));
        return args;
    }
}

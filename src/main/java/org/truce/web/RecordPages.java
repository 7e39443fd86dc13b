package org.truce.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.accords.AccordBook;
import org.truce.accords.AccordFact;
import org.truce.accords.Tracker;
import org.truce.app.Truce;
import org.truce.catalog.Place;
import org.truce.catalog.Source;

/**
 * The public pages of the record that the desk links to: agreements (points with every language
 * version side by side, differences flagged; obligations with deadlines, amendments and each
 * assessor's status history), working groups, sources and places. Public because the same data is
 * public through the API. Read-only; thread-safe.
 */
final class RecordPages {
    private final Truce truce;
    private final Pages pages;

    RecordPages(Truce truce, Pages pages) {
        this.truce = truce;
        this.pages = pages;
    }

    private AccordBook book() {
        return truce.tracker().book();
    }

    void agreements(Context ctx) {
        long size = truce.ledger().size();
        var all = book().all(AccordFact.AgreementDeclared.class, size).stream().map(AccordBook.Held::fact)
                .sorted(Comparator.comparing(AccordFact.AgreementDeclared::date)).toList();
        pages.page(ctx, 200, "desk/agreements.jte", Pages.params("agreements", all));
    }

    void agreement(Context ctx) {
        long size = truce.ledger().size();
        String id = ctx.pathParam("id");
        var a = book().agreement(id, size).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no agreement " + id));
        var versions = book().all(AccordFact.VersionPublished.class, size, v -> v.agreement().equals(id));
        Map<String, Map<Integer, String>> texts = new LinkedHashMap<>();
        TreeSet<Integer> numbers = new TreeSet<>();
        a.provisions().forEach(p -> numbers.add(p.number()));
        for (var v : versions) {
            Map<Integer, String> byNumber = new TreeMap<>();
            v.fact().points().forEach(p -> byNumber.put(p.number(), p.text()));
            numbers.addAll(byNumber.keySet());
            texts.put(v.fact().id(), byNumber);
        }
        Map<Integer, String> summaries = new TreeMap<>();
        a.provisions().forEach(p -> summaries.put(p.number(), p.summary()));
        List<Tracker.Schedule> schedules = truce.tracker().schedules(LocalDate.now(truce.clock()), size).stream().filter(s -> s.obligation().agreement().equals(id))
                .sorted(Comparator.comparing((Tracker.Schedule s) -> s.current() == null ? LocalDate.MAX : s.current())).toList();
        Map<String, Map<String, List<AccordBook.Held<AccordFact.StatusAssessed>>>> history = new LinkedHashMap<>();
        for (Tracker.Schedule s : schedules) {
            Map<String, List<AccordBook.Held<AccordFact.StatusAssessed>>> byAssessor = new TreeMap<>();
            for (var h : book().all(AccordFact.StatusAssessed.class, size, x -> x.obligation().equals(s.obligation().id()))) {
                byAssessor.computeIfAbsent(h.fact().assessor(), k -> new ArrayList<>()).add(h);
            }
            byAssessor.values().forEach(l -> l.sort(Comparator.comparing(h -> h.fact().date())));
            history.put(s.obligation().id(), byAssessor);
        }
        // bodies by name in the reader's language; an assessor also in every case its sentence may need
        Ui ui = pages.ui(ctx);
        Map<String, String> names = new TreeMap<>();
        Map<String, Map<String, Object>> assessors = new TreeMap<>();
        for (Source s : truce.figures().sources(size)) names.put(s.id(), s.name(ui.lang()));
        history.values().forEach(byAssessor -> byAssessor.keySet().forEach(assessor -> {
            Map<String, Object> args = new java.util.HashMap<>();
            org.truce.bulletin.SourceNames.put(args, "assessor", assessor, x -> truce.figures().source(x, size), ui.texts());
            assessors.put(assessor, args);
        }));
        pages.page(ctx, 200, "desk/agreement.jte", Pages.params("a", a, "versions", versions, "texts", texts,
                "numbers", List.copyOf(numbers), "summaries", summaries, "differing", truce.tracker().differingPoints(id, size),
                "schedules", schedules, "history", history, "today", LocalDate.now(truce.clock()), "names", names,
                "assessors", assessors));
    }

    void groups(Context ctx) {
        long size = truce.ledger().size();
        var all = book().all(AccordFact.GroupFormed.class, size).stream().map(AccordBook.Held::fact).toList();
        pages.page(ctx, 200, "desk/groups.jte", Pages.params("groups", all));
    }

    void group(Context ctx) {
        long size = truce.ledger().size();
        String id = ctx.pathParam("id");
        var g = book().group(id, size).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no working group " + id));
        var subgroups = book().all(AccordFact.GroupFormed.class, size, s -> id.equals(s.parent())).stream().map(AccordBook.Held::fact).toList();
        var meetings = book().all(AccordFact.MeetingHeld.class, size, m -> id.equals(m.group())).stream().map(AccordBook.Held::fact)
                .sorted(Comparator.comparing(AccordFact.MeetingHeld::date)).toList();
        Map<String, AccordFact.TaskSet> tasks = new LinkedHashMap<>();
        for (var t : book().all(AccordFact.TaskSet.class, size, x -> x.group().equals(id))) tasks.put(t.fact().task(), t.fact());
        var claims = book().all(AccordFact.RemitClaimed.class, size, c -> c.group().equals(id)).stream().map(AccordBook.Held::fact).toList();
        var obligations = book().all(AccordFact.ObligationSet.class, size, o -> o.groups().contains(id)).stream().map(AccordBook.Held::fact).toList();
        pages.page(ctx, 200, "desk/group.jte", Pages.params("g", g, "subgroups", subgroups, "meetings", meetings,
                "tasks", List.copyOf(tasks.values()), "claims", claims, "obligations", obligations));
    }

    void sources(Context ctx) {
        long size = truce.ledger().size();
        List<Source> all = truce.figures().sources(size).stream().sorted(Comparator.comparing(Source::id)).toList();
        pages.page(ctx, 200, "desk/sources.jte", Pages.params("sources", all));
    }

    void places(Context ctx) {
        long size = truce.ledger().size();
        List<Place> all = truce.figures().places(size).stream().sorted(Comparator.comparing(Place::id)).toList();
        pages.page(ctx, 200, "desk/places.jte", Pages.params("places", all));
    }
}

package org.truce.accords;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.truce.accords.AccordBook.Held;
import org.truce.accords.AccordFact.StatusAssessed;

/**
 * The API's views of the tracker: agreements with provisions, versions and the differences flag;
 * obligations with the deadline in force, amendment history, links and each assessor's latest
 * status; working groups with subgroups, meetings, tasks and outlets' remit claims. Each view is the
 * stored fact as written plus what the tracker derives, and names the entry (seq) it rests on. Stateless.
 */
public final class AccordJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Said wherever an assessment marked illustrative is shown. */
    public static final String ILLUSTRATIVE = "illustrative, not an assessment made by any real body";

    private AccordJson() {}

    public static ObjectNode agreement(Tracker t, AccordFact.AgreementDeclared a, long size) {
        ObjectNode n = AccordWriter.write(a);
        Set<Integer> differing = t.differingPoints(a.id(), size);
        ArrayNode provisions = n.putArray("provisions");
        for (var p : a.provisions()) {
            provisions.addObject().put("number", p.number()).put("summary", p.summary())
                    .put("versionsDiffer", differing.contains(p.number()));
        }
        ArrayNode versions = n.putArray("versions");
        for (var v : t.book().all(AccordFact.VersionPublished.class, size, v -> v.agreement().equals(a.id()))) {
            versions.add(held(AccordWriter.write(v.fact()), v));
        }
        ArrayNode diff = n.putArray("pointsWhoseVersionsDiffer");
        differing.forEach(diff::add);
        return n;
    }

    public static ObjectNode obligation(Tracker t, Tracker.Schedule s, LocalDate asOf, long size) {
        ObjectNode n = AccordWriter.write(s.obligation());
        ObjectNode d = n.putObject("schedule");
        d.put("original", date(s.original())).put("current", date(s.current())).put("pending", s.pending());
        if (s.obligation().deadline() != null && s.obligation().deadline().relative()) {
            d.put("event", s.obligation().deadline().event());
            t.book().event(s.obligation().deadline().event(), size).ifPresent(e -> d.put("eventDate", e.date().toString()));
        }
        ArrayNode amendments = d.putArray("amendments");
        for (var a : s.amendments()) amendments.add(held(AccordWriter.write(a.fact()), a));
        if (s.fulfilment() != null) {
            d.putObject("fulfilledBy").put("entry", s.fulfilment().entry()).put("title", s.fulfilment().title())
                    .put("date", s.fulfilment().date().toString()).put("source", s.fulfilment().source());
        }
        d.put("metOnTime", s.metOnTime());
        ArrayNode assessments = n.putArray("assessments");
        for (var e : t.latest(s.obligation().id(), asOf, size).entrySet()) assessments.add(assessment(e.getValue()));
        return n;
    }

    public static ObjectNode assessment(Held<StatusAssessed> h) {
        ObjectNode n = held(AccordWriter.write(h.fact()), h);
        if (h.fact().illustrative()) n.put("notice", ILLUSTRATIVE);
        return n;
    }

    public static ObjectNode overdue(Tracker.Overdue o) {
        ObjectNode n = F.objectNode();
        n.put("obligation", o.schedule().obligation().id()).put("what", o.schedule().obligation().what())
                .put("agreement", o.schedule().obligation().agreement()).put("provision", o.schedule().obligation().provision())
                .put("due", o.schedule().current().toString());
        if (o.assessor() == null) n.putNull("assessor").putNull("status").put("note", "no assessment recorded");
        else {
            n.put("assessor", o.assessor()).put("status", o.latest().fact().status());
            n.set("assessment", assessment(o.latest()));
        }
        return n;
    }

    public static ObjectNode group(Tracker t, AccordFact.GroupFormed g, LocalDate asOf, long size) {
        ObjectNode n = AccordWriter.write(g);
        ArrayNode subgroups = n.putArray("subgroups");
        for (var s : t.book().all(AccordFact.GroupFormed.class, size, s -> g.id().equals(s.parent()))) subgroups.add(AccordWriter.write(s.fact()));
        ArrayNode meetings = n.putArray("meetings");
        for (var m : t.book().all(AccordFact.MeetingHeld.class, size, m -> g.id().equals(m.group()))) meetings.add(meeting(t, m, asOf, size));
        ArrayNode obligations = n.putArray("obligations");
        for (var o : t.book().all(AccordFact.ObligationSet.class, size, o -> o.groups().contains(g.id()))) obligations.add(o.fact().id());
        ArrayNode tasks = n.putArray("tasks");
        Map<String, Held<AccordFact.TaskSet>> latest = new java.util.LinkedHashMap<>();
        for (var task : t.book().all(AccordFact.TaskSet.class, size, x -> x.group().equals(g.id()))) latest.put(task.fact().task(), task);
        latest.values().forEach(task -> tasks.add(held(AccordWriter.write(task.fact()), task)));
        ArrayNode claims = n.putArray("remitClaims");
        for (var c : t.book().all(AccordFact.RemitClaimed.class, size, c -> c.group().equals(g.id()))) {
            claims.add(held(AccordWriter.write(c.fact()), c).put("notice", "the claim of " + c.fact().source() + ", not the text of any agreement"));
        }
        return n;
    }

    /** The meeting with, per obligation it met, the deadline in force on {@code asOf} and whether its date fell by then. */
    public static ObjectNode meeting(Tracker t, Held<AccordFact.MeetingHeld> m, LocalDate asOf, long size) {
        ObjectNode n = held(AccordWriter.write(m.fact()), m);
        ArrayNode met = n.putArray("met");
        for (String id : m.fact().fulfils()) {
            var o = t.book().obligation(id, size);
            if (o.isEmpty()) continue;
            Tracker.Schedule s = t.schedule(o.get(), asOf, size);
            met.addObject().put("obligation", id).put("deadline", date(s.current()))
                    .put("onTime", s.current() != null && !m.fact().date().isAfter(s.current()));
        }
        return n;
    }

    private static ObjectNode held(ObjectNode n, Held<?> h) {
        return n.put("seq", h.seq()).put("author", h.author());
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}

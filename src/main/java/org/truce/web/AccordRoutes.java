package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.truce.accords.AccordBook;
import org.truce.accords.AccordFact;
import org.truce.accords.AccordJson;
import org.truce.accords.AccordReader;
import org.truce.accords.AccordRecorder;
import org.truce.accords.Tracker;
import org.truce.accounts.Attribution.Speakers;
import org.truce.record.Voice;
import org.truce.record.Parsed;
import org.truce.record.Violation;
import org.truce.ledger.Ledger;

/**
 * The accords tracker over HTTP. The secretariat records agreements, their versions, obligations,
 * events, deadline amendments, working groups, meetings and tasks; assessments are recorded by a
 * reporter, and an outlet's claim about a body's remit likewise. Whatever speaks in a body's name
 * (an assessment's assessor, a remit claim's, a meeting's, an event's or an amendment's source, a
 * version's publisher) follows {@link org.truce.accounts.Attribution}. Reads are public and take
 * {@code atSize}/{@code knownAt}. Writes take one object or an array, all or nothing.
 */
final class AccordRoutes {
    private final Tracker tracker;
    private final Ledger ledger;
    private final java.time.Clock clock;
    private final WriteRequest writes;
    private final WriteRoute.Recording<AccordFact> record;

    AccordRoutes(Tracker tracker, AccordRecorder recorder, Ledger ledger, WriteRequest writes, java.time.Clock clock) {
        this.tracker = tracker;
        this.ledger = ledger;
        this.writes = writes;
        this.clock = clock;
        this.record = (facts, pointers, actor) -> recorder.record(facts, pointers, actor.author());
    }

    /** The write route of one accords entry type: whatever speaks in a body's name follows {@link Speakers#REPORTERS_OR_SECRETARIAT}. */
    private WriteRoute<AccordFact> route(String type) {
        return WriteRoute.<AccordFact>of((node, at) -> AccordReader.read(type, node, at), record)
                .speaking(Speakers.REPORTERS_OR_SECRETARIAT, AccordRoutes::voice);
    }

    /** The body a fact speaks for, its field, and the document it cites (and where). */
    private static Voice voice(AccordFact f, String at) {
        if (f instanceof AccordFact.StatusAssessed s) {
            return Voice.of(s.assessor(), at + "/assessor", s.evidence().document(), at + "/evidence/document");
        }
        if (f instanceof AccordFact.RemitClaimed c) return Voice.of(c.source(), at + "/source", c.document(), at + "/document");
        if (f instanceof AccordFact.MeetingHeld m) return Voice.of(m.source(), at + "/source", m.document(), at + "/document");
        if (f instanceof AccordFact.EventHappened e) return Voice.of(e.source(), at + "/source", e.document(), at + "/document");
        if (f instanceof AccordFact.DeadlineAmended a) return Voice.of(a.source(), at + "/source", a.document(), at + "/document");
        if (f instanceof AccordFact.VersionPublished v) return Voice.of(v.publisher(), at + "/publisher", v.document(), at + "/document");
        return null;
    }

    /** The accords' routes: the writes (through the one write path) and the tables. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.post(WebApp.API + "/agreements", writes.handler(route(AccordFact.AGREEMENT)), Access.SECRETARIAT);
        r.post(WebApp.API + "/agreement-versions", writes.handler(route(AccordFact.VERSION)), Access.SECRETARIAT);
        r.post(WebApp.API + "/obligations", writes.handler(route(AccordFact.OBLIGATION)), Access.SECRETARIAT);
        r.post(WebApp.API + "/accord-events", writes.handler(route(AccordFact.EVENT)), Access.SECRETARIAT);
        r.post(WebApp.API + "/deadline-amendments", writes.handler(route(AccordFact.AMENDMENT)), Access.SECRETARIAT);
        r.post(WebApp.API + "/assessments", writes.handler(route(AccordFact.ASSESSMENT)), Access.REPORTING);
        r.post(WebApp.API + "/working-groups", writes.handler(route(AccordFact.GROUP)), Access.SECRETARIAT);
        r.post(WebApp.API + "/meetings", writes.handler(route(AccordFact.MEETING)), Access.SECRETARIAT);
        r.post(WebApp.API + "/tasks", writes.handler(route(AccordFact.TASK)), Access.SECRETARIAT);
        r.post(WebApp.API + "/remit-claims", writes.handler(route(AccordFact.REMIT_CLAIM)), Access.REPORTING);
        r.get(WebApp.API + "/agreements", CsvTables.csv(this::listAgreements, Tables.AGREEMENTS), Access.PUBLIC);
        r.get(WebApp.API + "/obligations", CsvTables.csv(this::listObligations, Tables.OBLIGATIONS), Access.PUBLIC);
        r.get(WebApp.API + "/obligations/overdue", CsvTables.csv(this::overdue, Tables.OVERDUE), Access.PUBLIC);
        r.get(WebApp.API + "/obligations/upcoming", CsvTables.csv(this::upcoming, Tables.UPCOMING), Access.PUBLIC);
        r.get(WebApp.API + "/assessments", CsvTables.csv(this::listAssessments, Tables.ASSESSMENTS), Access.PUBLIC);
        r.get(WebApp.API + "/working-groups", CsvTables.csv(this::listGroups, Tables.GROUPS), Access.PUBLIC);
        r.get(WebApp.API + "/meetings", CsvTables.csv(this::listMeetings, Tables.MEETINGS), Access.PUBLIC);
    }

    void listAgreements(Context ctx) {
        long size = Params.size(ctx, ledger);
        ArrayNode out = Json.array();
        for (var a : tracker.book().all(AccordFact.AgreementDeclared.class, size)) out.add(AccordJson.agreement(tracker, a.fact(), size));
        Json.send(ctx, 200, out);
    }

    void listObligations(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate asOf = asOf(ctx);
        String agreement = ctx.queryParam("agreement");
        ArrayNode out = Json.array();
        for (Tracker.Schedule s : tracker.schedules(asOf, size)) {
            if (agreement == null || agreement.equals(s.obligation().agreement())) out.add(AccordJson.obligation(tracker, s, asOf, size));
        }
        Json.send(ctx, 200, out);
    }

    void listAssessments(Context ctx) {
        long size = Params.size(ctx, ledger);
        String obligation = ctx.queryParam("obligation");
        String assessor = ctx.queryParam("assessor");
        ArrayNode out = Json.array();
        for (var h : tracker.book().all(AccordFact.StatusAssessed.class, size,
                s -> (obligation == null || obligation.equals(s.obligation())) && (assessor == null || assessor.equals(s.assessor())))) {
            out.add(AccordJson.assessment(h));
        }
        Json.send(ctx, 200, out);
    }

    void overdue(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate asOf = Params.date(ctx, "asOf", true);
        ArrayNode out = Json.array();
        for (Tracker.Overdue o : tracker.overdue(asOf, size)) out.add(AccordJson.overdue(o));
        Json.send(ctx, 200, out);
    }

    void upcoming(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate from = Params.date(ctx, "from", true);
        int days = (int) Params.longParam(ctx, "days", 14, 0, 3660);
        ArrayNode out = Json.array();
        for (Tracker.Schedule s : tracker.upcoming(from, from, days, size)) out.add(AccordJson.obligation(tracker, s, from, size));
        Json.send(ctx, 200, out);
    }

    void listGroups(Context ctx) {
        long size = Params.size(ctx, ledger);
        ArrayNode out = Json.array();
        for (var g : tracker.book().all(AccordFact.GroupFormed.class, size, g -> g.parent() == null)) {
            out.add(AccordJson.group(tracker, g.fact(), asOf(ctx), size));
        }
        Json.send(ctx, 200, out);
    }

    void listMeetings(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate from = Params.date(ctx, "from", false);
        LocalDate to = Params.date(ctx, "to", false);
        if (from != null && to != null && to.isBefore(from)) throw Problem.badParameter("to", "must not be before from");
        LocalDate asOf = asOf(ctx);
        ArrayNode out = Json.array();
        var meetings = tracker.book().all(AccordFact.MeetingHeld.class, size,
                m -> (from == null || !m.date().isBefore(from)) && (to == null || !m.date().isAfter(to)));
        meetings.stream().sorted(java.util.Comparator.comparing((AccordBook.Held<AccordFact.MeetingHeld> h) -> h.fact().date()))
                .forEach(h -> out.add(AccordJson.meeting(tracker, h, asOf, size)));
        Json.send(ctx, 200, out);
    }

    private LocalDate asOf(Context ctx) {
        LocalDate d = Params.date(ctx, "asOf", false);
        return d == null ? LocalDate.now(clock) : d;
    }
}

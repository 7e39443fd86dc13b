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
import org.truce.accounts.Principal;
import org.truce.record.Parsed;
import org.truce.record.Violation;
import org.truce.ledger.Ledger;

/**
 * The accords tracker over HTTP. The secretariat records agreements, their versions, obligations,
 * events, deadline amendments, working groups, meetings and tasks; assessments are recorded by a
 * reporter, and an outlet's claim about a body's remit likewise. Whatever speaks in a body's name
 * (an assessment's assessor, a remit claim's, a meeting's, an event's or an amendment's source, a
 * version's publisher) follows {@link InNameOf#accords}. Reads are public and take
 * {@code atSize}/{@code knownAt}. Writes take one object or an array, all or nothing.
 */
final class AccordRoutes {
    private final Tracker tracker;
    private final AccordRecorder recorder;
    private final Ledger ledger;
    private final InNameOf names;
    private final java.time.Clock clock;

    AccordRoutes(Tracker tracker, AccordRecorder recorder, Ledger ledger, InNameOf names, java.time.Clock clock) {
        this.tracker = tracker;
        this.recorder = recorder;
        this.ledger = ledger;
        this.names = names;
        this.clock = clock;
    }

    void agreements(Context ctx) { write(ctx, AccordFact.AGREEMENT); }
    void versions(Context ctx) { write(ctx, AccordFact.VERSION); }
    void obligations(Context ctx) { write(ctx, AccordFact.OBLIGATION); }
    void events(Context ctx) { write(ctx, AccordFact.EVENT); }
    void amendments(Context ctx) { write(ctx, AccordFact.AMENDMENT); }
    void assessments(Context ctx) { write(ctx, AccordFact.ASSESSMENT); }
    void groups(Context ctx) { write(ctx, AccordFact.GROUP); }
    void meetings(Context ctx) { write(ctx, AccordFact.MEETING); }
    void tasks(Context ctx) { write(ctx, AccordFact.TASK); }
    void remitClaims(Context ctx) { write(ctx, AccordFact.REMIT_CLAIM); }

    private void write(Context ctx, String type) {
        Principal p = Caller.required(ctx);
        JsonNode body = Json.body(ctx);
        boolean many = body.isArray();
        if (many && (body.isEmpty() || body.size() > 1000)) throw Answers.invalid(List.of(new Violation("", "must hold 1 to 1000 items")));
        List<AccordFact> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < (many ? body.size() : 1); i++) {
            String at = many ? "/" + i : "";
            Parsed<AccordFact> parsed = AccordReader.read(type, many ? body.get(i) : body, at);
            if (parsed instanceof Parsed.Ok<AccordFact> ok) {
                facts.add(ok.value());
                pointers.add(at);
            } else invalid.addAll(((Parsed.Invalid<AccordFact>) parsed).violations());
        }
        if (!invalid.isEmpty()) throw Answers.invalid(invalid);
        List<Violation> forbidden = inNameOf(p, facts, pointers);
        if (!forbidden.isEmpty()) throw Answers.forbidden(forbidden);
        Answers.outcome(ctx, Answers.recording(() -> recorder.record(facts, pointers, p.author())), many, pointers);
    }

    /** Every fact that speaks in a body's name: that name, its field, and whether it cites a document (and where). */
    private List<Violation> inNameOf(Principal p, List<AccordFact> facts, List<String> pointers) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            String at = pointers.get(i);
            AccordFact f = facts.get(i);
            if (f instanceof AccordFact.StatusAssessed s) {
                names.accords(p, s.assessor(), at + "/assessor", s.evidence().document() != null, at + "/evidence/document", v);
            } else if (f instanceof AccordFact.RemitClaimed c) {
                names.accords(p, c.source(), at + "/source", c.document() != null, at + "/document", v);
            } else if (f instanceof AccordFact.MeetingHeld m) {
                names.accords(p, m.source(), at + "/source", m.document() != null, at + "/document", v);
            } else if (f instanceof AccordFact.EventHappened e) {
                names.accords(p, e.source(), at + "/source", e.document() != null, at + "/document", v);
            } else if (f instanceof AccordFact.DeadlineAmended a) {
                names.accords(p, a.source(), at + "/source", a.document() != null, at + "/document", v);
            } else if (f instanceof AccordFact.VersionPublished ver && ver.publisher() != null) {
                names.accords(p, ver.publisher(), at + "/publisher", ver.document() != null, at + "/document", v);
            }
        }
        return v;
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

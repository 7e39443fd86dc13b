package org.truce.accords;

import org.truce.record.RecordWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.truce.record.Document;

/** Writes accords facts as ledger payloads, the form {@link AccordReader#fromLedger} reads. Stateless. */
public final class AccordWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AccordWriter() {}

    public static ObjectNode write(AccordFact fact) {
        ObjectNode n = F.objectNode();
        n.put("id", fact.id());
        if (fact instanceof AccordFact.AgreementDeclared a) {
            n.put("title", a.title()).put("date", a.date().toString());
            strings(n, "signatories", a.signatories());
            ArrayNode p = n.putArray("provisions");
            a.provisions().forEach(x -> p.addObject().put("number", x.number()).put("summary", x.summary()));
            document(n, a.document());
        } else if (fact instanceof AccordFact.VersionPublished v) {
            n.put("agreement", v.agreement()).put("lang", v.lang()).put("attribution", v.attribution());
            nullable(n, "publisher", v.publisher());
            ArrayNode p = n.putArray("points");
            v.points().forEach(x -> p.addObject().put("number", x.number()).put("text", x.text()));
            document(n, v.document());
        } else if (fact instanceof AccordFact.ObligationSet o) {
            n.put("agreement", o.agreement()).put("provision", o.provision()).put("what", o.what());
            strings(n, "who", o.who());
            if (o.deadline() == null) n.putNull("deadline");
            else {
                ObjectNode d = n.putObject("deadline");
                if (o.deadline().date() != null) d.put("date", o.deadline().date().toString());
                else d.put("event", o.deadline().event()).put("months", o.deadline().months()).put("days", o.deadline().days());
            }
            strings(n, "places", o.places());
            strings(n, "metrics", o.metrics());
            strings(n, "features", o.features());
            strings(n, "groups", o.groups());
            wordings(n, o.lang(), o.texts(), "what");
        } else if (fact instanceof AccordFact.EventHappened e) {
            n.put("title", e.title()).put("date", e.date().toString());
            strings(n, "fulfils", e.fulfils());
            nullable(n, "source", e.source());
            document(n, e.document());
        } else if (fact instanceof AccordFact.DeadlineAmended a) {
            n.put("obligation", a.obligation()).put("date", a.date().toString()).put("agreedOn", a.agreedOn().toString())
                    .put("basis", a.basis());
            nullable(n, "source", a.source());
            nullable(n, "agreement", a.agreement());
            document(n, a.document());
        } else if (fact instanceof AccordFact.StatusAssessed s) {
            n.put("obligation", s.obligation()).put("assessor", s.assessor()).put("status", s.status())
                    .put("date", s.date().toString()).put("illustrative", s.illustrative());
            nullable(n, "note", s.note());
            ObjectNode e = n.putObject("evidence");
            strings(e, "entries", s.evidence().entries());
            document(e, s.evidence().document());
        } else if (fact instanceof AccordFact.GroupFormed g) {
            n.put("name", g.name()).put("date", g.date().toString());
            nullable(n, "parent", g.parent());
            nullable(n, "agreement", g.agreement());
            ArrayNode c = n.putArray("coChairs");
            for (var x : g.coChairs()) {
                ObjectNode o = c.addObject().put("source", x.source()).put("office", x.office());
                nullable(o, "name", x.name());
            }
            strings(n, "members", g.members());
            document(n, g.document());
        } else if (fact instanceof AccordFact.MeetingHeld m) {
            n.put("title", m.title()).put("date", m.date().toString()).put("place", m.place()).put("source", m.source());
            nullable(n, "group", m.group());
            strings(n, "participants", m.participants());
            strings(n, "decisions", m.decisions());
            strings(n, "fulfils", m.fulfils());
            document(n, m.document());
            wordings(n, m.lang(), m.texts(), "title");
        } else if (fact instanceof AccordFact.TaskSet t) {
            n.put("task", t.task()).put("group", t.group()).put("owner", t.owner()).put("what", t.what()).put("status", t.status());
            nullable(n, "deadline", date(t.deadline()));
        } else {
            AccordFact.RemitClaimed c = (AccordFact.RemitClaimed) fact;
            n.put("group", c.group()).put("source", c.source()).put("claim", c.claim());
            document(n, c.document());
        }
        return n;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }

    private static void wordings(ObjectNode n, String lang, List<AccordFact.Wording> texts, String field) {
        n.put("lang", lang);
        ArrayNode a = n.putArray("texts");
        for (var w : texts) {
            ObjectNode t = a.addObject().put("lang", w.lang()).put(field, w.text());
            if (w.place() != null) t.put("place", w.place());
            t.put("attribution", w.attribution());
        }
    }

    private static void nullable(ObjectNode n, String field, String value) {
        if (value == null) n.putNull(field);
        else n.put(field, value);
    }

    private static void document(ObjectNode n, Document d) {
        if (d == null) n.putNull("document");
        else n.set("document", RecordWriter.document(d));
    }
}

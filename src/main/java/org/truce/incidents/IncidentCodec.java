package org.truce.incidents;

import org.truce.record.RecordWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.truce.record.Parsed;
import org.truce.record.Reading;

/**
 * Incident facts as ledger payloads: {@link #write} gives the form a client sends (with every
 * optional field present, null when absent), {@link #fromLedger} reads it back with the same
 * readers. Stateless.
 */
public final class IncidentCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final IncidentReader LEDGER = new IncidentReader(null);

    private IncidentCodec() {}

    public static boolean handles(String type) {
        return type.equals(IncidentFact.ALLEGED) || type.equals(IncidentFact.CLAIM) || type.equals(IncidentFact.STEP)
                || type.equals(IncidentFact.LINKED) || type.equals(IncidentFact.NIL);
    }

    /** A fact as the ledger holds it; the entry was checked when it was written. */
    public static IncidentFact fromLedger(String type, JsonNode payload) {
        Reading r = new Reading(true);
        Parsed<IncidentFact> parsed = switch (type) {
            case IncidentFact.ALLEGED -> LEDGER.allegation(r, payload, "");
            case IncidentFact.CLAIM -> LEDGER.claim(r, payload, "");
            case IncidentFact.STEP -> WorkflowReader.step(r, payload, "");
            case IncidentFact.LINKED -> WorkflowReader.link(r, payload, "");
            case IncidentFact.NIL -> WorkflowReader.nil(r, payload, "");
            default -> throw new IllegalArgumentException("not an incident entry: " + type);
        };
        if (parsed instanceof Parsed.Ok<IncidentFact> ok) return ok.value();
        throw new IllegalStateException("ledger entry does not read as " + type + ": " + ((Parsed.Invalid<IncidentFact>) parsed).violations());
    }

    public static ObjectNode write(IncidentFact fact) {
        ObjectNode n = F.objectNode();
        n.put("id", fact.clientId());
        if (fact instanceof IncidentFact.Alleged a) {
            n.put("source", a.source());
            document(n, a.document());
            n.put("illustrative", a.illustrative());
            n.put("date", a.date().toString());
            n.put("time", a.time() == null ? null : a.time().toString());
            n.put("timePrecision", a.timePrecision().wire());
            n.put("place", a.place());
            if (a.location() == null) n.putNull("location");
            else n.putObject("location").put("lon", BigDecimal.valueOf(a.location().lon())).put("lat", BigDecimal.valueOf(a.location().lat()));
            n.put("geoPrecision", a.geoPrecision().wire());
            n.put("eventType", a.eventType()).put("subEventType", a.subEventType());
            counts(n, a.counts());
            account(n, a.account());
        } else if (fact instanceof IncidentFact.Claimed c) {
            n.put("incident", c.incident()).put("source", c.source());
            document(n, c.document());
            n.put("eventType", c.eventType()).put("subEventType", c.subEventType());
            account(n, c.account());
        } else if (fact instanceof IncidentFact.StepRecorded s) {
            n.put("incident", s.incident()).put("step", s.step()).put("finding", s.finding()).put("date", s.date().toString())
                    .put("source", s.source()).put("eventType", s.eventType()).put("subEventType", s.subEventType());
            counts(n, s.counts());
            n.put("note", s.note());
        } else if (fact instanceof IncidentFact.Linked l) {
            n.put("allegation", l.allegation()).put("incident", l.incident()).put("reason", l.reason());
        } else {
            IncidentFact.NilReported z = (IncidentFact.NilReported) fact;
            n.put("source", z.source()).put("zone", z.zone()).put("zoneNamedBy", z.zoneNamedBy()).put("reportedArea", z.reportedArea())
                    .put("from", z.from().toString()).put("to", z.to().toString())
                    .put("statement", z.statement());
            document(n, z.document());
            n.put("illustrative", z.illustrative());
            // only when set, so that entries recorded before the field existed keep their bytes
            if (z.duplicateOf() != null) n.set("duplicateOf", RecordWriter.duplicateOf(z.duplicateOf()));
        }
        return n;
    }

    private static void document(ObjectNode n, org.truce.record.Document d) {
        if (d == null) n.putNull("document");
        else n.set("document", RecordWriter.document(d));
    }

    private static void counts(ObjectNode n, Map<String, Integer> counts) {
        ObjectNode c = n.putObject("counts");
        counts.forEach(c::put);
    }

    private static void account(ObjectNode n, IncidentFact.Account a) {
        n.put("actor1", a.actor1()).put("actor2", a.actor2()).put("account", a.wording());
        n.set("casualties", casualties(a.casualties()));
    }

    public static ObjectNode casualties(IncidentFact.Casualties c) {
        ObjectNode n = F.objectNode();
        n.putObject("killed").put("military", c.killedMilitary()).put("civilian", c.killedCivilian());
        n.putObject("wounded").put("military", c.woundedMilitary()).put("civilian", c.woundedCivilian());
        return n;
    }
}

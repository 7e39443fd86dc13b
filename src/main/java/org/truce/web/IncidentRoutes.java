package org.truce.web;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.truce.accounts.Principal;
import org.truce.accounts.Attribution.Speakers;
import org.truce.record.Voice;
import org.truce.record.Document;
import org.truce.record.Parsed;
import org.truce.catalog.PlaceNames;
import org.truce.record.Violation;
import org.truce.record.Actor;
import org.truce.incidents.DailyCounts;
import org.truce.incidents.Duplicates;
import org.truce.incidents.Held;
import org.truce.incidents.Incident;
import org.truce.incidents.IncidentCodec;
import org.truce.incidents.IncidentFact;
import org.truce.incidents.Incidents;
import org.truce.incidents.WorkflowReader;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Ledger;
import org.truce.catalog.Feature;

/**
 * Ceasefire incidents over HTTP. Allegations, claims and nil reports are written in the in-name-of
 * rules of reports (a reporter for its own source and the bodies part of it; a transcriber for any
 * body, citing the document); workflow steps, findings and links by verifiers, in their own
 * organisation's name, never a finding on what their organisation alleged. Everything is public to
 * read: incidents are public claims and carry no personal data. Illustrative data says so.
 */
final class IncidentRoutes {
    static final String NOTICE = "Illustrative demo data, not a record of a real event.";
    private final Incidents incidents;
    private final Ledger ledger;
    private final WriteRequest writes;
    private final WriteRoute<IncidentFact> allegations;
    private final WriteRoute<IncidentFact> claims;
    private final WriteRoute<IncidentFact> nils;
    private final WriteRoute<IncidentFact> steps;
    private final WriteRoute<IncidentFact> links;

    IncidentRoutes(Incidents incidents, WriteRequest writes, Ledger ledger) {
        this.incidents = incidents;
        this.writes = writes;
        this.ledger = ledger;
        WriteRoute.Recording<IncidentFact> record = (facts, pointers, actor) -> incidents.recorder().record(facts, pointers, actor);
        this.allegations = WriteRoute.of(incidents.reader()::allegation, record).speaking(Speakers.REPORTERS, IncidentRoutes::voice);
        this.claims = WriteRoute.of(incidents.reader()::claim, record).speaking(Speakers.REPORTERS, IncidentRoutes::voice);
        this.nils = WriteRoute.of(WorkflowReader::nil, record).speaking(Speakers.REPORTERS, IncidentRoutes::voice);
        // verifiers act in their own organisation's name, and find nothing on what a related body alleged
        this.steps = WriteRoute.of(WorkflowReader::step, record).speaking(Speakers.OWN_ORGANISATION, IncidentRoutes::voice)
                .checking((p, actor, f, at) -> f instanceof IncidentFact.StepRecorded s
                        ? incidents.recorder().rules().ownOrganisation(s, at, actor) : List.of());
        this.links = WriteRoute.of(WorkflowReader::link, record);
    }

    /** The body an allegation, a claim, a nil report or a step speaks for. */
    private static Voice voice(IncidentFact f, String at) {
        if (f instanceof IncidentFact.Alleged a) return Voice.of(a.source(), at + "/source", a.document(), at + "/document");
        if (f instanceof IncidentFact.Claimed c) return Voice.of(c.source(), at + "/source", c.document(), at + "/document");
        if (f instanceof IncidentFact.NilReported n) return Voice.of(n.source(), at + "/source", n.document(), at + "/document");
        if (f instanceof IncidentFact.StepRecorded s) return Voice.of(s.source(), at + "/source", null, at + "/document");
        return null;
    }

    /** The incidents' routes: the writes (through the one write path) and the reads. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.post(WebApp.API + "/incidents", writes.handler(allegations), Access.REPORTING);
        r.post(WebApp.API + "/claims", writes.handler(claims), Access.REPORTING);
        r.post(WebApp.API + "/incident-steps", writes.handler(steps), Access.VERIFIER);
        r.post(WebApp.API + "/incident-links", writes.handler(links), Access.VERIFIER);
        r.post(WebApp.API + "/nil-reports", writes.handler(nils), Access.REPORTING);
        r.get(WebApp.API + "/incidents", CsvTables.csv(this::list, Tables.INCIDENTS), Access.PUBLIC);
        // the named paths before {id}, which would match them too
        r.get(WebApp.API + "/incidents/duplicates", this::duplicates, Access.PUBLIC);
        r.get(WebApp.API + "/incidents/counts", this::counts, Access.PUBLIC);
        r.get(WebApp.API + "/incidents/export.csv", this::export, Access.PUBLIC);
        r.get(WebApp.API + "/incidents/{id}", this::one, Access.PUBLIC);
        r.get(WebApp.API + "/nil-reports", CsvTables.csv(this::nilReports, Tables.NIL_REPORTS), Access.PUBLIC);
    }

    /** An allegation from the desk's form: the same path as {@code POST /api/v1/incidents}. */
    AppendResult.Accepted allegation(Principal p, JsonNode body, String address) {
        return writes.accept(p, body, allegations, address).accepted();
    }

    /** A workflow step from the desk's review queue: the same path as {@code POST /api/v1/incident-steps}. */
    AppendResult.Accepted step(Principal p, JsonNode body, String address) {
        return writes.accept(p, body, steps, address).accepted();
    }

    /** A link of duplicates from the desk's review queue: the same path as {@code POST /api/v1/incident-links}. */
    AppendResult.Accepted link(Principal p, JsonNode body, String address) {
        return writes.accept(p, body, links, address).accepted();
    }

    void list(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate date = Params.date(ctx, "date", false);
        String status = ctx.queryParam("status");
        ArrayNode out = Json.array();
        for (Incident i : incidents.book().incidents(size)) {
            IncidentFact.Alleged a = i.allegation().fact();
            if (date != null && !on(a, date)) continue;
            if (status != null && !status.equals(i.status())) continue;
            out.add(incident(i, size));
        }
        Json.send(ctx, 200, out);
    }

    void one(Context ctx) {
        long size = Params.size(ctx, ledger);
        String id = ctx.pathParam("id");
        Incident i = incidents.book().incident(id.toLowerCase(java.util.Locale.ROOT), size)
                .orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no incident or allegation " + id));
        ObjectNode n = incident(i, size);
        if (!i.id().equals(id)) n.put("requested", id).put("linkedTo", i.id());
        Json.send(ctx, 200, n);
    }

    void duplicates(Context ctx) {
        long size = Params.size(ctx, ledger);
        ObjectNode n = Json.object().put("size", size).put("maxHours", Duplicates.HOURS).put("maxKm", Duplicates.KM)
                .put("note", "Proposals only: nothing is linked until a verifier records a link (POST /api/v1/incident-links).");
        ArrayNode out = n.putArray("proposals");
        for (Duplicates.Proposal d : incidents.duplicates().proposals(size)) {
            ObjectNode o = out.addObject();
            o.put("first", d.first().id()).put("firstSource", d.first().allegation().fact().source())
                    .put("second", d.second().id()).put("secondSource", d.second().allegation().fact().source())
                    .put("hoursApart", round(d.hoursApart(), 2)).put("kmApart", round(d.kmApart(), 3));
            illustrative(o, d.first().illustrative() || d.second().illustrative());
        }
        Json.send(ctx, 200, n);
    }

    void counts(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate date = Params.date(ctx, "date", true);
        ObjectNode n = Json.object().put("date", date.toString()).put("size", size)
                .put("note", "alleged (per alleging body) and confirmed (per finding body) are separate tallies, never added together;"
                        + " a zone not listed had no report at all; only incidents dated to the day are counted");
        ArrayNode zones = n.putArray("zones");
        for (DailyCounts.ZoneDay day : incidents.counts().on(date, size)) {
            ObjectNode z = zones.addObject().put("zone", day.zone());
            if (day.zone() != null) incidents.where().map().feature(day.zone(), size).ifPresent(f -> z.put("illustrativeGeometry", f.illustrative()));
            ArrayNode alleged = z.putArray("alleged");
            day.alleged().forEach(t -> alleged.add(tally(t)));
            ArrayNode confirmed = z.putArray("confirmed");
            day.confirmed().forEach(t -> confirmed.add(tally(t)));
            ArrayNode nil = z.putArray("nilReports");
            day.nil().forEach(h -> nil.add(nilReport(h, size)));
        }
        Json.send(ctx, 200, n);
    }

    void nilReports(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate date = Params.date(ctx, "date", false);
        ArrayNode out = Json.array();
        for (Held<IncidentFact.NilReported> h : incidents.book().nilReports(size)) {
            if (date != null && (h.fact().from().isAfter(date) || h.fact().to().isBefore(date))) continue;
            out.add(nilReport(h, size));
        }
        Json.send(ctx, 200, out);
    }

    void export(Context ctx) {
        long size = Params.size(ctx, ledger);
        String hxl = ctx.queryParam("hxl");
        if (hxl != null && !hxl.matches("true|false")) throw Problem.badParameter("hxl", "must be true or false");
        String csv = incidents.export().csv(size);
        // ACLED's own files have no hashtag row; ?hxl=true adds one after the header, as HXL 1.1 places it
        if ("true".equals(hxl)) {
            int end = csv.indexOf("\r\n") + 2;
            csv = csv.substring(0, end) + org.truce.incidents.Csv.row(Hxl.ACLED) + csv.substring(end);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"incidents.csv\"");
        ctx.status(200).contentType("text/csv; charset=utf-8").result(csv);
    }

    /** An incident is on a day when it is dated to that day, or its week or month contains the day. */
    private static boolean on(IncidentFact.Alleged a, LocalDate date) {
        if (a.timePrecision().knowsDay()) return a.date().equals(date);
        var span = a.timePrecision().interval(a.date(), null);
        var start = date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return !start.isBefore(span[0]) && start.isBefore(span[1]);
    }

    private ObjectNode incident(Incident i, long size) {
        IncidentFact.Alleged a = i.allegation().fact();
        ObjectNode n = Json.object().put("id", i.id()).put("status", i.status()).put("step", i.currentStep());
        illustrative(n, i.illustrative());
        n.put("date", a.date().toString()).put("time", a.time() == null ? null : a.time().toString())
                .put("timePrecision", a.timePrecision().wire()).put("place", a.place());
        incidents.where().point(a, size).ifPresentOrElse(
                p -> n.putObject("location").put("lon", BigDecimal.valueOf(p.lon())).put("lat", BigDecimal.valueOf(p.lat())),
                () -> n.putNull("location"));
        n.put("geoPrecision", a.geoPrecision().wire()).put("eventType", a.eventType()).put("subEventType", a.subEventType());
        ArrayNode zones = n.putArray("zones");
        for (Feature z : incidents.where().zones(a, size)) {
            zones.addObject().put("feature", z.id()).put("class", z.cls()).put("illustrative", z.illustrative());
        }
        ArrayNode allegations = n.putArray("allegations");
        for (Held<IncidentFact.Alleged> h : i.allegations()) allegations.add(entry(h, IncidentCodec.write(h.fact())));
        ArrayNode links = n.putArray("links");
        for (Held<IncidentFact.Linked> h : i.links()) links.add(entry(h, IncidentCodec.write(h.fact())));
        ArrayNode claims = n.putArray("claims");
        for (Held<IncidentFact.Claimed> h : i.claims()) claims.add(entry(h, IncidentCodec.write(h.fact())));
        ArrayNode steps = n.putArray("steps");
        for (Held<IncidentFact.StepRecorded> h : i.steps()) steps.add(entry(h, IncidentCodec.write(h.fact())));
        return n;
    }

    /** An entry as read: its position, its payload, and who stands behind it ({@link org.truce.ledger.BodyKeys.Attestation}). */
    private ObjectNode entry(Held<?> h, ObjectNode payload) {
        ObjectNode n = Json.object().put("seq", h.seq()).put("recordedAt", EntryCodec.formatInstant(h.recordedAt())).put("author", h.author());
        n.setAll(payload);
        n.put("signature", ledger.bodyKeys().attestation(h.seq()).wire());
        return n;
    }

    private static ObjectNode tally(DailyCounts.Tally t) {
        ObjectNode n = Json.object().put("source", t.source()).put("incidents", t.incidents().size());
        ArrayNode ids = n.putArray("incidentIds");
        t.incidents().forEach(ids::add);
        ObjectNode types = n.putObject("byType");
        t.byType().forEach(types::put);
        ObjectNode counts = n.putObject("counts");
        t.counts().forEach(counts::put);
        illustrative(n, t.illustrative());
        return n;
    }

    /** A nil report, saying which zone it covers and whether the reporter named it or Truce resolved it. */
    private ObjectNode nilReport(Held<IncidentFact.NilReported> h, long size) {
        IncidentFact.NilReported f = h.fact();
        ObjectNode n = entry(h, IncidentCodec.write(f));
        String zone = incidents.where().map().feature(f.zone(), size)
                .map(z -> PlaceNames.display(z.names(), PlaceNames.LATIN, z.id())).orElse(f.zone());
        n.put("zoneName", zone);
        n.put("zoneNote", f.resolvedByTruce()
                ? "The report names the area \"" + f.reportedArea() + "\" and no zone of the map; the map does not draw that area, and Truce"
                        + " counts the report under the zone " + zone + " for its tallies only."
                : "The zone " + zone + " is named in the report.");
        if (f.illustrative()) n.put("notice", NOTICE);
        return n;
    }

    private static void illustrative(ObjectNode n, boolean illustrative) {
        n.put("illustrative", illustrative);
        if (illustrative) n.put("notice", NOTICE);
    }

    private static BigDecimal round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP);
    }
}

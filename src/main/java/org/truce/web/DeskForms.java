package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.figures.Filed;
import org.truce.incidents.EventTypes;
import org.truce.ledger.AppendResult;
import org.truce.web.desk.Form;

/**
 * The desk's forms to submit a report and to allege an incident. Each submit goes through the same
 * reader, in-name-of rules and recorder as its API route ({@link FigureRoutes#report},
 * {@link IncidentRoutes#allegation}); a refusal re-renders the form with the API's status (422, 403,
 * 409) and each violation next to its field, and writes nothing; an accepted submit answers 303 to the
 * page of what was recorded. The entry id is minted when the form is shown, so a resubmitted form is
 * idempotent. Thread-safe.
 */
final class DeskForms {
    static final Map<String, FormJson.Kind> REPORT = fields(
            "source", "metric", "place", "kind", "value:n", "qualifier", "asOf", "asOfPrecision", "since", "attribution",
            "attributionKind", "attributionLang", "document.title", "document.publisher", "document.date", "document.url",
            "signature.keyId", "signature.signature");
    static final Map<String, FormJson.Kind> INCIDENT = fields(
            "source", "date", "timePrecision", "time", "place", "location.lon:n", "location.lat:n", "geoPrecision",
            "eventType", "subEventType", "actor1", "actor2", "account", "casualties.killed.military:i",
            "casualties.killed.civilian:i", "casualties.wounded.military:i", "casualties.wounded.civilian:i",
            "document.title", "document.publisher", "document.date", "document.url", "signature.keyId", "signature.signature");

    private final Truce truce;
    private final Pages pages;
    private final FigureRoutes writes;
    private final IncidentRoutes incidents;

    DeskForms(Truce truce, Pages pages, FigureRoutes writes, IncidentRoutes incidents) {
        this.truce = truce;
        this.pages = pages;
        this.writes = writes;
        this.incidents = incidents;
    }

    void reportForm(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", UUID.randomUUID().toString());
        v.put("source", p.sourceId() == null ? "" : p.sourceId());
        v.put("kind", "total");
        v.put("qualifier", "exact");
        v.put("asOfPrecision", "day");
        v.put("attributionKind", "paraphrase");
        v.put("asOf", LocalDate.now(truce.clock()).toString());
        renderReport(ctx, 200, Form.of(v));
    }

    void submitReport(Context ctx) {
        submit(ctx, REPORT, writes::report, "desk/report-form.jte", id -> "/desk/reports/" + id, this::reportParams);
    }

    void incidentForm(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", UUID.randomUUID().toString());
        v.put("source", p.sourceId() == null ? "" : p.sourceId());
        v.put("timePrecision", "day");
        v.put("geoPrecision", "near");
        v.put("date", LocalDate.now(truce.clock()).toString());
        renderIncident(ctx, 200, Form.of(v));
    }

    void submitIncident(Context ctx) {
        submit(ctx, INCIDENT, incidents::allegation, "desk/incident-form.jte", id -> "/desk/incidents/" + id, this::incidentParams);
    }

    /** What was recorded by the report form (or any report): the report as filed, in its source's name. */
    void report(Context ctx) {
        String id = ctx.pathParam("id");
        Filed filed = truce.figures().report(id).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no report " + id));
        long size = truce.ledger().size();
        pages.page(ctx, 200, "desk/report.jte", Pages.params("filed", filed, "report", filed.report(),
                "source", truce.figures().source(filed.report().source(), size).orElse(null),
                "metric", truce.figures().metric(filed.report().metric(), size).orElse(null),
                "place", truce.figures().place(filed.report().place(), size).orElse(null),
                "signature", truce.ledger().bodyKeys().attestation(filed.seq()).wire()));
    }

    private void submit(Context ctx, Map<String, FormJson.Kind> spec, FormWrite record,
                        String template, java.util.function.Function<String, String> result,
                        java.util.function.Function<Form, Map<String, Object>> params) {
        Principal p = Caller.required(ctx);
        Map<String, String> values = FormJson.values(ctx);
        var body = FormJson.object(values, spec);
        body.put("id", values.getOrDefault("id", ""));
        try {
            AppendResult.Accepted accepted = record.write(p, body, ctx.ip());
            ctx.redirect(result.apply(accepted.outcomes().get(0).entry().clientId()), HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            if (refused.errors().isEmpty()) throw refused;
            // a signature belongs to the bytes it signed: the next submit is signed anew
            values.remove("signature.keyId");
            values.remove("signature.signature");
            Form form = Form.refused(values, new ArrayList<>(spec.keySet()), refused.errors(), "");
            Map<String, Object> shown = new LinkedHashMap<>(params.apply(form));
            if (spec.containsKey("signature.keyId")) shown.put("signing", signing(refused));
            pages.page(ctx, refused.code().status(), template, shown);
        }
    }

    /** The bytes to sign and the key id, when the refusal is for a body's signature; else null. */
    private static org.truce.web.desk.Signing signing(Problem refused) {
        if (refused.code() != ErrorCode.BODY_SIGNATURE || refused.members() == null) return null;
        JsonNode first = refused.members().path("toSign").path(0);
        if (!first.path("keyId").isTextual()) return null;
        return new org.truce.web.desk.Signing(first.path("keyId").asText(), first.path("message").asText());
    }

    private void renderReport(Context ctx, int status, Form form) {
        pages.page(ctx, status, "desk/report-form.jte", reportParams(form));
    }

    private void renderIncident(Context ctx, int status, Form form) {
        pages.page(ctx, status, "desk/incident-form.jte", incidentParams(form));
    }

    private Map<String, Object> reportParams(Form form) {
        long size = truce.ledger().size();
        return Pages.params("form", form, "sources", truce.figures().sources(size), "metrics", truce.figures().metrics(size),
                "places", truce.figures().places(size));
    }

    private Map<String, Object> incidentParams(Form form) {
        long size = truce.ledger().size();
        return Pages.params("form", form, "sources", truce.figures().sources(size), "places", truce.figures().places(size),
                "eventTypes", EventTypes.ACLED);
    }

    /** Field names in page order; a suffix {@code :n} marks a decimal, {@code :i} a whole number. */
    private static Map<String, FormJson.Kind> fields(String... names) {
        Map<String, FormJson.Kind> out = new LinkedHashMap<>();
        for (String n : names) {
            if (n.endsWith(":n")) out.put(n.substring(0, n.length() - 2), FormJson.Kind.NUMBER);
            else if (n.endsWith(":i")) out.put(n.substring(0, n.length() - 2), FormJson.Kind.INTEGER);
            else out.put(n, FormJson.Kind.TEXT);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** One form's write: the same path as its API route. */
    @FunctionalInterface
    interface FormWrite {
        AppendResult.Accepted write(Principal p, JsonNode body, String address);
    }
}

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
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.figures.Filed;
import org.truce.figures.Report;
import org.truce.incidents.EventTypes;
import org.truce.ledger.AppendResult;
import org.truce.web.desk.Form;

/**
 * The desk's forms to submit a report and to allege an incident. Each submit goes through the same
 * reader, in-name-of rules and recorder as its API route ({@link FigureRoutes#report},
 * {@link IncidentRoutes#allegation}); a refusal re-renders the form with the API's status (422, 403,
 * 409) and each violation next to its field, and writes nothing; an accepted submit answers 303 to the
 * page of what was recorded. The entry id is minted when the form is shown, so a resubmitted form is
 * idempotent. Numbers and dates are read in the page's language first ({@link FormInput}); one that does
 * not read is refused (422) next to its field before anything is sent. The report form offers no body
 * by default, one number field per breakdown of the catalog's metrics, and, opened from a report's page,
 * prefilled to record that report's correction. Thread-safe.
 */
final class DeskForms {
    static final Map<String, FormJson.Kind> REPORT = fields(
            "corrects", "source", "metric", "place", "kind", "value:n", "qualifier", "asOf:d", "asOfPrecision", "since:d", "attribution",
            "attributionKind", "attributionLang", "spokesperson", "document.title", "document.publisher", "document.date:d", "document.url",
            "signature.keyId", "signature.signature");
    static final Map<String, FormJson.Kind> INCIDENT = fields(
            "source", "date:d", "timePrecision", "time", "place", "location.lon:n", "location.lat:n", "geoPrecision",
            "eventType", "subEventType", "actor1", "actor2", "account", "casualties.killed.military:i",
            "casualties.killed.civilian:i", "casualties.wounded.military:i", "casualties.wounded.civilian:i",
            "document.title", "document.publisher", "document.date:d", "document.url", "signature.keyId", "signature.signature");

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
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", UUID.randomUUID().toString());
        // no body is chosen for the officer: a transcriber records other bodies' figures, and a wrong
        // default would speak in the wrong name (the write path refuses it, but the choice is the officer's)
        v.put("source", "");
        v.put("kind", "total");
        v.put("qualifier", "exact");
        v.put("asOfPrecision", "day");
        v.put("attributionKind", "paraphrase");
        v.put("asOf", LocalDate.now(truce.clock()).toString());
        renderReport(ctx, 200, Form.of(v));
    }

    void submitReport(Context ctx) {
        submit(ctx, reportFields(), writes::report, "desk/report-form.jte", id -> "/desk/reports/" + id, this::reportParams);
    }

    /**
     * The report form prefilled with the version in force of report {@code id}, to record its
     * correction: a new report with {@code corrects} naming it, in the same body's name, through the
     * same submit as a new report. A version already replaced or withdrawn is not offered (409).
     */
    void correctForm(Context ctx) {
        String id = ctx.pathParam("id");
        Filed filed = truce.figures().report(id).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no report " + id));
        if (!filed.current()) {
            throw new Problem(ErrorCode.CONFLICT, "report " + id + " was already corrected or retracted by " + filed.endedBy()
                    + "; correct the version in force");
        }
        Report r = filed.report();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", UUID.randomUUID().toString());
        v.put("corrects", r.id());
        v.put("source", r.source());
        v.put("metric", r.metric());
        v.put("place", r.place());
        v.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        v.put("value", r.value().toPlainString());
        v.put("qualifier", r.qualifier().wire());
        v.put("asOf", r.asOf().toString());
        v.put("asOfPrecision", r.asOfPrecision().name().toLowerCase(java.util.Locale.ROOT));
        if (r.since() != null) v.put("since", r.since().toString());
        v.put("attribution", r.attribution());
        v.put("attributionKind", r.attributionKind().wire());
        if (r.attributionLang() != null) v.put("attributionLang", r.attributionLang());
        if (r.spokesperson() != null) v.put("spokesperson", r.spokesperson());
        r.breakdown().forEach((k, n) -> v.put("breakdown." + k, n.toPlainString()));
        if (r.document() != null) {
            putIf(v, "document.title", r.document().title());
            putIf(v, "document.publisher", r.document().publisher());
            putIf(v, "document.date", r.document().date() == null ? null : r.document().date().toString());
            putIf(v, "document.url", r.document().url());
        }
        renderReport(ctx, 200, Form.of(v));
    }

    private static void putIf(Map<String, String> v, String k, String value) {
        if (value != null) v.put(k, value);
    }

    /** The report form's fields: the fixed ones and one number field per breakdown any metric of the catalog allows. */
    Map<String, FormJson.Kind> reportFields() {
        Map<String, FormJson.Kind> out = new LinkedHashMap<>(REPORT);
        for (String b : breakdowns(truce.ledger().size()).keySet()) out.put("breakdown." + b, FormJson.Kind.NUMBER);
        return out;
    }

    /** Each breakdown name, with the metrics that allow it (space-separated), in catalog order. */
    private Map<String, String> breakdowns(long size) {
        Map<String, String> out = new LinkedHashMap<>();
        for (org.truce.catalog.Metric m : truce.figures().metrics(size)) {
            for (String b : m.breakdowns()) out.merge(b, m.id(), (a, c) -> a + " " + c);
        }
        return out;
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

    private void submit(Context ctx, Map<String, FormJson.Kind> spec, FormWrite record,
                        String template, java.util.function.Function<String, String> result,
                        java.util.function.BiFunction<Form, Ui, Map<String, Object>> paramsOf) {
        java.util.function.Function<Form, Map<String, Object>> params = f -> paramsOf.apply(f, pages.ui(ctx));
        Principal p = Caller.required(ctx);
        Map<String, String> values = FormJson.values(ctx);
        FormInput.Read read = FormInput.read(values, spec, pages.ui(ctx));
        if (!read.refused().isEmpty()) {
            // a number or date that does not read in the page's language is named before anything is sent
            Form form = Form.refused(values, new ArrayList<>(spec.keySet()), read.refused(), "");
            pages.page(ctx, ErrorCode.INVALID.status(), template, params.apply(form));
            return;
        }
        var body = FormJson.object(read.wire(), spec);
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
        pages.page(ctx, status, "desk/report-form.jte", reportParams(form, pages.ui(ctx)));
    }

    private void renderIncident(Context ctx, int status, Form form) {
        pages.page(ctx, status, "desk/incident-form.jte", incidentParams(form, pages.ui(ctx)));
    }

    private Map<String, Object> reportParams(Form form, Ui ui) {
        long size = truce.ledger().size();
        return Pages.params("form", form, "sources", truce.figures().sources(size), "metrics", truce.figures().metrics(size),
                "places", placeChoices(ui, size), "breakdowns", breakdowns(size),
                "dateExample", org.truce.web.desk.LocalInput.dateExample(LocalDate.now(truce.clock()), ui.lang()));
    }

    private Map<String, Object> incidentParams(Form form, Ui ui) {
        long size = truce.ledger().size();
        return Pages.params("form", form, "sources", truce.figures().sources(size), "places", placeChoices(ui, size),
                "eventTypes", EventTypes.ACLED,
                "dateExample", org.truce.web.desk.LocalInput.dateExample(LocalDate.now(truce.clock()), ui.lang()));
    }

    List<org.truce.web.desk.Choice> placeChoices(Ui ui, long size) {
        return PlaceLabels.of(truce.figures().places(size), ui,
                s -> truce.figures().source(s, size).map(src -> src.name(ui.lang())).orElse(s));
    }

    /** Field names in page order; a suffix {@code :n} marks a decimal, {@code :i} a whole number, {@code :d} a date. */
    private static Map<String, FormJson.Kind> fields(String... names) {
        Map<String, FormJson.Kind> out = new LinkedHashMap<>();
        for (String n : names) {
            if (n.endsWith(":n")) out.put(n.substring(0, n.length() - 2), FormJson.Kind.NUMBER);
            else if (n.endsWith(":i")) out.put(n.substring(0, n.length() - 2), FormJson.Kind.INTEGER);
            else if (n.endsWith(":d")) out.put(n.substring(0, n.length() - 2), FormJson.Kind.DATE);
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

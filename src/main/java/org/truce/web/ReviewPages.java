package org.truce.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.incidents.Duplicates;
import org.truce.incidents.Incident;
import org.truce.incidents.Workflow;
import org.truce.web.desk.Form;

/**
 * The verifiers' review queue: incidents whose workflow has a next step, each with a form to record
 * it, and the proposed duplicates, each with a form to link them. Both forms go through the same
 * reader, own-organisation rule and recorder as {@code POST /api/v1/incident-steps} and
 * {@code /incident-links} ({@link IncidentRoutes#step}, {@link IncidentRoutes#link}); a refusal
 * re-renders the queue with the API's status and the violations next to the fields of that one form.
 * Also the page of one incident, where an accepted form leads. Thread-safe.
 */
final class ReviewPages {
    static final Map<String, FormJson.Kind> STEP = Map.of("step", FormJson.Kind.TEXT, "finding", FormJson.Kind.TEXT,
            "date", FormJson.Kind.TEXT, "note", FormJson.Kind.TEXT, "incident", FormJson.Kind.TEXT);
    static final List<String> STEP_FIELDS = List.of("step", "finding", "date", "note", "incident");
    static final Map<String, FormJson.Kind> LINK = Map.of("allegation", FormJson.Kind.TEXT, "incident", FormJson.Kind.TEXT,
            "reason", FormJson.Kind.TEXT);
    static final List<String> LINK_FIELDS = List.of("reason", "allegation", "incident");

    private final Truce truce;
    private final Pages pages;
    private final IncidentRoutes incidents;

    ReviewPages(Truce truce, Pages pages, IncidentRoutes incidents) {
        this.truce = truce;
        this.pages = pages;
        this.incidents = incidents;
    }

    /** The queue, as known now. */
    void queue(Context ctx) {
        render(ctx, 200, Map.of(), Map.of());
    }

    void recordStep(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> values = FormJson.values(ctx);
        var body = FormJson.object(values, STEP);
        body.put("id", values.getOrDefault("id", ""));
        try {
            incidents.step(p, body, ctx.ip());
            ctx.redirect("/desk/incidents/" + values.get("incident"), HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            if (refused.errors().isEmpty()) throw refused;
            render(ctx, refused.code().status(), Map.of(values.getOrDefault("incident", ""),
                    Form.refused(values, STEP_FIELDS, refused.errors(), "")), Map.of());
        }
    }

    void recordLink(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> values = FormJson.values(ctx);
        var body = FormJson.object(values, LINK);
        body.put("id", values.getOrDefault("id", ""));
        try {
            incidents.link(p, body, ctx.ip());
            ctx.redirect("/desk/incidents/" + values.get("incident"), HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            if (refused.errors().isEmpty()) throw refused;
            render(ctx, refused.code().status(), Map.of(), Map.of(values.getOrDefault("allegation", ""),
                    Form.refused(values, LINK_FIELDS, refused.errors(), "")));
        }
    }

    /** One incident: every allegation, claim and step, each in its own body's name. */
    void incident(Context ctx) {
        String id = ctx.pathParam("id");
        long size = truce.ledger().size();
        Incident i = truce.incidents().book().incident(id.toLowerCase(java.util.Locale.ROOT), size)
                .orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no incident or allegation " + id));
        pages.page(ctx, 200, "desk/incident.jte", Pages.params("incident", i, "next", Workflow.next(i.currentStep()).orElse(null)));
    }

    private void render(Context ctx, int status, Map<String, Form> stepForms, Map<String, Form> linkForms) {
        long size = truce.ledger().size();
        String today = LocalDate.now(truce.clock()).toString();
        List<Incident> open = truce.incidents().book().incidents(size).stream()
                .filter(i -> Workflow.next(i.currentStep()).isPresent()).toList();
        Map<String, Form> steps = new HashMap<>();
        for (Incident i : open) {
            steps.put(i.id(), stepForms.getOrDefault(i.id(), Form.of(Map.of("id", UUID.randomUUID().toString(), "incident", i.id(),
                    "step", Workflow.next(i.currentStep()).get(), "date", today))));
        }
        List<Duplicates.Proposal> proposals = truce.incidents().duplicates().proposals(size);
        Map<String, Form> links = new HashMap<>();
        for (Duplicates.Proposal d : proposals) {
            links.put(d.second().id(), linkForms.getOrDefault(d.second().id(), Form.of(Map.of("id", UUID.randomUUID().toString(),
                    "allegation", d.second().id(), "incident", d.first().id()))));
        }
        pages.page(ctx, status, "desk/review.jte", Pages.params("open", open, "steps", steps, "proposals", proposals,
                "links", links, "stepNames", Workflow.STEPS, "findings", Workflow.FINDINGS));
    }
}

package org.truce.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.figures.Filed;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.StoredEntry;
import org.truce.web.desk.Form;
import org.truce.web.desk.Versions;

/**
 * A recorded report's page ({@code /desk/reports/{id}}): the report as filed, in its source's name;
 * where it stands in its chain of versions (what it replaced, what replaced or withdrew it, linked both
 * ways); and, while it is in force, the actions of an account with the reporter or transcriber role:
 * correct it (the report form prefilled, {@link DeskForms#correctForm}) and retract it with a reason.
 * A retraction is the body {@code {id, retracts, source, reason}} sent through the same write path as
 * {@code POST /api/v1/reports} ({@link FigureRoutes#report}), which decides who may: its refusal (403
 * for another body's report, 422, 409) is shown on this page, and writes nothing. The desk asks for a
 * reason, which the API leaves optional: the record shows it to readers of the withdrawn version.
 * Thread-safe.
 */
final class ReportPage {
    /** The one field of the retraction form; a refusal of the source or the id is said for the form as a whole. */
    static final List<String> RETRACT_FIELDS = List.of("retraction.reason");
    private final Truce truce;
    private final Pages pages;
    private final FigureRoutes writes;

    ReportPage(Truce truce, Pages pages, FigureRoutes writes) {
        this.truce = truce;
        this.pages = pages;
        this.writes = writes;
    }

    void show(Context ctx) {
        Filed filed = filed(ctx);
        Map<String, String> fresh = new LinkedHashMap<>();
        fresh.put("id", UUID.randomUUID().toString());
        render(ctx, 200, filed, Form.of(fresh));
    }

    void retract(Context ctx) {
        Principal p = Caller.required(ctx);
        Filed filed = filed(ctx);
        Map<String, String> values = FormJson.values(ctx);
        ObjectNode body = Json.object();
        body.put("id", values.getOrDefault("id", ""));
        body.put("retracts", filed.report().id());
        body.put("source", filed.report().source());
        String reason = values.get("retraction.reason");
        if (reason == null || reason.isEmpty()) {
            // the API takes a retraction without a reason; the desk asks for one, since readers see it
            Ui ui = pages.ui(ctx);
            render(ctx, ErrorCode.INVALID.status(), filed, Form.refused(values, RETRACT_FIELDS,
                    List.of(new org.truce.record.Violation("/retraction/reason", ui.t("desk.actions.reason.required"))), ""));
            return;
        }
        body.put("reason", reason);
        try {
            writes.report(p, body, ctx.ip());
            ctx.redirect("/desk/reports/" + filed.report().id(), HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            if (refused.errors().isEmpty()) throw refused;
            // the body's reason is the form's retraction.reason ("reason" is another form's field)
            List<org.truce.record.Violation> errors = refused.errors().stream()
                    .map(v -> v.pointer().equals("/reason") ? new org.truce.record.Violation("/retraction/reason", v.detail()) : v).toList();
            render(ctx, refused.code().status(), filed, Form.refused(values, RETRACT_FIELDS, errors, ""));
        }
    }

    private Filed filed(Context ctx) {
        String id = ctx.pathParam("id");
        return truce.figures().report(id).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no report " + id));
    }

    private void render(Context ctx, int status, Filed filed, Form retraction) {
        long size = truce.ledger().size();
        var r = filed.report();
        pages.page(ctx, status, "desk/report.jte", Pages.params("filed", filed, "report", r,
                "source", truce.figures().source(r.source(), size).orElse(null),
                "metric", truce.figures().metric(r.metric(), size).orElse(null),
                "place", truce.figures().place(r.place(), size).orElse(null),
                "signature", truce.ledger().bodyKeys().attestation(filed.seq()).wire(),
                "versions", versions(filed),
                "mayReport", Access.REPORTING.allows(Caller.required(ctx)),
                "retraction", retraction,
                "review", filed.reviewAt(size),
                "mayDecide", filed.awaitingReview() && writes.mayReview(Caller.required(ctx), r.id()).isEmpty(),
                "decisionId", java.util.UUID.randomUUID().toString()));
    }

    /** The version chain around {@code filed}; a retraction's reason is read from its ledger entry. */
    private Versions versions(Filed filed) {
        String replaces = filed.report().corrects();
        if (filed.current()) return new Versions(replaces, null, -1, false, null);
        boolean corrected = truce.figures().report(filed.endedBy()).isPresent();
        String reason = null;
        if (!corrected) {
            List<StoredEntry> e = truce.ledger().read(filed.endedAt(), 1);
            if (!e.isEmpty()) reason = EntryCodec.decode(e.get(0).bytes()).payload().path("reason").asText(null);
        }
        return new Versions(replaces, filed.endedBy(), filed.endedAt(), corrected, reason);
    }
}

package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.truce.feedback.Feedback;
import org.truce.feedback.FeedbackDesk;
import org.truce.feedback.Submission;
import org.truce.record.Violation;

/**
 * Readers' corrections and questions: the public form and its JSON twin, the published answers, and
 * the secretariat's queue. Nothing here touches the ledger; no answer ever carries an email address.
 * The public form has no session, so it is protected by a double-submit token in its own cookie.
 */
final class FeedbackRoutes {
    static final String FORM_COOKIE = "truce_form";
    private static final int LIST_LIMIT = 200;
    private final FeedbackDesk desk;
    private final Pages pages;
    private final Sessions sessions;

    /** {@code TRUCE_COOKIE_SECURE}, for the form's double-submit cookie. */
    private final boolean forceSecure;

    FeedbackRoutes(FeedbackDesk desk, Pages pages, Sessions sessions, boolean forceSecure) {
        this.forceSecure = forceSecure;
        this.desk = desk;
        this.pages = pages;
        this.sessions = sessions;
    }

    void routes(io.javalin.config.RoutesConfig r) {
        r.get("/feedback", this::formPage, Access.PUBLIC);
        r.post("/feedback", this::formPost, Access.PUBLIC);
        r.get("/feedback/answers", this::answersPage, Access.PUBLIC);
        r.get("/desk/feedback", this::deskPage, Access.SECRETARIAT);
        r.post("/desk/feedback/{id}", this::deskPost, Access.SECRETARIAT);
        r.post(WebApp.API + "/feedback", this::submitJson, Access.PUBLIC);
        r.get(WebApp.API + "/feedback", this::listJson, Access.SECRETARIAT);
        r.post(WebApp.API + "/feedback/{id}/decision", this::decideJson, Access.SECRETARIAT);
        r.get(WebApp.API + "/feedback/published", this::publishedJson, Access.PUBLIC);
    }

    private void formPage(Context ctx) {
        String date = ctx.queryParam("date");
        Submission blank = new Submission(date == null ? "" : date, "correction", "", "", "");
        form(ctx, 200, blank, List.of(), "1".equals(ctx.queryParam("sent")), null);
    }

    private void formPost(Context ctx) {
        String expected = ctx.cookie(FORM_COOKIE);
        String given = ctx.formParam("csrf");
        if (expected == null || given == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(ErrorCode.CSRF, "the form has expired; load /feedback again");
        }
        Submission s = new Submission(ctx.formParam("bulletin"), ctx.formParam("kind"), ctx.formParam("name"),
                ctx.formParam("email"), ctx.formParam("text"));
        FeedbackDesk.Outcome outcome = desk.receive(s, ctx.ip());
        if (outcome instanceof FeedbackDesk.Outcome.Received) {
            ctx.redirect("/feedback?sent=1", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof FeedbackDesk.Outcome.Refused refused) {
            form(ctx, 422, s, refused.violations(), false, null);
        } else {
            Duration wait = ((FeedbackDesk.Outcome.Throttled) outcome).retryAfter();
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            form(ctx, 429, s, List.of(), false, Math.max(1, (wait.toSeconds() + 59) / 60));
        }
    }

    /** The form, with the reader's input kept and each refused field marked next to the field. */
    private void form(Context ctx, int status, Submission s, List<Violation> errors, boolean sent, Long waitMinutes) {
        String csrf = sessions.randomToken();
        ctx.cookie(AccountRoutes.cookie(ctx, FORM_COOKIE, csrf, SameSite.STRICT, forceSecure));
        Map<String, String> fieldErrors = errors.stream()
                .collect(Collectors.toMap(v -> v.pointer().substring(1), Violation::detail, (a, b) -> a));
        pages.page(ctx, status, "feedback.jte", Pages.params("csrf", csrf, "form", s, "errors", fieldErrors,
                "sent", sent, "waitMinutes", waitMinutes));
    }

    private void answersPage(Context ctx) {
        pages.page(ctx, 200, "feedback-answers.jte", Pages.params("items", desk.list(Feedback.Status.PUBLISHED, LIST_LIMIT)));
    }

    private void deskPage(Context ctx) {
        pages.page(ctx, 200, "feedback-desk.jte", Pages.params("items", desk.list(null, LIST_LIMIT), "errors", List.of()));
    }

    private void deskPost(Context ctx) {
        Optional<List<Violation>> refused = desk.decide(ctx.pathParam("id"), ctx.formParam("status"), ctx.formParam("answer"),
                Caller.required(ctx).account());
        if (refused.isEmpty()) {
            ctx.redirect("/desk/feedback", HttpStatus.SEE_OTHER);
            return;
        }
        pages.page(ctx, 422, "feedback-desk.jte", Pages.params("items", desk.list(null, LIST_LIMIT), "errors", refused.get()));
    }

    private void submitJson(Context ctx) {
        JsonNode body = Json.body(ctx);
        Submission s = new Submission(text(body, "bulletin"), text(body, "kind"), text(body, "name"), text(body, "email"),
                text(body, "text"));
        FeedbackDesk.Outcome outcome = desk.receive(s, ctx.ip());
        if (outcome instanceof FeedbackDesk.Outcome.Received received) {
            Json.send(ctx, 201, Json.object().put("id", received.id()).put("status", "held"));
        } else if (outcome instanceof FeedbackDesk.Outcome.Refused refused) {
            throw Answers.invalid(refused.violations());
        } else {
            Duration wait = ((FeedbackDesk.Outcome.Throttled) outcome).retryAfter();
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            throw new Problem(ErrorCode.THROTTLED, "this address has sent " + FeedbackDesk.PER_ADDRESS
                    + " messages in the last hour; wait before sending another");
        }
    }

    private void listJson(Context ctx) {
        String status = ctx.queryParam("status");
        Feedback.Status wanted = null;
        if (status != null) {
            try {
                wanted = Feedback.Status.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problem.badParameter("status", "must be held, answered, published or dismissed");
            }
        }
        Json.send(ctx, 200, items(desk.list(wanted, LIST_LIMIT), true));
    }

    private void decideJson(Context ctx) {
        JsonNode body = Json.body(ctx);
        Optional<List<Violation>> refused = desk.decide(ctx.pathParam("id"), text(body, "status"), text(body, "answer"),
                Caller.required(ctx).account());
        if (refused.isPresent()) {
            if (refused.get().size() == 1 && refused.get().get(0).pointer().equals("/id")) {
                throw new Problem(ErrorCode.NOT_FOUND, refused.get().get(0).detail());
            }
            throw Answers.invalid(refused.get());
        }
        Json.send(ctx, 200, Json.object().put("id", ctx.pathParam("id")).put("status", text(body, "status").toLowerCase(Locale.ROOT)));
    }

    private void publishedJson(Context ctx) {
        Json.send(ctx, 200, items(desk.list(Feedback.Status.PUBLISHED, LIST_LIMIT), false));
    }

    /** The secretariat sees the sender's name; the public sees neither name nor email. */
    private static ObjectNode items(List<Feedback> list, boolean withNames) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        for (Feedback f : list) {
            ObjectNode n = items.addObject().put("id", f.id()).put("bulletin", f.bulletin().toString())
                    .put("kind", f.kind().name().toLowerCase(Locale.ROOT)).put("text", f.text())
                    .put("receivedAt", f.receivedAt().toString()).put("status", f.status().name().toLowerCase(Locale.ROOT))
                    .put("answer", f.answer());
            if (withNames) n.put("name", f.name()).put("answeredBy", f.answeredBy());
            n.put("answeredAt", f.answeredAt() == null ? null : f.answeredAt().toString());
        }
        return out;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw Answers.invalid(List.of(new Violation("/" + field, "must be a string")));
        return v.asText();
    }
}

package org.truce.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.bulletin.DraftComparison;
import org.truce.bulletin.Messages;
import org.truce.bulletin.Publication;
import org.truce.record.Violation;
import org.truce.web.desk.Form;
import org.truce.web.desk.LocalInput;

/**
 * Publishing from the desk ({@code /desk/publish}, the secretariat): pick a date (typed in the page's
 * language or ISO), see the draft bulletin of that date at the ledger's present size beside the
 * publication it would follow, every line that differs marked with its {@link org.truce.bulletin.Change},
 * and publish it: the form posts {@code {date, size}} through the same write path as
 * {@code POST /api/v1/publications} ({@link PublicationRoutes#publish}), at the size that was shown, so
 * what is published is what was reviewed. A refusal re-renders the page with the write path's status
 * and reasons, and writes nothing; a publication answers 303 to the home page when it is the newest
 * bulletin, else to the bulletin's page. Thread-safe.
 */
final class PublishPage {
    static final List<String> FIELDS = List.of("date", "size", "id");
    private final Truce truce;
    private final Pages pages;
    private final PublicationRoutes publications;

    PublishPage(Truce truce, Pages pages, PublicationRoutes publications) {
        this.truce = truce;
        this.pages = pages;
        this.publications = publications;
    }

    void show(Context ctx) {
        Ui ui = pages.ui(ctx);
        String raw = ctx.queryParam("date");
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            values.put("date", LocalInput.dateExample(LocalDate.now(truce.clock()), ui.lang()));
            render(ctx, 200, Form.of(values), null);
            return;
        }
        values.put("date", raw.strip());
        LocalInput.Read read = LocalInput.date(raw, ui.lang());
        if (read instanceof LocalInput.Refused refused) {
            Form form = Form.refused(values, FIELDS, List.of(new Violation("/date", ui.t("desk.input." + refused.reason(),
                    "value", raw, "example", LocalInput.dateExample(LocalDate.of(2021, 1, 31), ui.lang())))), "");
            render(ctx, 422, form, null);
            return;
        }
        LocalDate date = LocalDate.parse(((LocalInput.Ok) read).wire());
        render(ctx, 200, Form.of(values), compare(date, truce.ledger().size(), ui));
    }

    void publish(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> values = FormJson.values(ctx);
        var body = FormJson.object(values, Map.of("date", FormJson.Kind.TEXT, "size", FormJson.Kind.INTEGER));
        try {
            var accepted = publications.publish(p, body, ctx.ip());
            LocalDate date = LocalDate.parse(values.get("date"));
            long seq = accepted.outcomes().get(0).entry().seq();
            boolean newest = truce.publications().newest().map(n -> n.seq() == seq).orElse(false);
            ctx.redirect(newest ? "/" : "/bulletins/" + date, HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            if (refused.errors().isEmpty()) throw refused;
            Ui ui = pages.ui(ctx);
            DraftComparison shown = null;
            try {
                shown = compare(LocalDate.parse(values.getOrDefault("date", "")), truce.ledger().size(), ui);
            } catch (java.time.format.DateTimeParseException unreadable) {
                // the refusal names the date; there is no draft to show
            }
            render(ctx, refused.code().status(), Form.refused(values, FIELDS, refused.errors(), ""), shown);
        }
    }

    private DraftComparison compare(LocalDate date, long size, Ui ui) {
        Messages m = Messages.of(ui.lang()).orElseGet(() -> Messages.of("en").orElseThrow());
        return truce.issues().compare(date, size, m);
    }

    private void render(Context ctx, int status, Form form, DraftComparison comparison) {
        Ui ui = pages.ui(ctx);
        Publication base = comparison == null ? null : comparison.base();
        pages.page(ctx, status, "desk/publish.jte", Pages.params("form", form, "comparison", comparison,
                "baseIssuer", base == null ? null : truce.issues().issuerName(base, ui.lang()),
                "dateExample", LocalInput.dateExample(LocalDate.now(truce.clock()), ui.lang())));
    }
}
